using Urakata.Platform.Domain;

namespace Urakata.Accounting.Ledger;

/// <summary>
/// 月次残高: the debit and credit totals of one account × 補助科目 × 部門 in one period of a fiscal year, kept up to date
/// in the posting transaction. Statements read these rows (accounts × months), never the journal lines. "None" is
/// stored as <see cref="Guid.Empty"/> so the key is a plain unique key on both databases.
/// </summary>
public sealed class LedgerBalance : ICompanyOwned, IDerivedRecord
{
    public Guid CompanyId { get; set; }
    public int FiscalYear { get; set; }
    public int Period { get; set; }
    public Guid AccountId { get; set; }
    public Guid SubAccountId { get; set; }
    public Guid DepartmentId { get; set; }
    public long Debit { get; set; }
    public long Credit { get; set; }
}
