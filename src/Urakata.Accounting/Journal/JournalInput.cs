using Urakata.Accounting.Accounts;

namespace Urakata.Accounting.Journal;

/// <summary>
/// One line as a person or a client enters it: the account, sub-account, partner and department by their codes, the
/// amount as on the document (税込 when the tax code carries tax) and optionally the tax when the document states
/// a different figure (an invoice rounds once per rate, not per line).
/// </summary>
public sealed record JournalLineInput(BalanceSide Side, string AccountCode, long Amount, string? TaxCode = null, string? SubAccountCode = null,
    string? DepartmentCode = null, string? PartnerCode = null, string? Description = null, long? TaxAmount = null);

/// <summary>An entry to post (or to keep as a draft).</summary>
public sealed record JournalEntryInput(DateOnly Date, string? Description, IReadOnlyList<JournalLineInput> Lines);
