using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Features;

using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

[Trait("Category", "Database")]
public sealed class PermissionTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task Staff_CanReadTheOrganisation_ButNotChangeIt_NorSeeRoles()
    {
        var (c, staff) = await CompanyWithStaffAsync("権限株式会社", "perm-a", [new RoleGrantDto(PlatformPermissions.OrgRead, DataScope.Company)]);
        var client = await factory.CreateApiClientAsync(c, staff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platform/departments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/platform/departments", new SaveDepartment("X", "勝手な部署", null, null, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/platform/roles")).StatusCode);
        Assert.Empty(await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<OrgAdmin>().DepartmentsAsync()));
    }

    [Fact]
    public async Task Services_RecheckThePermission_SoAnOpenPageCannotBypassIt()
    {
        var (c, staff) = await CompanyWithStaffAsync("再確認株式会社", "perm-h", [new RoleGrantDto(PlatformPermissions.OrgRead, DataScope.Company)]);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.InCompanyAsync(c.Id, staff, sp =>
            sp.GetRequiredService<OrgAdmin>().SaveDepartmentAsync(null, new SaveDepartment("Z", "裏口の部署", null, null, 0))));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.InCompanyAsync(c.Id, staff, sp =>
            sp.GetRequiredService<RoleAdmin>().SaveAsync(null, new SaveRole("全権", null, [new RoleGrantDto(PlatformPermissions.RolesManage, DataScope.Company)]))));
        Assert.Empty(await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<OrgAdmin>().DepartmentsAsync()));
    }

    [Fact]
    public async Task TwoRoles_GiveTheWidestScope_AndRemovingTheRoleRevokesIt()
    {
        var (c, staff) = await CompanyWithStaffAsync("スコープ株式会社", "perm-b", [new RoleGrantDto(PlatformPermissions.FilesUpload, DataScope.Own)]);
        var wide = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<RoleAdmin>().SaveAsync(null,
            new SaveRole("部署アップロード", null, [new RoleGrantDto(PlatformPermissions.FilesUpload, DataScope.Department)])));
        var member = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().MemberAsync(staff));
        await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().UpdateAsync(staff,
            new UpdateMember(member.DisplayName, null, null, null, true, [.. member.RoleIds, wide.Id], member.Version)));
        Assert.Equal(DataScope.Department, await factory.InCompanyAsync(c.Id, staff, sp => sp.GetRequiredService<PermissionService>().ScopeOfAsync(PlatformPermissions.FilesUpload)));

        member = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().MemberAsync(staff));
        await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().UpdateAsync(staff,
            new UpdateMember(member.DisplayName, null, null, null, true, [], member.Version)));
        Assert.Null(await factory.InCompanyAsync(c.Id, staff, sp => sp.GetRequiredService<PermissionService>().ScopeOfAsync(PlatformPermissions.FilesUpload)));
    }

    [Fact]
    public async Task DeactivatedMember_TokenStopsWorking()
    {
        var (c, staff) = await CompanyWithStaffAsync("退職株式会社", "perm-c", [new RoleGrantDto(PlatformPermissions.OrgRead, DataScope.Company)]);
        var client = await factory.CreateApiClientAsync(c, staff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platform/departments")).StatusCode);
        var member = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().MemberAsync(staff));
        await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().UpdateAsync(staff,
            new UpdateMember(member.DisplayName, null, null, null, false, member.RoleIds, member.Version)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/platform/departments")).StatusCode);
    }

    [Fact]
    public async Task MemberEdit_WithAStaleVersion_IsRefused_EvenWhenOnlyTheNameChanged()
    {
        var (c, staff) = await CompanyWithStaffAsync("更新競合株式会社", "perm-d", []);
        var seen = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().MemberAsync(staff));
        await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().UpdateAsync(staff,
            new UpdateMember(seen.DisplayName, "イッパン ハナコ（新）", seen.Email, seen.EmployeeNumber, true, seen.RoleIds, seen.Version)));
        await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(() => factory.InCompanyAsync(c.Id, c.AdminId, sp =>
            sp.GetRequiredService<UserAdmin>().UpdateAsync(staff, new UpdateMember("別の名前", seen.DisplayNameKana, seen.Email, seen.EmployeeNumber, true, seen.RoleIds, seen.Version))));
        var now = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<UserAdmin>().MemberAsync(staff));
        Assert.Equal(("一般 花子", "イッパン ハナコ（新）"), (now.DisplayName, now.DisplayNameKana));
    }

    [Fact]
    public async Task UserChanges_AppearInTheEditingCompanysHistory()
    {
        var (c, staff) = await CompanyWithStaffAsync("ユーザー履歴株式会社", "perm-e", []);
        var client = await factory.CreateApiClientAsync(c);
        var page = await client.GetFromJsonAsync<AuditPage>($"/api/v1/platform/audit?entityType=AppUser&entityId={staff}");
        var created = Assert.Single(page!.Items, e => e.Action == Urakata.Platform.Audit.AuditAction.Created);
        Assert.Contains(created.Changes, ch => ch is { Field: "DisplayName", After: "一般 花子" });
        Assert.DoesNotContain(created.Changes, ch => ch.Field is "PasswordHash" or "SecurityStamp");
    }

    [Fact]
    public async Task DuplicateUserName_IsReportedInTheCallersLanguage()
    {
        var (c, _) = await CompanyWithStaffAsync("重複株式会社", "perm-f", []);
        var client = await factory.CreateApiClientAsync(c);
        var ja = await client.PostAsJsonAsync("/api/v1/platform/users", new CreateMember("perm-f-staff", "重複", null, null, UrakataFactory.Password, null, []));
        Assert.Equal(HttpStatusCode.BadRequest, ja.StatusCode);
        Assert.Contains("ユーザー名「perm-f-staff」は既に使われています。", await ja.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/users") { Content = JsonContent.Create(new CreateMember("perm-f-staff", "dup", null, null, UrakataFactory.Password, null, [])) };
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("The user name 'perm-f-staff' is already taken.", await (await client.SendAsync(request)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageWithoutPermission_ShowsTheAccessDeniedPage()
    {
        await CompanyWithStaffAsync("拒否株式会社", "perm-g", [new RoleGrantDto(PlatformPermissions.OrgRead, DataScope.Company)]);
        var browser = factory.CreateBrowserClient();
        await BrowserForms.SignInAsync(browser, "perm-g-staff", UrakataFactory.Password);
        var audit = await browser.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        var denied = await browser.GetAsync(audit.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.Contains("この操作を行う権限がありません。", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(TestCompany Company, Guid Staff)> CompanyWithStaffAsync(string name, string admin, RoleGrantDto[] grants)
    {
        var c = await factory.CreateCompanyAsync(name, admin);
        var staff = await factory.InCompanyAsync(c.Id, c.AdminId, async sp =>
        {
            var role = await sp.GetRequiredService<RoleAdmin>().SaveAsync(null, new SaveRole("一般社員", null, grants));
            return (await sp.GetRequiredService<UserAdmin>().CreateAsync(new CreateMember(admin + "-staff", "一般 花子", "イッパン ハナコ", null, UrakataFactory.Password, "E100", [role.Id]))).UserId;
        });
        return (c, staff);
    }
}
