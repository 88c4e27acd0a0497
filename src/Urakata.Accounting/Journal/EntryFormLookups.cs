using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Tax;
using Urakata.Platform.Data;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Journal;

public sealed record DepartmentOption(string Code, string Name);

/// <summary>What the entry form offers: active accounts with their sub-accounts, departments, tax codes, and the tax a line would split off.</summary>
public sealed class EntryFormLookups(UrakataDbContext db, LedgerContext ledger, ChartOfAccounts chart)
{
    public Task<List<AccountDto>> AccountsAsync(CancellationToken ct = default) => chart.ListAsync(null, includeInactive: false, ct);

    public async Task<List<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default) =>
        await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new DepartmentOption(d.Code, d.Name)).ToListAsync(ct);

    public async Task<LedgerSettingsDto> SettingsAsync(CancellationToken ct = default)
    {
        var s = (await ledger.LoadAsync(ct)).Settings;
        return new(s.Bookkeeping, s.TaxMethod, s.Rounding, s.SimplifiedBusinessCategory, s.Version);
    }

    /// <summary>The tax the posting would split from (or record in) a 税込 <paramref name="amount"/>; null when the code carries none on that date.</summary>
    public async Task<long?> PreviewTaxAsync(string? taxCode, long amount, DateOnly date, CancellationToken ct = default)
    {
        var code = TaxCodes.Find(taxCode);
        if (code is null || !code.CarriesTax || amount <= 0)
        {
            return null;
        }
        var context = await ledger.LoadAsync(ct);
        var rate = context.Rates.Rates.FirstOrDefault(r => r.Kind == code.RateKind && r.ValidFrom <= date && (r.ValidTo is null || date <= r.ValidTo));
        return rate is null ? null : TaxCalculator.FromInclusive(amount, rate.Rate, context.Settings.Rounding, context.Rates.CreditableShare(code, date)).Tax;
    }

    /// <summary>Accounts whose code starts with, or whose name or reading contains, what was typed (かな, ｶﾅ and カナ alike).</summary>
    public static IEnumerable<AccountDto> Match(IEnumerable<AccountDto> accounts, string? typed)
    {
        var key = JapaneseText.SearchKey(typed);
        return key.Length == 0 ? accounts : accounts.Where(a => a.Code.StartsWith(key, StringComparison.OrdinalIgnoreCase)
            || JapaneseText.SearchKey(a.Kana + a.Name).Contains(key, StringComparison.Ordinal));
    }
}
