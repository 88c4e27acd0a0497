using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Tabular;

namespace Urakata.Accounting.Import;

public enum JournalFileFormat
{
    /// <summary>弥生会計の仕訳日記帳 CSV (Shift_JIS, no header, 25 columns).</summary>
    Yayoi,
    /// <summary>Urakata's own journal CSV (docs/journal-csv.md), UTF-8 or Shift_JIS.</summary>
    Generic,
}

/// <summary>What an import did: the entries posted and their numbers, or every error and nothing posted.</summary>
public sealed record JournalFileImportResult(int Imported, IReadOnlyList<RowError> Errors, long? FirstNumber = null, long? LastNumber = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// 仕訳のインポート, all or nothing: the file is read and every row checked (format, codes, amounts, balance); then every
/// entry is checked against the ledger as posting would (periods, locks, tax rates, retired accounts); only when nothing
/// failed are the entries written, in one transaction, by the bulk path (<see cref="JournalImport"/>).
/// </summary>
public sealed partial class JournalFileImporter(UrakataDbContext db, LedgerContext ledger, JournalImport bulk)
{
    public async Task<JournalFileImportResult> ImportAsync(Stream file, JournalFileFormat format, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        var departments = await db.Departments.AsNoTracking().Select(d => new JournalImportCatalog.Item(d.Code, d.Name)).ToListAsync(ct);
        var partners = await db.Set<Partners.Partner>().AsNoTracking().Select(p => p.Code).ToListAsync(ct);
        var catalog = JournalImportCatalog.FromLedger(context, departments, partners);
        var read = format == JournalFileFormat.Yayoi ? YayoiJournalFormat.Parse(file, catalog) : GenericJournalCsv.Parse(file, catalog);
        if (!read.Succeeded)
        {
            return new JournalFileImportResult(0, read.Errors);
        }

        try
        {
            var summary = await bulk.ImportAsync([.. read.Entries.Select(e => e.Entry)], "import", progress, ct);
            return summary.Numbers.Count == 0
                ? new JournalFileImportResult(0, [])
                : new JournalFileImportResult(summary.Entries, [], summary.Numbers[0].First, summary.Numbers[^1].Last);
        }
        catch (ValidationException ex)
        {
            return new JournalFileImportResult(0, [.. ex.Errors.SelectMany(kv => RowErrors(read.Entries, kv.Key, kv.Value))]);
        }
    }

    /// <summary>
    /// A ledger rule broken by an entry (<c>entries[12].lines[1].account</c>), named at the entry's first row and the column
    /// the field comes from.
    /// </summary>
    private static IEnumerable<RowError> RowErrors(IReadOnlyList<ImportedEntry> entries, string key, string[] messages)
    {
        var match = EntryKey().Match(key);
        var row = match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < entries.Count
            ? entries[index].Rows[0] : 0;
        return messages.Select(message => new RowError(row, Column(key), message));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^entries\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex EntryKey();

    private static string Column(string? key) => (key?.Split('.').Last()) switch
    {
        "date" => AccountingMessages.ImportColumnDate,
        "account" or "subAccount" => AccountingMessages.ImportColumnAccount,
        "department" => AccountingMessages.ImportColumnDepartment,
        "partner" => AccountingMessages.ImportColumnPartner,
        "taxCode" or "taxAmount" => AccountingMessages.ImportColumnTax,
        "amount" or "lines" => AccountingMessages.ImportColumnAmount,
        _ => AccountingMessages.ImportColumnRow,
    };
}
