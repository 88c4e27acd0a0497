using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Quartz;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Files;
using Urakata.Platform.Jobs;
using Urakata.Platform.Modules;
using Urakata.Platform.Notifications;
using Urakata.Platform.Numbering;
using Urakata.Platform.Org;
using Urakata.Platform.Outbox;
using Urakata.Platform.Security;

namespace Urakata.Platform.Hosting;

/// <summary>Registers the platform's infrastructure, then every module's services.</summary>
public static class UrakataServices
{
    public const string LoginRateLimit = "login";
    public static readonly CultureInfo[] Cultures = [new("ja-JP"), new("en-US")];

    public static IServiceCollection AddUrakata(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IUrakataModule> modules)
    {
        var catalog = new ModuleCatalog(modules);
        services.AddSingleton(catalog);
        services.AddSingleton(new ModelAssemblies(catalog.Assemblies));
        services.AddSingleton(new PermissionRegistry(modules.SelectMany(m => m.Permissions)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<FileStoreOptions>(o =>
        {
            configuration.GetSection("Files").Bind(o);
            o.Root = Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine(DatabaseSetup.DataPath(configuration), "files"));
        });
        services.AddSingleton<IChainVerifier, AuditVerifier>();

        var provider = DatabaseSetup.Provider(configuration);
        var connectionString = DatabaseSetup.ConnectionString(configuration);
        services.AddDbContext<UrakataDbContext>(o => DatabaseSetup.Configure(o, provider, connectionString));

        AddIdentity(services, configuration);
        AddAuthorization(services);
        services.AddSingleton<HtmlEncoder>(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            // Neutral "ja"/"en" too, so API clients sending Accept-Language: en get English messages.
            o.SupportedCultures = [.. Cultures, new("ja"), new("en")];
            o.SupportedUICultures = [.. Cultures, new("ja"), new("en")];
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureCookie }, new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // ASVS 6.1.1/6.3.1: limit guessing per client address; per-account lockout is Identity's.
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Security:LoginsPerMinute", 30), Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddDataProtection().SetApplicationName("Urakata")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseSetup.DataPath(configuration), "keys")));
        services.AddMudServices();

        services.AddQuartz(q =>
        {
            if (string.Equals(configuration["Jobs:Store"], "postgres", StringComparison.OrdinalIgnoreCase))
            {
                q.UsePersistentStore(s =>
                {
                    // Creates the QRTZ_* tables on first start; later starts find them.
                    s.ProvisionSchema();
                    s.UsePostgres(configuration.GetConnectionString("Jobs") ?? connectionString);
                    s.UseSystemTextJsonSerializer();
                    s.UseClustering();
                });
            }
            foreach (var module in modules)
            {
                module.AddJobs(q);
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.AddScoped<PermissionService>();
        services.AddScoped<NumberingService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<OrgDirectory>();
        services.AddScoped<OrgAdmin>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<RoleAdmin>();
        services.AddScoped<CompanyAdmin>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<CompanyCalendar>();
        services.AddScoped<FileStore>();
        services.AddScoped<NotificationService>();
        services.AddScoped<IDomainEventHandler<NotificationCreated>, NotificationDelivery>();

        foreach (var module in modules)
        {
            module.AddServices(services, configuration);
        }
        return services;
    }

    public const string CultureCookie = "urakata-culture";
    public const string AuthCookie = "__Host-urakata";
    public const string SmartScheme = "Urakata";

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or access token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(o =>
            {
                // ASVS 6.2: length over composition; lockout after repeated failures (6.3.1).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddSignInManager<UrakataSignInManager>()
            .AddEntityFrameworkStores<UrakataDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<PasswordRules>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<UrakataClaimsFactory>();

        // ASVS 11.4.2 appendix C: PBKDF2-HMAC-SHA512 with at least 210,000 iterations.
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = 210_000;
        });
        // A disabled user or a changed security stamp ends cookie sessions within a minute (ASVS 7.4.2).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        var secure = configuration.GetValue("Security:SecureCookies", true);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = secure ? AuthCookie : "urakata";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                // ASVS 7.3.2: an absolute lifetime on top of the sliding idle timeout.
                if (context.Principal is not null && context.Properties.IssuedUtc is { } issued
                    && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - issued > AbsoluteLifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        // Server-side sessions: signing out really ends the session, even for a copied cookie (ASVS 7.4.1).
        services.AddSingleton<DatabaseSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseSessionStore>((o, store) => o.SessionStore = store);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = secure ? "__Host-urakata-2fa" : "urakata-2fa";
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = secure ? "__Host-urakata-2fa-remember" : "urakata-2fa-remember";
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = secure ? "__Host-urakata-af" : "urakata-af";
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
    }

    /// <summary>ASVS 7.3.2: a session ends this long after sign-in, however active.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddAuthorization(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Deny by default (ASVS 8.2.1): anything not marked anonymous needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
    }
}
