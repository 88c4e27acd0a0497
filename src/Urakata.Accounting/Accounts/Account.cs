using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Accounts;

/// <summary>勘定科目: one line of the chart of accounts. The code is the user's key; history keeps pointing at the id.</summary>
public sealed class Account : CompanyEntity
{
    private Account() { }

    public Account(string code, string name, string kana, AccountGroup group, BalanceSide normalSide, string? defaultTaxCode = null,
        string? englishName = null, AccountRole role = AccountRole.None)
    {
        Role = role;
        Update(code, name, kana, group, normalSide, defaultTaxCode, englishName);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Kana { get; private set; } = "";
    /// <summary>The kana folded for search (全角/半角, small kana, no spaces): see <see cref="JapaneseText.SearchKey"/>.</summary>
    public string SearchKey { get; private set; } = "";
    public string? EnglishName { get; private set; }
    public AccountGroup Group { get; private set; }
    public BalanceSide NormalSide { get; private set; }
    public string? DefaultTaxCode { get; private set; }
    public AccountRole Role { get; private set; }
    public bool IsActive { get; private set; } = true;

    public AccountSection Section => Group.SectionOf();

    public void Update(string code, string name, string kana, AccountGroup group, BalanceSide normalSide, string? defaultTaxCode, string? englishName)
    {
        code = JapaneseText.Narrow(code ?? "").Trim();
        name = (name ?? "").Trim();
        if (code.Length is 0 or > 10 || !code.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException(AccountingMessages.AccountCodeInvalid, nameof(Code));
        }
        if (name.Length is 0 or > 40)
        {
            throw new DomainException(AccountingMessages.AccountNameRequired, nameof(Name));
        }
        if (defaultTaxCode is not null && Tax.TaxCodes.Find(defaultTaxCode) is null)
        {
            throw new DomainException(AccountingMessages.TaxCodeUnknown, nameof(DefaultTaxCode));
        }
        if (Role == AccountRole.RetainedEarnings && group != AccountGroup.RetainedEarnings)
        {
            throw new DomainException(AccountingMessages.AccountRoleGroupFixed, nameof(Group));
        }
        Code = code;
        Name = name;
        Kana = (kana ?? "").Trim();
        SearchKey = JapaneseText.SearchKey(Kana + Name);
        Group = group;
        NormalSide = normalSide;
        DefaultTaxCode = defaultTaxCode;
        EnglishName = string.IsNullOrWhiteSpace(englishName) ? null : englishName.Trim();
    }

    /// <summary>An account with postings is never deleted; it is retired and no longer accepts new entries.</summary>
    public void Deactivate()
    {
        if (Role != AccountRole.None)
        {
            throw new DomainException(AccountingMessages.AccountRoleRequired, nameof(IsActive));
        }
        IsActive = false;
    }

    public void Activate() => IsActive = true;

    /// <summary>A balance (debit − credit) as it reads on this account's normal side.</summary>
    public long Signed(long debitMinusCredit) => NormalSide == BalanceSide.Debit ? debitMinusCredit : checked(-debitMinusCredit);
}

/// <summary>補助科目: a breakdown of one account (a bank account under 普通預金, a customer under 売掛金…).</summary>
public sealed class SubAccount : CompanyEntity
{
    private SubAccount() { }

    public SubAccount(Guid accountId, string code, string name, string? kana = null)
    {
        AccountId = accountId;
        Update(code, name, kana);
    }

    public Guid AccountId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Kana { get; private set; }
    public string SearchKey { get; private set; } = "";
    public bool IsActive { get; private set; } = true;

    public void Update(string code, string name, string? kana)
    {
        code = JapaneseText.Narrow(code ?? "").Trim();
        name = (name ?? "").Trim();
        if (code.Length is 0 or > 10)
        {
            throw new DomainException(AccountingMessages.AccountCodeInvalid, nameof(Code));
        }
        if (name.Length is 0 or > 40)
        {
            throw new DomainException(AccountingMessages.AccountNameRequired, nameof(Name));
        }
        Code = code;
        Name = name;
        Kana = string.IsNullOrWhiteSpace(kana) ? null : kana.Trim();
        SearchKey = JapaneseText.SearchKey((Kana ?? "") + Name);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
