using System.Globalization;
using System.Resources;

namespace Urakata.Platform;

/// <summary>
/// Messages shown to users by rules and endpoints, from <c>Resources/Messages.resx</c> (Japanese, the default)
/// and <c>Messages.en.resx</c>, in the current UI culture.
/// </summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("Urakata.Platform.Messages", typeof(Messages).Assembly);

    public static string CodeRequired => Get(nameof(CodeRequired));
    public static string CompanyNameRequired => Get(nameof(CompanyNameRequired));
    public static string ConcurrencyConflict => Get(nameof(ConcurrencyConflict));
    public static string CorporateNumberInvalid => Get(nameof(CorporateNumberInvalid));
    public static string DepartmentCycle => Get(nameof(DepartmentCycle));
    public static string DepartmentNotFound => Get(nameof(DepartmentNotFound));
    public static string DuplicateCode => Get(nameof(DuplicateCode));
    public static string DuplicateName => Get(nameof(DuplicateName));
    public static string EffectiveRangeInvalid => Get(nameof(EffectiveRangeInvalid));
    public static string FileTooLarge => Get(nameof(FileTooLarge));
    public static string FileTypeMismatch => Get(nameof(FileTypeMismatch));
    public static string FileTypeNotAllowed => Get(nameof(FileTypeNotAllowed));
    public static string FiscalYearEndMonthRange => Get(nameof(FiscalYearEndMonthRange));
    public static string Forbidden => Get(nameof(Forbidden));
    public static string HolidayExists => Get(nameof(HolidayExists));
    public static string IdempotencyInProgress => Get(nameof(IdempotencyInProgress));
    public static string IdempotencyKeyReused => Get(nameof(IdempotencyKeyReused));
    public static string IdentityDefault => Get(nameof(IdentityDefault));
    public static string IdentityDuplicateUserName => Get(nameof(IdentityDuplicateUserName));
    public static string IdentityInvalidEmail => Get(nameof(IdentityInvalidEmail));
    public static string IdentityInvalidToken => Get(nameof(IdentityInvalidToken));
    public static string IdentityInvalidUserName => Get(nameof(IdentityInvalidUserName));
    public static string IdentityPasswordMismatch => Get(nameof(IdentityPasswordMismatch));
    public static string IdentityPasswordTooShort => Get(nameof(IdentityPasswordTooShort));
    public static string IdentityPasswordUniqueChars => Get(nameof(IdentityPasswordUniqueChars));
    public static string IdentityRecoveryCodeFailed => Get(nameof(IdentityRecoveryCodeFailed));
    public static string InvoiceNumberInvalid => Get(nameof(InvoiceNumberInvalid));
    public static string NameRequired => Get(nameof(NameRequired));
    public static string NotFound => Get(nameof(NotFound));
    public static string PasswordTooCommon => Get(nameof(PasswordTooCommon));
    public static string PasswordTooLong => Get(nameof(PasswordTooLong));
    public static string PermissionUnknown => Get(nameof(PermissionUnknown));
    public static string PositionNotFound => Get(nameof(PositionNotFound));
    public static string RankRange => Get(nameof(RankRange));
    public static string TabularCharacterNotInShiftJisFormat => Get(nameof(TabularCharacterNotInShiftJisFormat));
    public static string TabularEncodingUnknown => Get(nameof(TabularEncodingUnknown));
    public static string TabularQuotesMalformed => Get(nameof(TabularQuotesMalformed));
    public static string UnexpectedError => Get(nameof(UnexpectedError));
    public static string UserNotMember => Get(nameof(UserNotMember));
    public static string ValidationFailed => Get(nameof(ValidationFailed));

    /// <summary>The character as text and its code point ("𠮷", "20BB7").</summary>
    public static string TabularCharacterNotInShiftJis(int codePoint) =>
        Format(TabularCharacterNotInShiftJisFormat, char.ConvertFromUtf32(codePoint), codePoint.ToString("X4", CultureInfo.InvariantCulture));

    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
