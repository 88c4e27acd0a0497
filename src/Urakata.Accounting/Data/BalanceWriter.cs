using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Journal;
using Urakata.Platform.Data;

namespace Urakata.Accounting.Data;

/// <summary>One <c>acc_balances</c> row's key: "none" as <see cref="Guid.Empty"/>, as the table stores it.</summary>
internal readonly record struct BalanceKey(Guid CompanyId, int FiscalYear, int Period, Guid AccountId, Guid SubAccountId, Guid DepartmentId);

/// <summary>
/// Adds posted lines to <c>acc_balances</c> in the posting transaction: the lines summed by period × account × 補助科目 ×
/// 部門 first (PostgreSQL refuses to update one row twice in one statement), then one upsert — per entry when posting,
/// per batch of keys when importing.
/// </summary>
internal static class BalanceWriter
{
    /// <summary>Rows per upsert statement: 8 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    internal const int RowsPerStatement = 1000;

    public static Task<int> AddAsync(UrakataDbContext db, IReadOnlyCollection<JournalLine> lines, CancellationToken ct)
    {
        var sums = new Dictionary<BalanceKey, (long Debit, long Credit)>();
        Accumulate(sums, lines);
        return UpsertAsync(db, sums, ct);
    }

    /// <summary>Adds <paramref name="lines"/> to the in-memory sums.</summary>
    public static void Accumulate(Dictionary<BalanceKey, (long Debit, long Credit)> sums, IEnumerable<JournalLine> lines)
    {
        foreach (var l in lines)
        {
            var key = new BalanceKey(l.CompanyId, l.FiscalYear, l.Period, l.AccountId, l.SubAccountId ?? Guid.Empty, l.DepartmentId ?? Guid.Empty);
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _);
            sum = (sum.Debit + l.Debit, sum.Credit + l.Credit);
        }
    }

    /// <summary>Adds the sums to <c>acc_balances</c>: insert or add, <see cref="RowsPerStatement"/> keys per statement.</summary>
    public static async Task<int> UpsertAsync(UrakataDbContext db, IReadOnlyDictionary<BalanceKey, (long Debit, long Credit)> sums, CancellationToken ct)
    {
        var written = 0;
        foreach (var chunk in sums.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO acc_balances (company_id, fiscal_year, period, account_id, sub_account_id, department_id, debit, credit) VALUES ");
            var args = new List<object>(chunk.Length * 8);
            for (var i = 0; i < chunk.Length; i++)
            {
                var (key, (debit, credit)) = chunk[i];
                var p = args.Count;
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}}, {{{p + 6}}}, {{{p + 7}}})");
                args.AddRange([key.CompanyId, key.FiscalYear, key.Period, key.AccountId, key.SubAccountId, key.DepartmentId, debit, credit]);
            }
            sql.Append(" ON CONFLICT (company_id, fiscal_year, period, account_id, sub_account_id, department_id) DO UPDATE SET debit = acc_balances.debit + excluded.debit, credit = acc_balances.credit + excluded.credit");
            written += await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql.ToString(), [.. args]), ct);
        }
        return written;
    }
}
