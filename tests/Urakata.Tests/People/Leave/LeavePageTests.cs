using System.Net;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;

namespace Urakata.Tests.People.Leave;

/// <summary>The leave pages render for the demo 人事担当 (suzuki) with the demo grants on them.</summary>
[Trait("Category", "Database")]
public sealed class LeavePageTests(LeaveFactory factory) : IClassFixture<LeaveFactory>
{
    [Fact]
    public async Task LeavePages_RenderForHr_WithTheDemoBalances()
    {
        factory.SetClock();
        var demo = await WorkflowDemo.SeedAsync(factory);
        var inoue = await demo.As<UrakataDbContext, Employee>("admin", db => db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Name == "井上 美穂"));
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(client, "suzuki", UrakataFactory.Password)).StatusCode);

        foreach (var (path, text) in new[]
        {
            ("/people/leave", "休暇申請を出す"),
            ("/people/leave/manage", "井上 美穂"),
            ($"/people/leave/register/{inoue.Id}", "付与（基準日）"),
            ("/people/leave/types", "子の看護等休暇"),
            ("/people/leave/planned", "planned-record"),
            ("/people/leave/settings", "基準日(月)"),
            ($"/people/leave/register/{inoue.Id}", "leave-takings"),
        })
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Contains(text, body, StringComparison.Ordinal);
        }
    }
}
