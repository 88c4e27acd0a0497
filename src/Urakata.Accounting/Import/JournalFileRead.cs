using System.Globalization;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Tax;
using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.Accounting.Import;

/// <summary>An entry read from a file, and the rows it came from (for messages when posting it fails later).</summary>
public sealed record ImportedEntry(JournalEntryInput Entry, IReadOnlyList<int> Rows);

/// <summary>
/// The outcome of reading a journal file, all or nothing: either every entry and no error, or every error (by row and
/// column) and no entry.
/// </summary>
public sealed record JournalImportResult(IReadOnlyList<ImportedEntry> Entries, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The rows of one entry while a file is read.</summary>
internal sealed class PendingEntry(int firstRow)
{
    public int FirstRow { get; } = firstRow;
    public DateOnly? Date { get; set; }
    public bool HasDate { get; set; }
    public string? Description { get; set; }
    public bool HasDescription { get; set; }
    public List<JournalLineInput> Lines { get; } = [];
    public List<int> Rows { get; } = [];
    /// <summary>A row of the entry has an error: the entry is not checked or returned, its rows' errors say why.</summary>
    public bool Faulty { get; set; }

    /// <summary>
    /// The first row's 摘要 describes the entry; a line keeps its own only where it differs (posting gives a line without
    /// one the entry's), so what an export wrote reads back as the same input.
    /// </summary>
    public string? LineDescription(string? rowDescription)
    {
        if (!HasDescription)
        {
            (Description, HasDescription) = (rowDescription, true);
        }
        return rowDescription == Description ? null : rowDescription;
    }
}

/// <summary>Collects the entries and the errors of one file, and the field rules both journal formats share.</summary>
internal sealed class JournalImportBuilder
{
    // The ledger's limits (JournalDraft, JournalEntry), checked here too so that a file reports them by row.
    public const int MaxLines = 200;
    public const int MaxDescriptionLength = 200;

    private readonly List<RowError> _errors = [];
    private readonly List<ImportedEntry> _entries = [];

    public int ErrorCount => _errors.Count;

    public void Error(int row, string column, string message) => _errors.Add(new RowError(row, column, message));

    public void Errors(IEnumerable<RowError> errors) => _errors.AddRange(errors);

    /// <summary>Checks a finished entry as posting would (lines, balance) and keeps it; the error names its first row.</summary>
    public void Complete(PendingEntry entry)
    {
        if (entry.Faulty || entry.Date is not { } date)
        {
            return;
        }
        var debit = entry.Lines.Where(l => l.Side == BalanceSide.Debit).Sum(l => l.Amount);
        var credit = entry.Lines.Where(l => l.Side == BalanceSide.Credit).Sum(l => l.Amount);
        var problem = entry.Lines.Count < 2 ? AccountingMessages.EntryNeedsTwoLines
            : entry.Lines.Count > MaxLines ? AccountingMessages.TooManyLines
            : debit != credit ? AccountingMessages.EntryUnbalanced(debit, credit)
            : null;
        if (problem is not null)
        {
            Error(entry.FirstRow, AccountingMessages.ImportColumnEntry, problem);
            return;
        }
        _entries.Add(new ImportedEntry(new JournalEntryInput(date, entry.Description, [.. entry.Lines]), [.. entry.Rows]));
    }

    public JournalImportResult Result() =>
        _errors.Count > 0 ? new JournalImportResult([], [.. _errors.OrderBy(e => e.Row)]) : new JournalImportResult([.. _entries], []);

    /// <summary>A whole number of yen, 0 or more; "1,000" (Excel's display) and full-width digits are accepted.</summary>
    public long? Amount(string text, int row, string column)
    {
        if (long.TryParse(JapaneseText.Narrow(text), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }
        Error(row, column, AccountingMessages.ImportAmountInvalid(text));
        return null;
    }

    /// <summary>
    /// The tax stated for a line, or null where none is (the ledger then computes it). It must fit in the amount, and
    /// only a code that carries tax can have one.
    /// </summary>
    public bool TaxAmount(string text, string? taxCode, long amount, int row, string column, out long? tax)
    {
        tax = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (Amount(text, row, column) is not { } value)
        {
            return false;
        }
        if (TaxCodes.Find(taxCode)?.CarriesTax != true)
        {
            if (value == 0)
            {
                return true;
            }
            Error(row, column, AccountingMessages.ImportTaxWithoutTaxCode);
            return false;
        }
        if (value > amount)
        {
            Error(row, column, AccountingMessages.TaxAmountInvalid);
            return false;
        }
        tax = value;
        return true;
    }

    /// <summary>The 摘要 of a row: trimmed, null when empty, at most 200 characters as the ledger allows.</summary>
    public bool Description(string text, int row, out string? description)
    {
        description = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (description is { Length: > MaxDescriptionLength })
        {
            Error(row, AccountingMessages.ImportColumnDescription, AccountingMessages.DescriptionTooLong);
            return false;
        }
        return true;
    }

    /// <summary>Sets the entry's date from its first row (null: it did not parse); a later row with another date is an error.</summary>
    public bool Date(PendingEntry entry, DateOnly? date, int row, string column)
    {
        if (!entry.HasDate)
        {
            (entry.Date, entry.HasDate) = (date, true);
        }
        else if (date is not null && entry.Date is { } first && first != date)
        {
            Error(row, column, AccountingMessages.ImportDateDiffers);
            return false;
        }
        return date is not null;
    }
}
