using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Features;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

[Trait("Category", "Database")]
public sealed class CompanySwitchTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task MemberOfTwoCompanies_SwitchesAndSeesOnlyTheCurrentCompanysData()
    {
        var a = await factory.CreateCompanyAsync("本社株式会社", "switch-a");
        var b = await factory.InCompanyAsync(a.Id, a.AdminId, sp => sp.GetRequiredService<CompanyAdmin>().CreateAsync(new SaveCompany("子会社株式会社", null, null, null, 12, null, null)));
        await factory.InCompanyAsync(b.Id, a.AdminId, sp => sp.GetRequiredService<OrgAdmin>().SaveDepartmentAsync(null, new SaveDepartment("S1", "子会社の部署", null, null, 0)));

        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(client, a.AdminUserName, UrakataFactory.Password)).StatusCode);
        Assert.Equal(a.Id, await CurrentCompanyAsync(client));
        Assert.DoesNotContain("子会社の部署", await client.GetStringAsync("/api/v1/platform/departments"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SwitchAsync(client, b.Id)).StatusCode);
        Assert.Equal(b.Id, await CurrentCompanyAsync(client));
        Assert.Contains("子会社の部署", await client.GetStringAsync("/api/v1/platform/departments"), StringComparison.Ordinal);

        var stranger = await factory.CreateCompanyAsync("無関係株式会社", "switch-c");
        Assert.Equal(HttpStatusCode.NotFound, (await SwitchAsync(client, stranger.Id)).StatusCode);
        Assert.Equal(b.Id, await CurrentCompanyAsync(client));
    }

    private static async Task<Guid> CurrentCompanyAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/platform/me")).GetProperty("companyId").GetGuid();

    private static Task<HttpResponseMessage> SwitchAsync(HttpClient client, Guid companyId) =>
        BrowserForms.PostAsync(client, "/account/security", "/account/company", new()
        {
            ["companyId"] = companyId.ToString(),
            ["returnUrl"] = "/",
        });
}
