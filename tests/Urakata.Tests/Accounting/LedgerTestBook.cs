using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Security;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Accounting;

/// <summary>A fresh company's ledger for feature tests (March year end, standard chart), posting as its administrator.</summary>
public sealed class LedgerTestBook(UrakataFactory factory, TestCompany company)
{
    public TestCompany Company { get; } = company;

    public static async Task<LedgerTestBook> CreateAsync(UrakataFactory factory, string name)
    {
        var company = await factory.CreateCompanyAsync(name, "adm-" + Guid.NewGuid().ToString("N")[..8]);
        return new LedgerTestBook(factory, company);
    }

    public Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => factory.InCompanyAsync(Company.Id, Company.AdminId, work);

    public Task<T> Use<TService, T>(Func<TService, Task<T>> work) where TService : notnull => Run(sp => work(sp.GetRequiredService<TService>()));

    public Task<JournalEntry> PostAsync(DateOnly date, string description, params JournalLineInput[] lines) =>
        Use<JournalPosting, JournalEntry>(p => p.PostAsync(new JournalEntryInput(date, description, lines)));

    /// <summary><c>urakata verify</c>'s journal check (run as the system, as the CLI does), the breaks in this company.</summary>
    public async Task<IReadOnlyList<ChainBreak>> VerifyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem("verify");
        var verifier = scope.ServiceProvider.GetServices<IChainVerifier>().OfType<JournalVerifier>().Single();
        var report = await verifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<UrakataDbContext>(), CancellationToken.None);
        return [.. report.Breaks.Where(b => b.CompanyId == Company.Id)];
    }

    public static JournalLineInput Dr(string account, long amount, string? tax = "-", string? sub = null, string? department = null, string? partner = null) =>
        new(BalanceSide.Debit, account, amount, tax, sub, department, partner);

    public static JournalLineInput Cr(string account, long amount, string? tax = "-", string? sub = null, string? department = null, string? partner = null) =>
        new(BalanceSide.Credit, account, amount, tax, sub, department, partner);
}
