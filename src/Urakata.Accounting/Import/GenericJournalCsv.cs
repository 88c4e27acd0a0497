using System.Globalization;
using System.Runtime.CompilerServices;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Tax;
using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.Accounting.Import;

/// <summary>
/// Urakata's own journal CSV (docs/journal-csv.md): a header row, then one row per line; rows with the same 伝票番号
/// form one entry. Codes, not names, and our tax codes. UTF-8 or Shift_JIS, recognised when read.
/// </summary>
public static class GenericJournalCsv
{
    private sealed record Column(int Ordinal, string Japanese, string English, bool Required, Func<string> Label);

    private static readonly Column EntryKey = new(0, "伝票番号", "entry", true, () => AccountingMessages.CsvColumnEntryKey);
    private static readonly Column Date = new(1, "日付", "date", true, () => AccountingMessages.CsvColumnDate);
    private static readonly Column Side = new(2, "借貸", "side", true, () => AccountingMessages.CsvColumnSide);
    private static readonly Column Account = new(3, "勘定科目コード", "account", true, () => AccountingMessages.CsvColumnAccountCode);
    private static readonly Column SubAccount = new(4, "補助科目コード", "sub_account", false, () => AccountingMessages.CsvColumnSubAccountCode);
    private static readonly Column Department = new(5, "部門コード", "department", false, () => AccountingMessages.CsvColumnDepartmentCode);
    private static readonly Column Partner = new(6, "取引先コード", "partner", false, () => AccountingMessages.CsvColumnPartnerCode);
    private static readonly Column TaxCode = new(7, "税区分", "tax_code", false, () => AccountingMessages.CsvColumnTaxCode);
    private static readonly Column Amount = new(8, "金額", "amount", true, () => AccountingMessages.CsvColumnAmount);
    private static readonly Column TaxAmount = new(9, "税額", "tax_amount", false, () => AccountingMessages.CsvColumnTaxAmount);
    private static readonly Column Description = new(10, "摘要", "description", false, () => AccountingMessages.ImportColumnDescription);

    private static readonly Column[] Columns = [EntryKey, Date, Side, Account, SubAccount, Department, Partner, TaxCode, Amount, TaxAmount, Description];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"];

    /// <summary>The headers an export writes, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(c => c.Japanese)];

    /// <summary>Reads and checks a whole file; codes are checked against <paramref name="catalog"/>.</summary>
    public static JournalImportResult Parse(Stream input, IJournalImportCatalog catalog)
    {
        var result = new JournalImportBuilder();
        var entries = new Dictionary<string, PendingEntry>(StringComparer.Ordinal);
        try
        {
            using var reader = CsvTableReader.Open(input, leaveOpen: true);
            int[]? map = null;
            foreach (var record in reader.ReadRecords())
            {
                if (map is null)
                {
                    map = MapHeader(record, result);
                    if (map is null)
                    {
                        break;
                    }
                    continue;
                }
                ReadRow(record, map, entries, catalog, result);
            }
        }
        catch (TabularException ex)
        {
            result.Errors(ex.Errors);
        }
        foreach (var entry in entries.Values)
        {
            result.Complete(entry);
        }
        return result.Result();
    }

    /// <summary>
    /// Writes posted entries, a row per line, with Japanese headers; 伝票番号 is the fiscal year and entry number
    /// (2026-000042). 税抜 tax lines are folded back into 税込 amount + 税額, so the file reads back as what was posted.
    /// </summary>
    public static Task WriteAsync(Stream output, IAsyncEnumerable<JournalEntryDto> entries, CsvTextEncoding encoding = CsvTextEncoding.Utf8Bom,
        CancellationToken ct = default) =>
        CsvTableWriter.WriteAsync(output, Table.Of(Headers, Rows(entries, ct)), new CsvWriteOptions(encoding, DateFormat: "yyyy-MM-dd"), ct);

    public static Task WriteAsync(Stream output, IEnumerable<JournalEntryDto> entries, CsvTextEncoding encoding = CsvTextEncoding.Utf8Bom,
        CancellationToken ct = default) =>
        WriteAsync(output, entries.ToAsyncEnumerable(), encoding, ct);

    /// <summary>Each column's position in the file (-1: absent), matched by its Japanese or English header; null when a required one is missing.</summary>
    private static int[]? MapHeader(CsvRecord header, JournalImportBuilder result)
    {
        var map = new int[Columns.Length];
        Array.Fill(map, -1);
        for (var i = header.Fields.Count - 1; i >= 0; i--)
        {
            var name = JapaneseText.Narrow(header.Fields[i]);
            if (Array.Find(Columns, c => c.Japanese == name || string.Equals(c.English, name, StringComparison.OrdinalIgnoreCase)) is { } column)
            {
                map[column.Ordinal] = i;
            }
        }
        var missing = Columns.Where(c => c.Required && map[c.Ordinal] < 0).ToList();
        foreach (var column in missing)
        {
            result.Error(header.Row, column.Label(), AccountingMessages.ImportHeaderMissing(column.Japanese));
        }
        return missing.Count == 0 ? map : null;
    }

    private static void ReadRow(CsvRecord record, int[] map, Dictionary<string, PendingEntry> entries, IJournalImportCatalog catalog,
        JournalImportBuilder result)
    {
        var row = record.Row;
        string Field(Column column) => map[column.Ordinal] < 0 ? "" : record[map[column.Ordinal]].Trim();
        bool Present(Column column)
        {
            if (Field(column).Length > 0)
            {
                return true;
            }
            result.Error(row, column.Label(), AccountingMessages.ImportValueRequired);
            return false;
        }

        var errors = result.ErrorCount;
        var key = Field(EntryKey);
        PendingEntry? entry = null;
        if (Present(EntryKey) && !entries.TryGetValue(key, out entry))
        {
            entries[key] = entry = new PendingEntry(row);
        }
        // A row without a key belongs to no entry; its fields are still checked, so that one pass reports everything.
        entry ??= new PendingEntry(row) { Faulty = true };
        entry.Rows.Add(row);

        DateOnly? date = null;
        if (Present(Date))
        {
            if (DateOnly.TryParseExact(JapaneseText.Narrow(Field(Date)), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                result.Error(row, Date.Label(), AccountingMessages.ImportDateInvalid(Field(Date)));
            }
        }
        result.Date(entry, date, row, Date.Label());
        result.Description(Field(Description), row, out var description);
        var lineDescription = entry.LineDescription(description);

        BalanceSide? side = null;
        if (Present(Side))
        {
            side = ParseSide(Field(Side));
            if (side is null)
            {
                result.Error(row, Side.Label(), AccountingMessages.ImportSideInvalid(Field(Side)));
            }
        }
        var accountCode = Field(Account);
        var accountKnown = Present(Account) && catalog.HasAccount(accountCode);
        if (accountCode.Length > 0 && !accountKnown)
        {
            result.Error(row, Account.Label(), AccountingMessages.AccountUnknown(accountCode));
        }
        var subCode = Field(SubAccount);
        if (subCode.Length > 0 && accountKnown && !catalog.HasSubAccount(accountCode, subCode))
        {
            result.Error(row, SubAccount.Label(), AccountingMessages.SubAccountUnknown(subCode));
        }
        var departmentCode = Field(Department);
        if (departmentCode.Length > 0 && !catalog.HasDepartment(departmentCode))
        {
            result.Error(row, Department.Label(), AccountingMessages.DepartmentUnknown(departmentCode));
        }
        var partnerCode = Field(Partner);
        if (partnerCode.Length > 0 && !catalog.HasPartner(partnerCode))
        {
            result.Error(row, Partner.Label(), AccountingMessages.PartnerUnknown(partnerCode));
        }
        var taxText = Field(TaxCode);
        var taxCode = TaxCodes.Find(taxText)?.Code;
        if (taxText.Length > 0 && taxCode is null)
        {
            result.Error(row, TaxCode.Label(), AccountingMessages.ImportTaxCodeUnknown(taxText));
        }
        var amount = Present(Amount) ? result.Amount(Field(Amount), row, Amount.Label()) : null;
        if (amount == 0)
        {
            result.Error(row, Amount.Label(), AccountingMessages.AmountMustBePositive);
        }
        long? tax = null;
        if (amount > 0)
        {
            result.TaxAmount(Field(TaxAmount), taxCode, amount.Value, row, TaxAmount.Label(), out tax);
        }
        if (result.ErrorCount > errors)
        {
            entry.Faulty = true;
            return;
        }
        entry.Lines.Add(new JournalLineInput(side!.Value, accountCode, amount!.Value, taxCode, Blank(subCode), Blank(departmentCode), Blank(partnerCode),
            lineDescription, tax));
    }

    private static BalanceSide? ParseSide(string text) => JapaneseText.Narrow(text).ToUpperInvariant() switch
    {
        "借方" or "借" or "DEBIT" or "D" => BalanceSide.Debit,
        "貸方" or "貸" or "CREDIT" or "C" => BalanceSide.Credit,
        _ => null,
    };

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IAsyncEnumerable<JournalEntryDto> entries, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{entry.FiscalYear}-{entry.Number:D6}");
            foreach (var line in ExportLines.Fold(entry))
            {
                yield return
                [
                    key, entry.Date, line.Side == BalanceSide.Debit ? "借方" : "貸方", line.Line.AccountCode, line.Line.SubAccountCode,
                    line.Line.DepartmentCode, line.Line.PartnerCode, line.Line.TaxCode, line.Amount, line.TaxAmount, line.Description,
                ];
            }
        }
    }
}
