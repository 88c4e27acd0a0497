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
        // One round trip: the row is locked, moved on and read back by the same statement.
        var next = await IncrementAsync(companyId, kind, fiscalYear, count, cancellationToken);
        if (next is null)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO pf_number_sequences (company_id, kind, fiscal_year, next_value) VALUES ({companyId}, {kind}, {fiscalYear}, 1) ON CONFLICT (company_id, kind, fiscal_year) DO NOTHING",
                cancellationToken);
            next = await IncrementAsync(companyId, kind, fiscalYear, count, cancellationToken);
        }
        return next!.Value - count;
    }

    /// <summary>Takes a number and formats it as <c>PREFIX-YYYY-000123</c>.</summary>
    public async Task<string> TakeFormattedAsync(string kind, string prefix, int fiscalYear, CancellationToken cancellationToken = default) =>
        Format(prefix, fiscalYear, await TakeAsync(kind, fiscalYear, cancellationToken));

    public static string Format(string prefix, int fiscalYear, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{fiscalYear:D4}-{number:D6}");

    private sealed record Sequence(long NextValue);

    /// <summary>Adds <paramref name="count"/> to the sequence and returns its new next value; null when the row does not exist yet.</summary>
    private async Task<long?> IncrementAsync(Guid companyId, string kind, int fiscalYear, int count, CancellationToken cancellationToken)
    {
        // UPDATE … RETURNING cannot be composed over: read the rows as they come, without LINQ operators.
        var rows = await db.Database.SqlQuery<Sequence>($"""
            UPDATE pf_number_sequences SET next_value = next_value + {count}
            WHERE company_id = {companyId} AND kind = {kind} AND fiscal_year = {fiscalYear}
            RETURNING next_value
            """).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0].NextValue;
    }
}
