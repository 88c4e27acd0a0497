using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Urakata.E2E;

/// <summary>
/// The real app on Kestrel (loopback, a free port) inside the test process, with a fresh data folder, plus one headless
/// Debian chromium. Shared by the tests of one class; each test opens its own browser context.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit calls IAsyncLifetime.DisposeAsync, which disposes the factory.")]
public sealed class UrakataServerFixture : IAsyncLifetime
{
    /// <summary>The demo password for every seeded login (the app requires at least 12 characters).</summary>
    public const string DemoPassword = "e2e-demo-password-1";

    private const string ChromiumPath = "/usr/bin/chromium";

    private UrakataWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The data folder of this fixture's app (SQLite file, keys, uploads).</summary>
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "urakata-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The app's address, for example <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The app's services, for a test that changes something behind the browser's back.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        _factory = new UrakataWebFactory(DataPath);
        _factory.UseKestrel(0);
        // StartServer builds the host; the app's own ServeAsync migrates, seeds the demo company and starts Kestrel.
        await Task.Run(_factory.StartServer);
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel reported no http address.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        if (!File.Exists(Path.Combine(DataPath, "urakata.db")))
        {
            throw new InvalidOperationException($"The app did not use Storage:DataPath={DataPath}: no urakata.db there.");
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium).");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) with the app as base URL and generous timeouts.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "ja-JP",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite pool) only leaves a temp folder behind.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class UrakataWebFactory(string dataPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Host settings reach the app's WebApplicationBuilder as command-line arguments, so they are visible to
            // everything CreateBuilder reads eagerly (database, keys folder, cookie names).
            builder.UseSetting("Storage:DataPath", dataPath);
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("Security:SecureCookies", "false");
            // Keeps the app from binding its default 127.0.0.1:5080; UseKestrel(0) picks the real port.
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}
