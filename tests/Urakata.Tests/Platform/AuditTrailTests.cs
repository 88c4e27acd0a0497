using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Features;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

[Trait("Category", "Database")]
public sealed class AuditTrailTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task Update_WritesFieldDiff_WithUserAndVersionBump()
    {
        var c = await factory.CreateCompanyAsync("監査テスト株式会社", "audit-a");
        var client = await factory.CreateApiClientAsync(c);
        var created = await (await client.PostAsJsonAsync("/api/v1/platform/departments", new SaveDepartment("S1", "総務部", null, null, 1))).Content.ReadFromJsonAsync<DepartmentDto>();
        var put = await client.PutAsJsonAsync($"/api/v1/platform/departments/{created!.Id}", new SaveDepartment("S1", "総務人事部", null, null, 1, true, created.Version));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(2, (await put.Content.ReadFromJsonAsync<DepartmentDto>())!.Version);

        var page = await client.GetFromJsonAsync<AuditPage>($"/api/v1/platform/audit?entityType=Department&entityId={created.Id}");
        var update = Assert.Single(page!.Items, e => e.Action == AuditAction.Updated);
        var change = Assert.Single(update.Changes);
        Assert.Equal(("Name", "総務部", "総務人事部"), (change.Field, change.Before, change.After));
        Assert.Equal("audit-a", update.UserName);
        var create = Assert.Single(page.Items, e => e.Action == AuditAction.Created);
        Assert.Contains(create.Changes, ch => ch is { Field: "Code", Before: null, After: "S1" });
    }

    [Fact]
    public async Task History_NamesTheRecordsItsIdsPointTo_AndLeavesOutKeyAndCompany()
    {
        var c = await factory.CreateCompanyAsync("ラベル株式会社", "audit-f");
        var client = await factory.CreateApiClientAsync(c);
        var dept = await (await client.PostAsJsonAsync("/api/v1/platform/departments", new SaveDepartment("L1", "法務部", null, null, 1))).Content.ReadFromJsonAsync<DepartmentDto>();
        var asg = await (await client.PostAsJsonAsync("/api/v1/platform/assignments", new SaveAssignment(c.AdminId, dept!.Id, null, new DateOnly(2026, 4, 1), null, true))).Content.ReadFromJsonAsync<AssignmentDto>();
        var page = await client.GetFromJsonAsync<AuditPage>($"/api/v1/platform/audit?entityType=OrgAssignment&entityId={asg!.Id}");
        var created = Assert.Single(page!.Items);
        Assert.DoesNotContain(created.Changes, ch => ch.Field is "Id" or "CompanyId" or "Version");
        Assert.Equal("法務部", page.Labels[dept.Id.ToString()]);
        Assert.Equal("audit-f 管理者", page.Labels[c.AdminId.ToString()]);
    }

    [Fact]
    public async Task StaleVersion_Answers409_AndWritesNoAuditRow()
    {
        var c = await factory.CreateCompanyAsync("競合テスト株式会社", "audit-b");
        var client = await factory.CreateApiClientAsync(c);
        var created = await (await client.PostAsJsonAsync("/api/v1/platform/departments", new SaveDepartment("K1", "経理部", null, null, 1))).Content.ReadFromJsonAsync<DepartmentDto>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/platform/departments/{created!.Id}", new SaveDepartment("K1", "経理財務部", null, null, 1, true, 1))).StatusCode);
        var before = await AuditCountAsync(c.Id);
        var stale = await client.PutAsJsonAsync($"/api/v1/platform/departments/{created.Id}", new SaveDepartment("K1", "財務部", null, null, 1, true, 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(before, await AuditCountAsync(c.Id));
        var current = await client.GetFromJsonAsync<DepartmentDto>($"/api/v1/platform/departments/{created.Id}");
        Assert.Equal("経理財務部", current!.Name);
    }

    [Fact]
    public async Task Verify_IsIntact_ThenNamesTheRowEditedByRawSql()
    {
        var c = await factory.CreateCompanyAsync("改ざん検知株式会社", "audit-c");
        var client = await factory.CreateApiClientAsync(c);
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/v1/platform/positions", new SavePosition($"P{i}", $"役職{i}", i * 10));
        }
        Assert.True((await VerifyAsync()).IsIntact);

        long sequence;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
            var target = await db.AuditEvents.Where(e => e.CompanyId == c.Id && e.EntityType == "Position").OrderBy(e => e.Sequence).Skip(1).FirstAsync();
            sequence = target.Sequence;
            var id = target.Id;
            // What someone with database access might do: quietly rewrite history.
            await db.Database.ExecuteSqlAsync($"UPDATE pf_audit_events SET changes = REPLACE(changes, '役職1', '役職X') WHERE id = {id}");
        }
        var report = await VerifyAsync();
        var broken = Assert.Single(report.Breaks);
        Assert.Equal((c.Id, sequence), (broken.CompanyId, broken.Sequence));
        Assert.Contains("hash", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NamesARowDeletedByRawSql()
    {
        var c = await factory.CreateCompanyAsync("削除検知株式会社", "audit-d");
        var client = await factory.CreateApiClientAsync(c);
        await client.PostAsJsonAsync("/api/v1/platform/positions", new SavePosition("D1", "部長", 70));
        await client.PostAsJsonAsync("/api/v1/platform/positions", new SavePosition("D2", "課長", 50));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
            var target = await db.AuditEvents.Where(e => e.CompanyId == c.Id).OrderBy(e => e.Sequence).Skip(1).FirstAsync();
            await db.Database.ExecuteSqlAsync($"DELETE FROM pf_audit_events WHERE id = {target.Id}");
        }
        var broken = Assert.Single((await VerifyAsync()).Breaks, b => b.CompanyId == c.Id);
        Assert.Equal(2, broken.Sequence);
        Assert.Contains("missing", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditRows_CannotBeChangedOrDeletedThroughTheApplication()
    {
        var c = await factory.CreateCompanyAsync("追記専用株式会社", "audit-e");
        await using var scope = factory.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
        var row = await db.AuditEvents.FirstAsync(e => e.CompanyId == c.Id);
        db.AuditEvents.Remove(row);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private async Task<int> AuditCountAsync(Guid companyId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem();
        return await scope.ServiceProvider.GetRequiredService<UrakataDbContext>().AuditEvents.CountAsync(e => e.CompanyId == companyId);
    }

    private async Task<VerificationReport> VerifyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem();
        return await new AuditVerifier().VerifyAsync(scope.ServiceProvider.GetRequiredService<UrakataDbContext>(), CancellationToken.None);
    }
}
