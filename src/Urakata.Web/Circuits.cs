using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Web;

internal static class CircuitRegistration
{
    public static IServiceCollection AddUrakataCircuits(this IServiceCollection services)
    {
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddHttpContextAccessor();
        return services;
    }
}

/// <summary>
/// Re-checks an open Blazor circuit's user every 30 seconds: a disabled user, a changed security stamp
/// ("sign out everywhere", password change) or a lost membership turns the circuit anonymous, and the
/// router sends it to the sign-in page (ASVS 7.4.2; the template's default is 30 minutes).
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        var stamp = principal.FindFirst(options.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp is null || stamp == await users.GetSecurityStampAsync(user);
    }
}

/// <summary>Keeps the circuit's <see cref="CurrentUser"/> in step with its authentication state.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider auth, CurrentUser currentUser, IHttpContextAccessor http) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnChanged;
        var state = await auth.GetAuthenticationStateAsync();
        currentUser.SetFrom(state.User, http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? currentUser.IpAddress);
    }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => currentUser.SetFrom(t.Result.User, currentUser.IpAddress), TaskScheduler.Default);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
