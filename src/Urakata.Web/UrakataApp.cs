using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Scalar.AspNetCore;
using Urakata.Platform;
using Urakata.Platform.Hosting;
using Urakata.Platform.Modules;
using Urakata.Web.Components;
using Urakata.Web.Components.Account;

namespace Urakata.Web;

/// <summary>Builds and runs the web host; the same builder serves the CLI verbs and the tests.</summary>
public static class UrakataApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Every module of this build, Platform first. A new module adds one line here.</summary>
    public static IReadOnlyList<IUrakataModule> Modules { get; } = [new PlatformModule(), new Workflow.WorkflowModule(), new Accounting.AccountingModule(), new People.PeopleModule()];

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Static assets of MudBlazor and Blazor are served from the build output in every environment.
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Services.AddUrakata(builder.Configuration, Modules);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddUrakataCircuits();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Urakata API"));
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(api);
        }
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. app.Services.GetRequiredService<ModuleCatalog>().PageAssemblies(typeof(App).Assembly)]);
        return app;
    }

    public static async Task<int> ServeAsync(string[] args)
    {
        var app = Build(CreateBuilder(args));
        var demo = await Startup.PrepareDatabaseAsync(app.Services, app.Configuration);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Startup.PrintWelcome(addresses, demo);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
