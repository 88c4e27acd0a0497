using System.Text.Json.Serialization;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.People.Employees;

/// <summary>預金種目 as the 全銀 data record codes it (§4.3): 1 普通, 2 当座, 4 貯蓄.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BankAccountType>))]
public enum BankAccountType
{
    Ordinary = 1,
    Current = 2,
    Savings = 4,
}

/// <summary>
/// The account pay goes to (給与振込): 4-digit bank code, 3-digit branch code, 預金種目, a 7-digit account number (shorter
/// numbers are zero-padded on the left, as the N field is) and the 口座名義 in the half-width kana the bank checks it against.
/// </summary>
public sealed record PayBankAccount
{
    private PayBankAccount(string bankCode, string branchCode, BankAccountType type, string number, string holderKana)
    {
        BankCode = bankCode;
        BranchCode = branchCode;
        AccountType = type;
        AccountNumber = number;
        HolderKana = holderKana;
    }

    public string BankCode { get; }
    public string BranchCode { get; }
    public BankAccountType AccountType { get; }
    public string AccountNumber { get; }
    public string HolderKana { get; }

    /// <summary>Field names used in <see cref="ValidationException"/>: the API's and the import's columns.</summary>
    public static class Fields
    {
        public const string BankCode = "bankCode";
        public const string BranchCode = "branchCode";
        public const string AccountType = "accountType";
        public const string AccountNumber = "accountNumber";
        public const string HolderKana = "accountHolderKana";
    }

    /// <summary>Checks every part at once and answers all the problems together.</summary>
    public static PayBankAccount Create(string? bankCode, string? branchCode, BankAccountType? type, string? number, string? holderKana)
    {
        var errors = new Dictionary<string, string[]>();
        var bank = JapaneseText.Narrow(bankCode ?? "");
        var branch = JapaneseText.Narrow(branchCode ?? "");
        var account = JapaneseText.Narrow(number ?? "").Replace("-", "", StringComparison.Ordinal);
        if (bank.Length != 4 || !bank.All(char.IsAsciiDigit))
        {
            errors[Fields.BankCode] = [PeopleMessages.BankCodeInvalid];
        }
        if (branch.Length != 3 || !branch.All(char.IsAsciiDigit))
        {
            errors[Fields.BranchCode] = [PeopleMessages.BranchCodeInvalid];
        }
        if (type is not { } t || !Enum.IsDefined(t))
        {
            errors[Fields.AccountType] = [PeopleMessages.AccountTypeInvalid];
        }
        if (account.Length is 0 or > 7 || !account.All(char.IsAsciiDigit))
        {
            errors[Fields.AccountNumber] = [PeopleMessages.AccountNumberInvalid];
        }
        var holder = ZenginKana.Normalize(holderKana ?? "");
        if (holder.Length == 0)
        {
            errors[Fields.HolderKana] = [PeopleMessages.AccountHolderRequired];
        }
        else if (ZenginKana.FirstInvalid(holder) is { } bad)
        {
            errors[Fields.HolderKana] = [PeopleMessages.Format(PeopleMessages.AccountHolderCharacter, bad)];
        }
        else if (holder.Length > ZenginKana.MaxLength)
        {
            errors[Fields.HolderKana] = [PeopleMessages.Format(PeopleMessages.AccountHolderTooLong, ZenginKana.MaxLength)];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        return new PayBankAccount(bank, branch, type!.Value, account.PadLeft(7, '0'), holder);
    }
}
