using Urakata.People.Employees;
using Urakata.People.Import;
using Urakata.People.Leave;
using Urakata.Platform.Domain;

namespace Urakata.Tests.People;

/// <summary>
/// The employee master's checks as table tests. マイナンバー: 番号法施行令8条 (check = 11 − Σ Pn·Qn mod 11, 0 when the remainder
/// is ≤ 1); cited numbers: 621498320257 (python-stdnum <c>stdnum/jp/in_.py</c> doctest), 123456789018 (the worked example
/// 1·6+2·5+3·4+4·3+5·2+6·7+7·6+8·5+9·4+0·3+1·2 = 212, 212 mod 11 = 3, 11 − 3 = 8). 全銀: reference jp-accounting-tax-banking §4.3, §4.5.
/// </summary>
public sealed class EmployeeRulesTests
{
    [Theory]
    [InlineData("621498320257", true)]
    [InlineData("6214 9832 0257", true)]
    [InlineData("6214-9832-0257", true)]
    [InlineData("123456789018", true)]
    [InlineData("１２３４５６７８９０１８", true)]
    [InlineData("621498320258", false)]
    [InlineData("123456789017", false)]
    [InlineData("12345678901", false)]
    [InlineData("1234567890180", false)]
    [InlineData("12345678901X", false)]
    [InlineData("", false)]
    public void MyNumber_IsValid_OnlyWithTheRightCheckDigit(string number, bool valid) =>
        Assert.Equal(valid, MyNumber.IsValid(number));

    [Theory]
    [InlineData("62149832025", 7)]
    [InlineData("12345678901", 8)]
    // Σ = 11 → remainder 0 → 0 (not 11); Σ = 12 → remainder 1 → 0 (not 10).
    [InlineData("00000000031", 0)]
    [InlineData("00000000006", 0)]
    [InlineData("00000000001", 9)]
    public void MyNumber_CheckDigit(string first11, int expected) =>
        Assert.Equal(expected, MyNumber.CheckDigit(first11));

    [Theory]
    [InlineData("ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("やまだ　たろう", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("ｷｭｳﾖ", "ｷﾕｳﾖ")]
    [InlineData("キュウヨ", "ｷﾕｳﾖ")]
    [InlineData("パーク・ハイツ", "ﾊﾟ-ｸ.ﾊｲﾂ")]
    [InlineData("ヴァン", "ｳﾞｱﾝ")]
    [InlineData("smith  john", "SMITH JOHN")]
    [InlineData("ｶ)ｻﾝﾌﾟﾙ", "ｶ)ｻﾝﾌﾟﾙ")]
    public void ZenginKana_Normalize_AsBanksExpect(string typed, string expected) =>
        Assert.Equal(expected, ZenginKana.Normalize(typed));

    [Theory]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", null)]
    [InlineData("ABC-123 (/).", null)]
    [InlineData("ﾔﾏ田", '田')]
    [InlineData("ｦﾀﾞ", 'ｦ')]
    [InlineData("ﾔﾏﾀﾞ,ﾀﾛｳ", ',')]
    public void ZenginKana_FirstInvalid(string normalized, char? expected) =>
        Assert.Equal(expected, ZenginKana.FirstInvalid(normalized));

    [Fact]
    public void PayAccount_Valid_IsNormalised()
    {
        var a = PayBankAccount.Create("０００５", "123", BankAccountType.Ordinary, "12345", "ヤマダ タロウ");
        Assert.Equal(("0005", "123", BankAccountType.Ordinary, "0012345", "ﾔﾏﾀﾞ ﾀﾛｳ"), (a.BankCode, a.BranchCode, a.AccountType, a.AccountNumber, a.HolderKana));
    }

    [Theory]
    [InlineData("005", "123", BankAccountType.Ordinary, "1234567", "ﾔﾏﾀﾞ", "bankCode")]
    [InlineData("00a5", "123", BankAccountType.Ordinary, "1234567", "ﾔﾏﾀﾞ", "bankCode")]
    [InlineData("0005", "1234", BankAccountType.Ordinary, "1234567", "ﾔﾏﾀﾞ", "branchCode")]
    [InlineData("0005", "123", (BankAccountType)3, "1234567", "ﾔﾏﾀﾞ", "accountType")]
    [InlineData("0005", "123", BankAccountType.Current, "12345678", "ﾔﾏﾀﾞ", "accountNumber")]
    [InlineData("0005", "123", BankAccountType.Current, "12-34x", "ﾔﾏﾀﾞ", "accountNumber")]
    [InlineData("0005", "123", BankAccountType.Savings, "1234567", "山田 太郎", "accountHolderKana")]
    [InlineData("0005", "123", BankAccountType.Savings, "1234567", "", "accountHolderKana")]
    [InlineData("0005", "123", BankAccountType.Savings, "1234567", "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏ", "accountHolderKana")]
    public void PayAccount_Invalid_NamesTheField(string bank, string branch, BankAccountType type, string number, string holder, string field)
    {
        var ex = Assert.Throws<ValidationException>(() => PayBankAccount.Create(bank, branch, type, number, holder));
        Assert.Equal([field], ex.Errors.Keys);
    }

    [Theory]
    [InlineData("やまだ たろう", "ヤマダ タロウ", null)]
    [InlineData("ﾔﾏﾀﾞ　ﾀﾛｳ", "ヤマダ タロウ", null)]
    [InlineData("ヤマダ・タロウ", "ヤマダ・タロウ", null)]
    [InlineData("山田", "山田", '山')]
    [InlineData("Yamada", "Yamada", 'Y')]
    public void Furigana_IsKatakana(string typed, string normalized, char? invalid)
    {
        Assert.Equal(normalized, Furigana.Normalize(typed));
        Assert.Equal(invalid, Furigana.FirstInvalid(normalized));
    }

    private static Employee.Details Details(DateOnly? birth = null, EmployeeStatus status = EmployeeStatus.Active, DateOnly? retired = null,
        int? days = 5, int? minutes = 480, int? annual = null, EmploymentType type = EmploymentType.Regular, Employee.PayAccountInput? account = null) =>
        new("E100", "山田 太郎", "やまだ たろう", birth, new DateOnly(2020, 4, 1), retired, status, type, days, minutes, annual,
            null, null, null, "yamada@example.jp", null, "1000005", null, null, null, null, account);

    [Fact]
    public void Employee_KeepsKatakana_AndFindsByAnyKanaSpelling()
    {
        var e = new Employee(Details());
        Assert.Equal("ヤマダ タロウ", e.Kana);
        Assert.Equal("100-0005", e.PostalCode);
        Assert.Contains(Urakata.Platform.Kernel.JapaneseText.SearchKey("ﾔﾏﾀﾞ"), e.SearchKey, StringComparison.Ordinal);
        Assert.Contains(Urakata.Platform.Kernel.JapaneseText.SearchKey("山田"), e.SearchKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Employee_Retired_NeedsARetirementDate_NotBeforeHire()
    {
        var missing = Assert.Throws<ValidationException>(() => new Employee(Details(status: EmployeeStatus.Retired)));
        Assert.Equal(["retirementDate"], missing.Errors.Keys);
        var early = Assert.Throws<ValidationException>(() => new Employee(Details(status: EmployeeStatus.Retired, retired: new DateOnly(2020, 3, 31))));
        Assert.Equal(["retirementDate"], early.Errors.Keys);
        var born = Assert.Throws<ValidationException>(() => new Employee(Details(birth: new DateOnly(2020, 4, 1))));
        Assert.Equal(["birthDate"], born.Errors.Keys);
    }

    [Fact]
    public void Employee_ReportsEveryBadField_IncludingThePayAccount()
    {
        var ex = Assert.Throws<ValidationException>(() => new Employee(Details(days: 8, minutes: 9 * 60,
            account: new("12", "123", BankAccountType.Ordinary, "1234567", "山田"))));
        Assert.Equal(["payAccount.accountHolderKana", "payAccount.bankCode", "workDaysPerWeek", "workMinutesPerDay"], ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Employee_MyNumber_IsCheckedAndStoredOnlyProtected()
    {
        var e = new Employee(Details());
        Assert.Throws<DomainException>(() => e.SetMyNumber("621498320258", s => "x"));
        Assert.False(e.HasMyNumber);
        e.SetMyNumber("6214 9832 0257", s => "protected:" + s.Length);
        Assert.Equal("protected:12", e.MyNumberProtected);
        e.SetMyNumber(null, s => s);
        Assert.False(e.HasMyNumber);
    }

    [Theory]
    // A パート on 3 days × 6 h (18 h a week) gets the 3-day 比例付与 row; 5 × 8 h the full table; a schedule fixed by the year
    // (150 days of 6 h) reads the annual column: 121–168 days = the 3-day row (労基則24条の3).
    [InlineData(3, 360, null, GrantTable.ProportionalThreeDays)]
    [InlineData(5, 480, null, GrantTable.FullTime)]
    [InlineData(null, 360, 150, GrantTable.ProportionalThreeDays)]
    public void Employee_ScheduledWork_FeedsThePaidLeaveTable(int? days, int minutes, int? annual, GrantTable expected)
    {
        var e = new Employee(Details(days: days, minutes: minutes, annual: annual, type: EmploymentType.PartTime));
        Assert.Equal(expected, PaidLeaveGrantRules.TableFor(e.ScheduledWork()!));
    }

    [Theory]
    [InlineData("8", 480, true)]
    [InlineData("7.5", 450, true)]
    [InlineData("7:45", 465, true)]
    [InlineData("", null, true)]
    [InlineData("7.33", null, false)]
    [InlineData("eight", null, false)]
    public void Import_ReadsHoursADay(string text, int? minutes, bool ok)
    {
        Assert.Equal(minutes, EmployeeImport.ParseHours(text, out var parsed));
        Assert.Equal(ok, parsed);
    }
}
