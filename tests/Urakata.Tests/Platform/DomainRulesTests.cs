using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

public sealed class DomainRulesTests
{
    [Fact]
    public void Company_NormalisesFullWidthNumbers_AndRejectsABadCheckDigit()
    {
        var company = Company.Create("株式会社テスト", 3, "７０００－０１２０－５０００２", "Ｔ７００００１２０５０００２");
        Assert.Equal(("7000012050002", "T7000012050002"), (company.CorporateNumber, company.InvoiceRegistrationNumber));
        var bad = Assert.Throws<DomainException>(() => Company.Create("株式会社テスト", 3, "8000012050002"));
        Assert.Equal(nameof(Company.CorporateNumber), bad.Field);
        Assert.Throws<DomainException>(() => Company.Create("株式会社テスト", 13));
        Assert.Throws<DomainException>(() => Company.Create("株式会社テスト", 3, null, "7000012050002"));
    }

    [Theory]
    [InlineData(3, 2026, 4, 1, 2026)]   // 3月決算: 2026年度 starts in April 2026
    [InlineData(3, 2027, 3, 31, 2026)]
    [InlineData(12, 2026, 12, 31, 2026)]
    [InlineData(9, 2026, 9, 30, 2025)]
    [InlineData(9, 2026, 10, 1, 2026)]
    public void FiscalYear_IsNamedByTheYearItStarts(int endMonth, int y, int m, int d, int expected) =>
        Assert.Equal(expected, Company.Create("株式会社テスト", endMonth).FiscalYearOf(new DateOnly(y, m, d)));

    [Fact]
    public void Department_CannotMoveUnderItsOwnDescendant()
    {
        var company = Guid.NewGuid();
        var root = new Department(company, "1", "本社");
        var child = new Department(company, "2", "営業部", root.Id);
        var grandChild = new Department(company, "3", "営業一課", child.Id);
        var all = new[] { root, child, grandChild }.ToDictionary(d => d.Id);
        Assert.Throws<DomainException>(() => root.MoveUnder(grandChild, all));
        Assert.Throws<DomainException>(() => root.MoveUnder(root, all));
        grandChild.MoveUnder(root, all);
        Assert.Equal(root.Id, grandChild.ParentId);
    }

    [Fact]
    public void Assignment_EndBeforeStart_IsRefused_AndEffectiveDatesAreInclusive()
    {
        var a = new OrgAssignment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), true);
        Assert.True(a.IsEffectiveOn(new DateOnly(2026, 4, 1)));
        Assert.True(a.IsEffectiveOn(new DateOnly(2027, 3, 31)));
        Assert.False(a.IsEffectiveOn(new DateOnly(2027, 4, 1)));
        Assert.False(a.IsEffectiveOn(new DateOnly(2026, 3, 31)));
        Assert.Throws<DomainException>(() => a.EndOn(new DateOnly(2026, 3, 31)));
        Assert.Throws<DomainException>(() => new OrgAssignment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 1), true));
    }
}

[Trait("Category", "Database")]
public sealed class CompanyApiTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task BadCorporateNumber_Answers400OnTheField_AndChangesNothing()
    {
        var c = await factory.CreateCompanyAsync("法人番号株式会社", "corp-a");
        var client = await factory.CreateApiClientAsync(c);
        var before = await client.GetFromJsonAsync<CompanyDto>("/api/v1/platform/company");
        var bad = await client.PutAsJsonAsync("/api/v1/platform/company", before! with { Name = "変更後", CorporateNumber = "1234567890123" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("CorporateNumber", out _));
        Assert.Equal(before, await client.GetFromJsonAsync<CompanyDto>("/api/v1/platform/company"));

        var good = await client.PutAsJsonAsync("/api/v1/platform/company", before with { CorporateNumber = "5835678256246", InvoiceRegistrationNumber = "T5835678256246" });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("T5835678256246", (await good.Content.ReadFromJsonAsync<CompanyDto>())!.InvoiceRegistrationNumber);
    }
}
