using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.Accounting.Import;

/// <summary>
/// 弥生会計's journal CSV (仕訳日記帳 import/export; reference §8.2): Shift_JIS, CRLF, no header, 25 columns a row.
/// 識別フラグ 2000 is an entry of one row (its debit and credit side), 2111 a one-row voucher, and 2110 / 2100 / 2101
/// the first / middle / last rows of a voucher of several. A row carries a debit side, a credit side or both; an amount
/// of 0 leaves that side empty. Accounts, sub-accounts and departments are names; amounts include tax, and 借方/貸方税金額
/// is the tax in them.
/// </summary>
public static partial class YayoiJournalFormat
{
    public const int ColumnCount = 25;

    private const int FlagColumn = 0;
    private const int DateColumn = 3;
    private const int DescriptionColumn = 16;
    private const int TypeColumn = 19;
    private const int AdjustmentColumn = 24;

    private const string Single = "2000";
    private const string OneRowVoucher = "2111";
    private const string VoucherFirst = "2110";
    private const string VoucherMiddle = "2100";
    private const string VoucherLast = "2101";

    /// <summary>Where a side's six columns start (勘定科目, 補助科目, 部門, 税区分, 金額, 税金額) and what they are called.</summary>
    private sealed record SideColumns(BalanceSide Side, int First, Func<string> Account, Func<string> SubAccount, Func<string> Department,
        Func<string> TaxKind, Func<string> Amount, Func<string> TaxAmount);

    private static readonly SideColumns Debit = new(BalanceSide.Debit, 4, () => AccountingMessages.YayoiColumnDebitAccount,
        () => AccountingMessages.YayoiColumnDebitSubAccount, () => AccountingMessages.YayoiColumnDebitDepartment,
        () => AccountingMessages.YayoiColumnDebitTaxKind, () => AccountingMessages.YayoiColumnDebitAmount, () => AccountingMessages.YayoiColumnDebitTaxAmount);

    private static readonly SideColumns Credit = new(BalanceSide.Credit, 10, () => AccountingMessages.YayoiColumnCreditAccount,
        () => AccountingMessages.YayoiColumnCreditSubAccount, () => AccountingMessages.YayoiColumnCreditDepartment,
        () => AccountingMessages.YayoiColumnCreditTaxKind, () => AccountingMessages.YayoiColumnCreditAmount, () => AccountingMessages.YayoiColumnCreditTaxAmount);

    /// <summary>
    /// Reads a whole file (Shift_JIS as 弥生 writes it; UTF-8 is recognised too) and checks every row before returning
    /// anything: names resolve through <paramref name="catalog"/>, 税区分 through <paramref name="taxes"/>
    /// (<see cref="YayoiTaxMap.Default"/> when null).
    /// </summary>
    public static JournalImportResult Parse(Stream input, IJournalImportCatalog catalog, YayoiTaxMap? taxes = null)
    {
        taxes ??= YayoiTaxMap.Default;
        var result = new JournalImportBuilder();
        PendingEntry? voucher = null;
        try
        {
            using var reader = CsvTableReader.Open(input, leaveOpen: true);
            foreach (var record in reader.ReadRecords())
            {
                var row = record.Row;
                var flag = record[FlagColumn].Trim();
                PendingEntry entry;
                switch (flag)
                {
                    case Single or OneRowVoucher or VoucherFirst:
                        NotEnded(result, ref voucher);
                        entry = new PendingEntry(row);
                        voucher = flag == VoucherFirst ? entry : null;
                        break;
                    case VoucherMiddle or VoucherLast when voucher is not null:
                        entry = voucher;
                        break;
                    case VoucherMiddle or VoucherLast:
                        result.Error(row, AccountingMessages.YayoiColumnFlag, AccountingMessages.ImportVoucherNotStarted);
                        // Its fields are still checked, so that one pass reports everything.
                        entry = new PendingEntry(row) { Faulty = true };
                        break;
                    default:
                        result.Error(row, AccountingMessages.YayoiColumnFlag, AccountingMessages.ImportYayoiFlagUnknown(flag));
                        voucher?.Faulty = true;
                        continue;
                }
                entry.Rows.Add(row);
                if (record.Fields.Count != ColumnCount)
                {
                    result.Error(row, AccountingMessages.ImportColumnRow, AccountingMessages.ImportColumnCount(record.Fields.Count, ColumnCount));
                    entry.Faulty = true;
                }
                else if (!ReadRow(record, entry, catalog, taxes, result))
                {
                    entry.Faulty = true;
                }
                if (flag is Single or OneRowVoucher || (flag == VoucherLast && entry == voucher))
                {
                    result.Complete(entry);
                    voucher = flag == VoucherLast ? null : voucher;
                }
            }
            NotEnded(result, ref voucher);
        }
        catch (TabularException ex)
        {
            result.Errors(ex.Errors);
        }
        return result.Result();
    }

    /// <summary>
    /// Writes posted entries as 弥生 rows: an entry of one debit and one credit line as one 2000 row, any other as a
    /// voucher of one line a row (2110, 2100…, 2101). 税抜 tax lines are folded back (<see cref="ExportLines"/>), so the
    /// amounts are 税込 and the tax stands in 税金額, as 弥生 expects. A character Shift_JIS lacks throws
    /// <see cref="TabularException"/> naming every such cell.
    /// </summary>
    public static Task WriteAsync(Stream output, IAsyncEnumerable<JournalEntryDto> entries, YayoiTaxMap? taxes = null, CancellationToken ct = default)
    {
        taxes ??= YayoiTaxMap.Default;
        return CsvTableWriter.WriteAsync(output, Table.Of(ColumnNames(), Rows(entries, taxes, ct)),
            new CsvWriteOptions(CsvTextEncoding.ShiftJis, WriteHeader: false), ct);
    }

    public static Task WriteAsync(Stream output, IEnumerable<JournalEntryDto> entries, YayoiTaxMap? taxes = null, CancellationToken ct = default) =>
        WriteAsync(output, entries.ToAsyncEnumerable(), taxes, ct);

    private static void NotEnded(JournalImportBuilder result, ref PendingEntry? voucher)
    {
        if (voucher is not null)
        {
            result.Error(voucher.FirstRow, AccountingMessages.YayoiColumnFlag, AccountingMessages.ImportVoucherNotEnded);
            voucher = null;
        }
    }

    /// <summary>Adds a row's sides to <paramref name="entry"/>; false when any of its fields has an error.</summary>
    private static bool ReadRow(CsvRecord record, PendingEntry entry, IJournalImportCatalog catalog, YayoiTaxMap taxes, JournalImportBuilder result)
    {
        var row = record.Row;
        var date = ParseDate(record[DateColumn]);
        if (date is null)
        {
            result.Error(row, AccountingMessages.YayoiColumnDate, AccountingMessages.ImportDateInvalid(record[DateColumn]));
        }
        var ok = result.Date(entry, date, row, AccountingMessages.YayoiColumnDate);
        ok &= result.Description(record[DescriptionColumn], row, out var description);
        var lineDescription = entry.LineDescription(description);
        var debit = ReadSide(record, Debit, lineDescription, catalog, taxes, result, out var debitLine);
        var credit = ReadSide(record, Credit, lineDescription, catalog, taxes, result, out var creditLine);
        ok &= debit && credit;
        if (debit && credit && debitLine is null && creditLine is null)
        {
            result.Error(row, Debit.Amount(), AccountingMessages.ImportRowWithoutAmount);
            return false;
        }
        if (ok)
        {
            entry.Lines.AddRange(new[] { debitLine, creditLine }.OfType<JournalLineInput>());
        }
        return ok;
    }

    /// <summary>One side of a row as a line (null when its amount is 0); false when a field of it has an error.</summary>
    private static bool ReadSide(CsvRecord record, SideColumns side, string? description, IJournalImportCatalog catalog, YayoiTaxMap taxes,
        JournalImportBuilder result, out JournalLineInput? line)
    {
        line = null;
        var row = record.Row;
        var amountText = record[side.First + 4];
        var amount = string.IsNullOrWhiteSpace(amountText) ? 0 : result.Amount(amountText, row, side.Amount());
        if (amount is not > 0)
        {
            return amount is not null;
        }
        var errors = result.ErrorCount;
        var accountName = record[side.First].Trim();
        string? accountCode = null;
        if (accountName.Length == 0)
        {
            result.Error(row, side.Account(), AccountingMessages.ImportAccountRequired);
        }
        else if ((accountCode = catalog.AccountCodeByName(accountName)) is null)
        {
            result.Error(row, side.Account(), AccountingMessages.AccountUnknown(accountName));
        }
        var subName = record[side.First + 1].Trim();
        string? subCode = null;
        if (subName.Length > 0 && accountCode is not null && (subCode = catalog.SubAccountCodeByName(accountCode, subName)) is null)
        {
            result.Error(row, side.SubAccount(), AccountingMessages.SubAccountUnknown(subName));
        }
        var departmentName = record[side.First + 2].Trim();
        string? departmentCode = null;
        if (departmentName.Length > 0 && (departmentCode = catalog.DepartmentCodeByName(departmentName)) is null)
        {
            result.Error(row, side.Department(), AccountingMessages.DepartmentUnknown(departmentName));
        }
        var taxKind = record[side.First + 3].Trim();
        string? taxCode = null;
        if (taxKind.Length > 0 && !taxes.TryFind(taxKind, out taxCode))
        {
            result.Error(row, side.TaxKind(), AccountingMessages.ImportYayoiTaxUnknown(taxKind));
        }
        result.TaxAmount(record[side.First + 5], taxCode, amount.Value, row, side.TaxAmount(), out var tax);
        if (result.ErrorCount > errors)
        {
            return false;
        }
        line = new JournalLineInput(side.Side, accountCode!, amount.Value, taxCode, subCode, departmentCode, null, description, tax);
        return true;
    }

    /// <summary>20190701, 2019/07/01, 2019/7/1, or the era forms R.01/07/01 and R01/7/1 (reference §8.2).</summary>
    private static DateOnly? ParseDate(string text)
    {
        var match = DatePattern().Match(JapaneseText.Narrow(text));
        if (!match.Success)
        {
            return null;
        }
        int Number(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var (year, month, day) = (Number("y"), Number("m"), Number("d"));
        if (match.Groups["era"].Success)
        {
            return Wareki.FromEraYear(match.Groups["era"].Value[0], year, month, day);
        }
        return month is >= 1 and <= 12 && day >= 1 && year >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})|(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})|(?<era>[MTSHRmtshr])\.?(?<y>\d{1,2})/(?<m>\d{1,2})/(?<d>\d{1,2}))$")]
    private static partial Regex DatePattern();

    private static string[] ColumnNames() =>
    [
        AccountingMessages.YayoiColumnFlag, "伝票No.", "決算", AccountingMessages.YayoiColumnDate,
        Debit.Account(), Debit.SubAccount(), Debit.Department(), Debit.TaxKind(), Debit.Amount(), Debit.TaxAmount(),
        Credit.Account(), Credit.SubAccount(), Credit.Department(), Credit.TaxKind(), Credit.Amount(), Credit.TaxAmount(),
        AccountingMessages.ImportColumnDescription, "番号", "期日", "タイプ", "生成元", "仕訳メモ", "付箋1", "付箋2", "調整",
    ];

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IAsyncEnumerable<JournalEntryDto> entries, YayoiTaxMap taxes,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var lines = ExportLines.Fold(entry);
            var debits = lines.Where(l => l.Side == BalanceSide.Debit).ToList();
            var credits = lines.Where(l => l.Side == BalanceSide.Credit).ToList();
            if (debits.Count == 1 && credits.Count == 1)
            {
                yield return Row(Single, entry, debits[0], credits[0], entry.Description, taxes);
                continue;
            }
            for (var i = 0; i < lines.Count; i++)
            {
                var flag = lines.Count == 1 ? OneRowVoucher : i == 0 ? VoucherFirst : i == lines.Count - 1 ? VoucherLast : VoucherMiddle;
                var line = lines[i];
                yield return line.Side == BalanceSide.Debit
                    ? Row(flag, entry, line, null, line.Description, taxes)
                    : Row(flag, entry, null, line, line.Description, taxes);
            }
        }
    }

    private static object?[] Row(string flag, JournalEntryDto entry, ExportLine? debit, ExportLine? credit, string description, YayoiTaxMap taxes)
    {
        var cells = new object?[ColumnCount];
        cells[FlagColumn] = flag;
        cells[DateColumn] = entry.Date;
        Side(cells, Debit, debit, taxes);
        Side(cells, Credit, credit, taxes);
        cells[DescriptionColumn] = description;
        cells[TypeColumn] = 0;
        cells[AdjustmentColumn] = "no";
        return cells;
    }

    private static void Side(object?[] cells, SideColumns side, ExportLine? line, YayoiTaxMap taxes)
    {
        cells[side.First + 4] = line?.Amount ?? 0L;
        cells[side.First + 5] = line?.TaxAmount ?? 0L;
        if (line is null)
        {
            return;
        }
        cells[side.First] = line.Line.AccountName;
        cells[side.First + 1] = line.Line.SubAccountName;
        cells[side.First + 2] = line.Line.DepartmentName;
        cells[side.First + 3] = taxes.YayoiName(line.Line.TaxCode);
    }
}
