using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Hosting;
using Urakata.Platform.Security;

namespace Urakata.Tests.Infrastructure;

/// <summary>The real application over a real database, through the real HTTP pipeline.</summary>
public class UrakataFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    public TestDatabase Database { get; private set; } = default!;

    /// <summary>The clock every service sees; tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    protected virtual bool UseFakeClock => false;

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Extra services for a derived factory (e.g. an event handler under test).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await DatabaseMigrator.MigrateAsync(Services);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Virtual, so derived factories (the SMTP server) clean up too.
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: problem details only, never the developer exception page.
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Urakata", Database.ConnectionString);
        builder.UseSetting("Storage:DataPath", Database.Folder);
        builder.UseSetting("Demo:Seed", "false");
        // Demo companies in tests start without past clock records: each test writes the attendance it asserts on.
        builder.UseSetting("Demo:History", "false");
        builder.UseSetting("Security:SecureCookies", "true");
        builder.UseSetting("Security:LoginsPerMinute", "1000");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(ConfigureTestServices);
        if (UseFakeClock)
        {
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>A client over https (the auth cookie is Secure and __Host-).</summary>
    public HttpClient CreateBrowserClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>An API client authenticated with a fresh personal access token of the user in the company.</summary>
    public async Task<HttpClient> CreateApiClientAsync(TestCompany company, Guid? userId = null)
    {
        var token = await InCompanyAsync(company.Id, userId ?? company.AdminId,
            sp => sp.GetRequiredService<AccessTokens>().CreateAsync(new CreateAccessToken("test", 30)));
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> in a new scope acting as <paramref name="userId"/> in the company.</summary>
    public async Task<T> InCompanyAsync<T>(Guid companyId, Guid? userId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().InCompany(companyId, userId, "test");
        return await work(scope.ServiceProvider);
    }

    public Task InCompanyAsync(Guid companyId, Guid? userId, Func<IServiceProvider, Task> work) =>
        InCompanyAsync<bool>(companyId, userId, async sp =>
        {
            await work(sp);
            return true;
        });

    /// <summary>A company with an administrator holding every permission, created as the founder would.</summary>
    public async Task<TestCompany> CreateCompanyAsync(string name, string adminUserName)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var current = sp.GetRequiredService<CurrentUser>();
        using var system = current.AsSystem("test");
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var admin = new AppUser { UserName = adminUserName, DisplayName = adminUserName + " 管理者", Email = adminUserName + "@example.jp" };
        UserAdmin.ThrowIfFailed(await users.CreateAsync(admin, Password));
        var company = await sp.GetRequiredService<CompanyAdmin>().FoundAsync(new SaveCompany(name, null, null, null, 3, null, null), admin.Id);
        admin.CurrentCompanyId = company.Id;
        await users.UpdateAsync(admin);
        return new TestCompany(company.Id, name, admin.Id, adminUserName);
    }
}

public sealed record TestCompany(Guid Id, string Name, Guid AdminId, string AdminUserName);
