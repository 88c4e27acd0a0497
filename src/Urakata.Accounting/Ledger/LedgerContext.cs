using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Tax;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Ledger;

/// <summary>
/// What every ledger operation of one request needs, loaded once per scope: the company's settings, its chart of
/// accounts and sub-accounts, and the rate tables. A company that has never used the ledger gets the standard chart
/// (<see cref="StandardChart"/>) and default settings the first time.
/// </summary>
public sealed class LedgerContext(UrakataDbContext db, CurrentUser user, LedgerCache cache)
{
    private Loaded? _loaded;

    /// <summary>What changes when the chart or the settings change: versions only grow and rows are never deleted, so equal stamps mean equal data.</summary>
    internal sealed record Stamp(int? CompanyVersion, int? SettingsVersion, long Accounts, long SubAccounts);

    public sealed class Loaded
    {
        internal Loaded(Company company, LedgerSettings settings, List<Account> accounts, List<SubAccount> subAccounts, TaxRateTable rates)
        {
            Company = company;
            Settings = settings;
            Accounts = accounts.ToDictionary(a => a.Id);
            AccountsByCode = accounts.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
            SubAccounts = subAccounts.ToDictionary(s => s.Id);
            SubAccountsByCode = subAccounts.ToDictionary(s => (s.AccountId, s.Code.ToUpperInvariant()));
            Rates = rates;
            InputTax = accounts.Single(a => a.Role == AccountRole.InputTax);
            OutputTax = accounts.Single(a => a.Role == AccountRole.OutputTax);
            RetainedEarnings = accounts.Single(a => a.Role == AccountRole.RetainedEarnings);
        }

        public Company Company { get; }
        public LedgerSettings Settings { get; }
        public IReadOnlyDictionary<Guid, Account> Accounts { get; }
        public IReadOnlyDictionary<string, Account> AccountsByCode { get; }
        public IReadOnlyDictionary<Guid, SubAccount> SubAccounts { get; }
        public IReadOnlyDictionary<(Guid AccountId, string Code), SubAccount> SubAccountsByCode { get; }
        public TaxRateTable Rates { get; }
        public Account InputTax { get; }
        public Account OutputTax { get; }
        public Account RetainedEarnings { get; }

        public Account? AccountByCode(string? code) =>
            code is not null && AccountsByCode.TryGetValue(JapaneseText.Narrow(code), out var a) ? a : null;

        public SubAccount? SubAccountByCode(Guid accountId, string? code) =>
            code is not null && SubAccountsByCode.TryGetValue((accountId, JapaneseText.Narrow(code).ToUpperInvariant()), out var s) ? s : null;
    }

    public async Task<Loaded> LoadAsync(CancellationToken ct = default)
    {
        if (_loaded is not null)
        {
            return _loaded;
        }
        var companyId = user.RequireCompany();
        // One small query decides whether the company's chart held by this process is still current (another node or
        // request may have changed it); only then are the six reads below skipped.
        var stamp = await StampAsync(companyId, ct);
        if (stamp.SettingsVersion is null)
        {
            await SeedAsync(companyId, ct);
            stamp = await StampAsync(companyId, ct);
        }
        if (cache.TryGet(companyId, stamp) is { } cached)
        {
            return _loaded = cached;
        }
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == companyId, ct);
        var settings = await db.Set<LedgerSettings>().AsNoTracking().SingleAsync(ct);
        var accounts = await db.Set<Account>().AsNoTracking().ToListAsync(ct);
        var subs = await db.Set<SubAccount>().AsNoTracking().ToListAsync(ct);
        var rates = new TaxRateTable(await db.Set<TaxRate>().AsNoTracking().ToListAsync(ct),
            await db.Set<TransitionalCreditRate>().AsNoTracking().ToListAsync(ct));
        _loaded = new Loaded(company, settings, accounts, subs, rates);
        cache.Set(companyId, stamp, _loaded);
        return _loaded;
    }

    private Task<Stamp> StampAsync(Guid companyId, CancellationToken ct) =>
        db.Database.SqlQuery<Stamp>($"""
            SELECT (SELECT version FROM pf_companies WHERE id = {companyId}) AS company_version,
                   (SELECT version FROM acc_settings WHERE company_id = {companyId}) AS settings_version,
                   (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM acc_accounts WHERE company_id = {companyId}) AS accounts,
                   (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM acc_sub_accounts WHERE company_id = {companyId}) AS sub_accounts
            """).SingleAsync(ct);

    /// <summary>Forgets what was loaded (after the chart or the settings changed in this scope).</summary>
    public void Reset() => _loaded = null;

    private async Task SeedAsync(Guid companyId, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(async t =>
            {
                var accounts = StandardChart.Accounts.Select(r => new Account(r.Code, r.Name, r.Kana, r.Group, r.Side, r.Tax, r.English, r.Role)).ToList();
                db.AddRange(accounts);
                foreach (var (accountCode, code, name, kana) in StandardChart.SubAccounts)
                {
                    db.Add(new SubAccount(accounts.Single(a => a.Code == accountCode).Id, code, name, kana));
                }
                db.Add(new LedgerSettings(companyId));
                await db.SaveChangesAsync(t);
                return true;
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another request seeded the company at the same moment: its chart stands.
            if (!await db.Set<LedgerSettings>().AnyAsync(ct))
            {
                throw;
            }
        }
        db.ChangeTracker.Clear();
    }
}

/// <summary>
/// The loaded chart, settings and rates of each company, shared by the requests of this process and replaced when the
/// company's <see cref="LedgerContext.Stamp"/> changes. The held objects are read-only snapshots (loaded without tracking).
/// </summary>
public sealed class LedgerCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (LedgerContext.Stamp Stamp, LedgerContext.Loaded Loaded)> _entries = new();

    internal LedgerContext.Loaded? TryGet(Guid companyId, LedgerContext.Stamp stamp) =>
        _entries.TryGetValue(companyId, out var entry) && entry.Stamp == stamp ? entry.Loaded : null;

    internal void Set(Guid companyId, LedgerContext.Stamp stamp, LedgerContext.Loaded loaded) => _entries[companyId] = (stamp, loaded);
}
