using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;

namespace Urakata.Accounting.Reports;

/// <summary>One account's sums over a span of periods, read from <c>acc_balances</c> (not from the journal lines).</summary>
public sealed record AccountSums(Guid AccountId, long Before, long Debit, long Credit);

/// <summary>One account's movement (debit − credit) in one period.</summary>
public sealed record AccountPeriodSum(Guid AccountId, int Period, long Debit, long Credit);

/// <summary>One account's movement (debit − credit) in one department.</summary>
public sealed record AccountDepartmentSum(Guid AccountId, Guid DepartmentId, long Debit, long Credit);

/// <summary>
/// The set-based reads behind every statement. They state the company in the SQL (the per-month rows are keyed by it)
/// so both databases answer from the primary key, whatever the size of the journal.
/// </summary>
internal static class BalanceQueries
{
    /// <summary>Per account: Σ(debit − credit) before <paramref name="from"/> (period 0 = 期首残高 included), and the debits and credits from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Task<List<AccountSums>> SumsAsync(UrakataDbContext db, Guid companyId, int fiscalYear, int from, int to, Guid? departmentId, CancellationToken ct) =>
        departmentId is { } dept
            ? db.Database.SqlQuery<AccountSums>($"""
                SELECT account_id AS account_id,
                       SUM(CASE WHEN period < {from} THEN debit - credit ELSE 0 END) AS before,
                       SUM(CASE WHEN period >= {from} THEN debit ELSE 0 END) AS debit,
                       SUM(CASE WHEN period >= {from} THEN credit ELSE 0 END) AS credit
                FROM acc_balances
                WHERE company_id = {companyId} AND fiscal_year = {fiscalYear} AND period <= {to} AND department_id = {dept}
                GROUP BY account_id
                """).ToListAsync(ct)
            : db.Database.SqlQuery<AccountSums>($"""
                SELECT account_id AS account_id,
                       SUM(CASE WHEN period < {from} THEN debit - credit ELSE 0 END) AS before,
                       SUM(CASE WHEN period >= {from} THEN debit ELSE 0 END) AS debit,
                       SUM(CASE WHEN period >= {from} THEN credit ELSE 0 END) AS credit
                FROM acc_balances
                WHERE company_id = {companyId} AND fiscal_year = {fiscalYear} AND period <= {to}
                GROUP BY account_id
                """).ToListAsync(ct);

    public static Task<List<AccountPeriodSum>> ByPeriodAsync(UrakataDbContext db, Guid companyId, int fiscalYear, CancellationToken ct) =>
        db.Database.SqlQuery<AccountPeriodSum>($"""
            SELECT account_id AS account_id, period AS period, SUM(debit) AS debit, SUM(credit) AS credit
            FROM acc_balances
            WHERE company_id = {companyId} AND fiscal_year = {fiscalYear}
            GROUP BY account_id, period
            """).ToListAsync(ct);

    public static Task<List<AccountDepartmentSum>> ByDepartmentAsync(UrakataDbContext db, Guid companyId, int fiscalYear, int from, int to, CancellationToken ct) =>
        db.Database.SqlQuery<AccountDepartmentSum>($"""
            SELECT account_id AS account_id, department_id AS department_id, SUM(debit) AS debit, SUM(credit) AS credit
            FROM acc_balances
            WHERE company_id = {companyId} AND fiscal_year = {fiscalYear} AND period >= {from} AND period <= {to}
            GROUP BY account_id, department_id
            """).ToListAsync(ct);
}
