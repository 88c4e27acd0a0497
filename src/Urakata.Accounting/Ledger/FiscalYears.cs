using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Ledger;

/// <summary>Finds (and opens on first use) the fiscal year of a date, and locks periods.</summary>
public sealed class FiscalYears(UrakataDbContext db, LedgerContext ledger)
{
    /// <summary>The year containing <paramref name="date"/>, tracked (the caller may change its lock or status).</summary>
    public async Task<FiscalYear> ForDateAsync(DateOnly date, CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        return await ForYearAsync(context.Company.FiscalYearOf(date), ct);
    }

    public async Task<FiscalYear> ForYearAsync(int year, CancellationToken ct = default)
    {
        if (year is < 1900 or > 2999)
        {
            throw new DomainException(AccountingMessages.DateOutsideFiscalYear, "date");
        }
        var found = await db.Set<FiscalYear>().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (found is not null)
        {
            return found;
        }
        var context = await ledger.LoadAsync(ct);
        var fresh = new FiscalYear(context.Company.Id, year, context.Company.FiscalYearEndMonth);
        // Two first postings into a new year at once must both find one row: insert-if-absent, then read.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO acc_fiscal_years (id, company_id, year, start_date, end_date, status, locked_through, version) VALUES ({fresh.Id}, {fresh.CompanyId}, {year}, {fresh.StartDate}, {fresh.EndDate}, {nameof(FiscalYearStatus.Open)}, 0, 1) ON CONFLICT (company_id, year) DO NOTHING",
            ct);
        return await db.Set<FiscalYear>().SingleAsync(y => y.Year == year, ct);
    }

    public async Task<List<FiscalYear>> ListAsync(CancellationToken ct = default) =>
        await db.Set<FiscalYear>().AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(ct);

    /// <summary>月次締め: no posting up to and including <paramref name="period"/> (0 unlocks every month).</summary>
    public async Task<FiscalYear> LockThroughAsync(int year, int period, CancellationToken ct = default)
    {
        var fy = await ForYearAsync(year, ct);
        fy.LockThrough(period);
        await db.SaveChangesAsync(ct);
        return fy;
    }
}
