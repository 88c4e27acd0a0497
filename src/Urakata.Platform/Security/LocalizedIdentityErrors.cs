using Microsoft.AspNetCore.Identity;

namespace Urakata.Platform.Security;

/// <summary>Identity's validation messages in the user's language (Identity itself only speaks English).</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), Messages.IdentityDefault);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), Messages.IdentityPasswordMismatch);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), Messages.IdentityInvalidToken);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), Messages.IdentityRecoveryCodeFailed);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), Messages.Format(Messages.IdentityInvalidUserName, userName));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), Messages.Format(Messages.IdentityInvalidEmail, email));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Messages.Format(Messages.IdentityDuplicateUserName, userName));
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Messages.Format(Messages.IdentityPasswordTooShort, length));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), Messages.Format(Messages.IdentityPasswordUniqueChars, uniqueChars));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
