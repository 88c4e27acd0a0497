using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Journal;
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
/// failed are the entries posted, in one transaction, through the same posting path as the entry form.
/// </summary>
public sealed class JournalFileImporter(UrakataDbContext db, LedgerContext ledger, JournalPosting posting)
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

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var errors = new List<RowError>();
        var prepared = new List<JournalEntry>(read.Entries.Count);
        foreach (var imported in read.Entries)
        {
            try
            {
                prepared.Add(await posting.PrepareAsync(imported.Entry, EntryKind.Normal, "import", null, ct));
            }
            catch (DomainException ex)
            {
                errors.AddRange(RowErrors(imported, ex));
            }
        }
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            return new JournalFileImportResult(0, errors);
        }
        long? first = null, last = null;
        for (var i = 0; i < prepared.Count; i++)
        {
            await posting.SaveAsync(prepared[i], ct);
            first ??= prepared[i].Number;
            last = prepared[i].Number;
            progress?.Report((i + 1, prepared.Count));
        }
        await db.CommitAsync(ct);
        return new JournalFileImportResult(prepared.Count, [], first, last);
    }

    /// <summary>A ledger rule broken by an entry, named at the entry's first row and the column the field comes from.</summary>
    private static IEnumerable<RowError> RowErrors(ImportedEntry entry, DomainException ex)
    {
        var row = entry.Rows[0];
        if (ex is ValidationException v)
        {
            return v.Errors.SelectMany(kv => kv.Value.Select(message => new RowError(row, Column(kv.Key), message)));
        }
        return [new RowError(row, Column(ex.Field), ex.Message)];
    }

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
