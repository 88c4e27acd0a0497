using Microsoft.AspNetCore.Identity;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Security;

/// <summary>
/// ASVS 6.2: length, not composition. At least 12 characters (set in options), at most 128 (no KDF
/// denial of service), and not one of the passwords every attacker tries first.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    public const int MaxLength = 128;

    // The most common passwords of 12+ characters in public breach lists; the length rule removes the rest.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "qwertyuiopas", "qwerty123456",
        "password1234", "password12345", "passwordpassword", "iloveyou1234", "abcdefghijkl", "111111111111",
        "000000000000", "aaaaaaaaaaaa", "abc123abc123", "1q2w3e4r5t6y", "qwertyuiop123", "administrator",
        "changeme1234", "welcome12345", "letmein12345", "urakata12345", "urakataurakata",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        if (password.Length > MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = Messages.Format(Messages.PasswordTooLong, MaxLength),
            }));
        }
        if (Common.Contains(password) || (user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = Messages.PasswordTooCommon }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
