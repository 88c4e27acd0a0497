using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Hosting;
using Urakata.Platform.Org;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

/// <summary>The questions the approval engine asks, answered from the demo organisation on a date.</summary>
[Trait("Category", "Database")]
public sealed class OrgDirectoryTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly DateOnly From = new(2025, 4, 1);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private async Task<(Guid Company, Func<string, Task<Guid>> User)> DemoAsync()
    {
        await DemoSeeder.SeedAsync(factory.Services, UrakataFactory.Password, From);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = (await users.FindByNameAsync("admin"))!;
        return (admin.CurrentCompanyId!.Value, async name =>
        {
            await using var s = factory.Services.CreateAsyncScope();
            return (await s.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name))!.Id;
        });
    }

    [Fact]
    public async Task DepartmentHeadAbove_StaffOfASection_IsTheHeadOfTheParentDepartment()
    {
        var (company, user) = await DemoAsync();
        var yamada = await user("yamada");
        var holders = await factory.InCompanyAsync(company, null, sp => sp.GetRequiredService<OrgDirectory>().PositionHoldersAboveAsync(yamada, "department-head", Today));
        // 山田 is in 営業一課; a 課 has no 部長, its parent 営業部 does: 山本.
        Assert.Equal(["山本 大輔"], holders.Select(h => h.DisplayName));
        Assert.Empty(await factory.InCompanyAsync(company, null, sp => sp.GetRequiredService<OrgDirectory>().PositionHoldersAboveAsync(yamada, "department-head", From.AddDays(-1))));
    }

    [Fact]
    public async Task Managers_WalkUpByRank_OneTwoThreeLevels()
    {
        var (company, user) = await DemoAsync();
        var yamada = await user("yamada");
        async Task<string[]> Level(int n) => (await factory.InCompanyAsync(company, null, sp => sp.GetRequiredService<OrgDirectory>().ManagersAsync(yamada, Today, n)))
            .Select(p => p.DisplayName).ToArray();
        Assert.Equal(["中村 翔"], await Level(1));   // 営業一課長
        Assert.Equal(["山本 大輔"], await Level(2)); // 営業部長
        Assert.Equal(["渡辺 健"], await Level(3));   // 営業本部長
        Assert.Equal(["佐藤 健一"], await Level(4)); // 社長
        Assert.Empty(await Level(5));
    }

    [Fact]
    public async Task ConcurrentPost_CountsInBothDepartments_AndATransferEndsTheOldPost()
    {
        var (company, user) = await DemoAsync();
        var suzuki = await user("suzuki");
        var ito = await user("ito");
        var admin = await user("admin");
        var posts = await factory.InCompanyAsync(company, null, sp => sp.GetRequiredService<OrgDirectory>().PostsOfAsync(suzuki, Today));
        Assert.Equal([("管理本部", true), ("人事部", false)], posts.Select(p => (p.DepartmentName, p.IsPrimary)));

        // 異動: 伊藤 moves from 総務部 to 人事部 on 2026-12-01.
        await factory.InCompanyAsync(company, admin, async sp =>
        {
            var org = sp.GetRequiredService<OrgAdmin>();
            var current = (await org.AssignmentsAsync(ito, null, Today)).Single();
            await org.EndAssignmentAsync(current.Id, new DateOnly(2026, 11, 30), current.Version);
            var hr = (await org.DepartmentsAsync()).Single(d => d.Name == "人事部");
            await org.SaveAssignmentAsync(null, new SaveAssignment(ito, hr.Id, null, new DateOnly(2026, 12, 1), null, true));
        });
        async Task<string?> DeptOn(DateOnly d) => (await factory.InCompanyAsync(company, null, sp => sp.GetRequiredService<OrgDirectory>().PrimaryPostAsync(ito, d)))?.DepartmentName;
        Assert.Equal("総務部", await DeptOn(new DateOnly(2026, 11, 30)));
        Assert.Equal("人事部", await DeptOn(new DateOnly(2026, 12, 1)));
    }
}
