using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Data;

namespace Urakata.Accounting.Reports;

/// <summary>One account across the twelve months: month-end balances for 貸借対照表 accounts, the month's movement for 損益 accounts.</summary>
public sealed record MonthlyTrendRow(Guid AccountId, string Code, string Name, AccountGroup Group, IReadOnlyList<long> Months, long Total);

/// <summary>月次推移表: every account with activity, twelve months side by side, in statement order.</summary>
public sealed record MonthlyTrend(int FiscalYear, IReadOnlyList<DateOnly> MonthStarts, IReadOnlyList<MonthlyTrendRow> Rows);

public sealed record DepartmentColumn(Guid Id, string Code, string Name);

public sealed record DepartmentRow(Guid AccountId, string Code, string Name, AccountGroup Group, IReadOnlyList<long> Amounts);

/// <summary>部門別損益: P/L accounts by 部門 (lines without a department in their own column), with each department's result.</summary>
public sealed record DepartmentProfitAndLoss(int FiscalYear, int FromPeriod, int ToPeriod, IReadOnlyList<DepartmentColumn> Departments,
    IReadOnlyList<DepartmentRow> Rows, IReadOnlyList<long> NetIncome);

/// <summary>月次推移表 and 部門別損益, both read from the monthly balance rows.</summary>
public sealed class MonthlyReports(UrakataDbContext db, LedgerContext ledger, FiscalYears years)
{
    public async Task<MonthlyTrend> TrendAsync(int fiscalYear, CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        var year = await years.ForYearAsync(fiscalYear, ct);
        var sums = await BalanceQueries.ByPeriodAsync(db, context.Company.Id, fiscalYear, ct);
        var rows = new List<MonthlyTrendRow>();
        foreach (var byAccount in sums.GroupBy(s => s.AccountId))
        {
            var account = context.Accounts[byAccount.Key];
            var movement = new long[13];
            foreach (var s in byAccount)
            {
                movement[s.Period] += s.Debit - s.Credit;
            }
            if (movement.All(m => m == 0))
            {
                continue;
            }
            var months = new long[12];
            long running = movement[0];
            for (var p = 1; p <= 12; p++)
            {
                running += movement[p];
                months[p - 1] = account.Group.IsBalanceSheet() ? account.Signed(running) : StatementSign(account, movement[p]);
            }
            rows.Add(new MonthlyTrendRow(account.Id, account.Code, account.Name, account.Group, months,
                account.Group.IsBalanceSheet() ? months[11] : months.Sum()));
        }
        return new MonthlyTrend(fiscalYear, [.. Enumerable.Range(1, 12).Select(year.PeriodStart)],
            [.. rows.OrderBy(r => r.Group).ThenBy(r => r.Code, StringComparer.Ordinal)]);
    }

    public async Task<DepartmentProfitAndLoss> DepartmentsAsync(int fiscalYear, int from, int to, CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        await years.ForYearAsync(fiscalYear, ct);
        var sums = (await BalanceQueries.ByDepartmentAsync(db, context.Company.Id, fiscalYear, Math.Max(from, 1), to, ct))
            .Where(s => !context.Accounts[s.AccountId].Group.IsBalanceSheet()).ToList();
        var ids = sums.Select(s => s.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var columns = ids.Select(id => departments.TryGetValue(id, out var d) ? new DepartmentColumn(d.Id, d.Code, d.Name) : new DepartmentColumn(Guid.Empty, "", AccountingMessages.NoDepartment))
            .OrderBy(c => c.Id == Guid.Empty).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var index = columns.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rows = new List<DepartmentRow>();
        var net = new long[columns.Count];
        foreach (var byAccount in sums.GroupBy(s => s.AccountId))
        {
            var account = context.Accounts[byAccount.Key];
            var amounts = new long[columns.Count];
            foreach (var s in byAccount)
            {
                var i = index[s.DepartmentId];
                amounts[i] += StatementSign(account, s.Debit - s.Credit);
                net[i] += account.Section == AccountSection.Revenue ? StatementSign(account, s.Debit - s.Credit) : -StatementSign(account, s.Debit - s.Credit);
            }
            rows.Add(new DepartmentRow(account.Id, account.Code, account.Name, account.Group, amounts));
        }
        return new DepartmentProfitAndLoss(fiscalYear, from, to, columns, [.. rows.OrderBy(r => r.Group).ThenBy(r => r.Code, StringComparer.Ordinal)], net);
    }

    /// <summary>A movement read on the side of the account's section (revenue credit, expenses debit), so 売上値引 reads negative under 売上高.</summary>
    private static long StatementSign(Account account, long debitMinusCredit) =>
        account.Group.NormalSide() == BalanceSide.Debit ? debitMinusCredit : -debitMinusCredit;
}
