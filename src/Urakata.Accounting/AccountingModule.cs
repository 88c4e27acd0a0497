using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Modules;
using Urakata.Platform.Security;

namespace Urakata.Accounting;

/// <summary>
/// The general ledger (総勘定元帳): chart of accounts, 補助科目, 取引先, tax codes with effective-dated rates, fiscal
/// years, posted and hash-chained journal entries, monthly balances and the books and statements read from them.
/// Invoices, payables, banking and payroll post through <see cref="JournalPosting"/>.
/// </summary>
public sealed class AccountingModule : IUrakataModule
{
    public string Name => "accounting";

    public IEnumerable<PermissionDefinition> Permissions =>
    [
        new(AccountingPermissions.JournalRead, "仕訳・帳簿の閲覧", "Read the journal and the books", "accounting"),
        new(AccountingPermissions.JournalPost, "仕訳の登録・取消", "Post and reverse journal entries", "accounting"),
        new(AccountingPermissions.MastersManage, "勘定科目・取引先・会計設定の管理", "Manage accounts, partners and ledger settings", "accounting"),
        new(AccountingPermissions.PeriodsManage, "月次締め・決算・年度の再開", "Lock months, close and reopen fiscal years", "accounting"),
        new(AccountingPermissions.Import, "仕訳のインポート", "Import journal entries", "accounting"),
    ];

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("accounting", "Menu.Accounting.NewEntry", "accounting/journal/new", MudBlazor.Icons.Material.Filled.PostAdd, AccountingPermissions.JournalPost, Order: 20),
        new("accounting", "Menu.Accounting.Journal", "accounting/journal", MudBlazor.Icons.Material.Filled.MenuBook, AccountingPermissions.JournalRead, Order: 21),
        new("accounting", "Menu.Accounting.Reports", "accounting/reports", MudBlazor.Icons.Material.Filled.TableChart, AccountingPermissions.JournalRead, Order: 22),
        new("accounting", "Menu.Accounting.Ledger", "accounting/ledger", MudBlazor.Icons.Material.Filled.ListAlt, AccountingPermissions.JournalRead, Order: 23),
        new("accounting", "Menu.Accounting.Accounts", "accounting/accounts", MudBlazor.Icons.Material.Filled.AccountTree, AccountingPermissions.JournalRead, Order: 24),
        new("accounting", "Menu.Accounting.Partners", "accounting/partners", MudBlazor.Icons.Material.Filled.Business, AccountingPermissions.JournalRead, Order: 25),
        new("accounting", "Menu.Accounting.Recurring", "accounting/recurring", MudBlazor.Icons.Material.Filled.EventRepeat, AccountingPermissions.JournalRead, Order: 25),
        new("accounting", "Menu.Accounting.Import", "accounting/import", MudBlazor.Icons.Material.Filled.ImportExport, AccountingPermissions.Import, Order: 26),
        new("accounting", "Menu.Accounting.Settings", "accounting/settings", MudBlazor.Icons.Material.Filled.Tune, AccountingPermissions.JournalRead, Order: 27),
    ];

    public IEnumerable<(string RoleKey, string Permission)> DemoGrants =>
    [
        ("accounting", AccountingPermissions.JournalRead),
        ("accounting", AccountingPermissions.JournalPost),
        ("accounting", AccountingPermissions.MastersManage),
        ("accounting", AccountingPermissions.PeriodsManage),
        ("accounting", AccountingPermissions.Import),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<LedgerCache>().AddSingleton<PostingBatcher>().AddScoped<LedgerContext>().AddScoped<FiscalYears>().AddScoped<EntryFormLookups>().AddScoped<Import.JournalFileImporter>().AddScoped<Import.JournalImport>().AddScoped<Recurring.RecurringEntries>().AddScoped<Recurring.RecurringEntriesJob>().AddScoped<JournalPosting>().AddScoped<JournalQueries>()
            .AddScoped<YearEndClose>().AddScoped<LedgerSettingsService>().AddScoped<Accounts.ChartOfAccounts>().AddScoped<Partners.PartnerDirectory>()
            .AddScoped<JournalDrafts>().AddScoped<JournalEvidence>().AddScoped<Reports.MonthlyReports>().AddScoped<Reports.TaxSummaryReport>().AddScoped<Reports.TrialBalanceReport>().AddScoped<Reports.GeneralLedgerReport>()
            .AddSingleton<Platform.Audit.IChainVerifier, JournalVerifier>();

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        Api.AccountingApi.Map(api);
        Api.AccountingExports.Map(api);
    }

    public void AddJobs(IQuartzBuilder quartz)
    {
        quartz.AddJob<Recurring.RecurringEntriesJob>(j => j.WithIdentity(Recurring.RecurringEntriesJob.Key));
        // 06:00 every day, Japan time: rent dated the 27th is in the books when the accountant arrives that morning.
        quartz.AddTrigger(t => t.ForJob(Recurring.RecurringEntriesJob.Key).WithIdentity("accounting.recurring.morning")
            .WithCronSchedule("0 0 6 * * ?", c => c.InTimeZone(Platform.Kernel.JapanTime.Zone)));
    }

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Demo.AccountingDemo.SeedAsync(services, ct);
}

public static class AccountingPermissions
{
    public const string JournalRead = "accounting.journal.read";
    public const string JournalPost = "accounting.journal.post";
    public const string MastersManage = "accounting.masters.manage";
    public const string PeriodsManage = "accounting.periods.manage";
    public const string Import = "accounting.import";
}
