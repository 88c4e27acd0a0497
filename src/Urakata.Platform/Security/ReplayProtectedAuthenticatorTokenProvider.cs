using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Security;

/// <summary>
/// Replaces Identity's authenticator provider, which accepts codes ±2 steps (±90 s) and remembers nothing.
/// ASVS 6.5.1 / 6.5.5: a code is valid for the current step and the one before (clock drift while typing),
/// and each accepted step is stored so the same code cannot be used twice.
/// </summary>
public sealed class ReplayProtectedAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        var secret = Totp.FromBase32(key);
        var now = Totp.TimeStepAt(clock.GetUtcNow());
        foreach (var step in new[] { now, now - 1 })
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(secret, step)), Encoding.ASCII.GetBytes(code)))
            {
                continue;
            }
            if (user.LastTotpTimeStep is { } last && step <= last)
            {
                return false;
            }
            user.LastTotpTimeStep = step;
            var result = await manager.UpdateAsync(user);
            return result.Succeeded;
        }
        return false;
    }
}
