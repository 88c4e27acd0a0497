using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Journal;
using Urakata.Platform.Data;

namespace Urakata.Accounting.Data;

/// <summary>
/// Adds posted lines to <c>acc_balances</c> in the posting transaction: one upsert per entry, the lines summed by
/// period × account × 補助科目 × 部門 first (PostgreSQL refuses to update one row twice in one statement).
/// </summary>
internal static class BalanceWriter
{
    public static Task<int> AddAsync(UrakataDbContext db, IReadOnlyCollection<JournalLine> lines, CancellationToken ct)
    {
        var rows = lines
            .GroupBy(l => (l.CompanyId, l.FiscalYear, l.Period, l.AccountId, Sub: l.SubAccountId ?? Guid.Empty, Dept: l.DepartmentId ?? Guid.Empty))
            .Select(g => (g.Key, Debit: g.Sum(l => l.Debit), Credit: g.Sum(l => l.Credit)))
            .ToList();
        if (rows.Count == 0)
        {
            return Task.FromResult(0);
        }
        var sql = new StringBuilder("INSERT INTO acc_balances (company_id, fiscal_year, period, account_id, sub_account_id, department_id, debit, credit) VALUES ");
        var args = new List<object>(rows.Count * 8);
        for (var i = 0; i < rows.Count; i++)
        {
            var (key, debit, credit) = rows[i];
            var p = args.Count;
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}}, {{{p + 6}}}, {{{p + 7}}})");
            args.AddRange([key.CompanyId, key.FiscalYear, key.Period, key.AccountId, key.Sub, key.Dept, debit, credit]);
        }
        sql.Append(" ON CONFLICT (company_id, fiscal_year, period, account_id, sub_account_id, department_id) DO UPDATE SET debit = acc_balances.debit + excluded.debit, credit = acc_balances.credit + excluded.credit");
        return db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql.ToString(), [.. args]), ct);
    }
}
