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
