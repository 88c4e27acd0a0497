using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;

namespace Urakata.Platform.Numbering;

/// <summary>
/// Gap-free numbers per company, kind and fiscal year. A number is taken inside the caller's transaction:
/// the sequence row stays locked until that transaction ends, so a rollback gives the number back and
/// concurrent takers queue instead of skipping or duplicating.
/// </summary>
public sealed class NumberingService(UrakataDbContext db)
{
    public Task<long> TakeAsync(string kind, int fiscalYear, CancellationToken cancellationToken = default) =>
        TakeBlockAsync(kind, fiscalYear, 1, cancellationToken);

    /// <summary>
    /// Takes <paramref name="count"/> consecutive numbers in one UPDATE (a bulk import) and returns the first; the block
    /// is <c>first … first + count − 1</c>. Same rules as <see cref="TakeAsync"/>: inside the caller's transaction, gap-free.
    /// </summary>
    public async Task<long> TakeBlockAsync(string kind, int fiscalYear, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A number must be taken inside the transaction that uses it (gap-free numbering).");
        }
        var companyId = db.CurrentUser.RequireCompany();
        var updated = await IncrementAsync(companyId, kind, fiscalYear, count, cancellationToken);
        if (updated == 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO pf_number_sequences (company_id, kind, fiscal_year, next_value) VALUES ({companyId}, {kind}, {fiscalYear}, 1) ON CONFLICT (company_id, kind, fiscal_year) DO NOTHING",
                cancellationToken);
            await IncrementAsync(companyId, kind, fiscalYear, count, cancellationToken);
        }
        var next = await db.NumberSequences.AsNoTracking()
            .Where(s => s.CompanyId == companyId && s.Kind == kind && s.FiscalYear == fiscalYear)
            .Select(s => s.NextValue).SingleAsync(cancellationToken);
        return next - count;
    }

    /// <summary>Takes a number and formats it as <c>PREFIX-YYYY-000123</c>.</summary>
    public async Task<string> TakeFormattedAsync(string kind, string prefix, int fiscalYear, CancellationToken cancellationToken = default) =>
        Format(prefix, fiscalYear, await TakeAsync(kind, fiscalYear, cancellationToken));

    public static string Format(string prefix, int fiscalYear, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{fiscalYear:D4}-{number:D6}");

    private Task<int> IncrementAsync(Guid companyId, string kind, int fiscalYear, int count, CancellationToken cancellationToken) =>
        db.NumberSequences.Where(s => s.CompanyId == companyId && s.Kind == kind && s.FiscalYear == fiscalYear)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + count), cancellationToken);
}
