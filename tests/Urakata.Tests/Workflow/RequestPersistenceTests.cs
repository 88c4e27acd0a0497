using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;
using Rule = Urakata.Workflow.Routing.ApproverRule;

namespace Urakata.Tests.Workflow;

/// <summary>A request survives the round trip through the database, and two approvers at once give one decision.</summary>
[Trait("Category", "Database")]
public sealed class RequestPersistenceTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    private async Task<(TestCompany Company, Guid RequestId, Guid A, Guid B)> SubmittedAsync(string name)
    {
        var c = await factory.CreateCompanyAsync(name, name + "-admin");
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var id = await factory.InCompanyAsync(c.Id, c.AdminId, async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            var request = new ApprovalRequest(c.Id, "ringi", "サーバー更新の稟議", c.AdminId, c.AdminId);
            var step = new ResolvedStep(0, new StepDefinition("部長（合議）", new Rule.Manager(), StepMode.Any), StepOutcome.Active,
                [new Approver(a, "部長A", 70), new Approver(b, "部長B", 70)]);
            request.Submit("RG-2026-000001", [step, new ResolvedStep(1, new StepDefinition("社長", new Rule.Manager(2)), StepOutcome.Active, [new Approver(Guid.NewGuid(), "社長", 100)])], c.AdminId, Now);
            db.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        return (c, id, a, b);
    }

    [Fact]
    public async Task Request_RoundTripsItsStepsDecisionsAndHistory()
    {
        var (c, id, a, _) = await SubmittedAsync("wf-roundtrip");
        await factory.InCompanyAsync(c.Id, a, async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            var r = await db.Set<ApprovalRequest>().SingleAsync(x => x.Id == id);
            r.Approve(a, null, "承認します", Now.AddMinutes(5));
            await db.SaveChangesAsync();
        });
        var loaded = await factory.InCompanyAsync(c.Id, null, sp => sp.GetRequiredService<UrakataDbContext>().Set<ApprovalRequest>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(("RG-2026-000001", RequestStatus.InProgress, "社長"), (loaded.Number, loaded.Status, loaded.CurrentStep!.Name));
        Assert.Equal((Decision.Approved, "承認します"), (loaded.Steps[0].Approvers.Single(x => x.UserId == a).Decision!.Value, loaded.Steps[0].Approvers.Single(x => x.UserId == a).Comment));
        Assert.Equal(["submit", "approve"], loaded.History.Select(h => h.Action));
        Assert.Equal(2, loaded.Version);
    }

    [Fact]
    public async Task TwoApproversAtOnce_OneDecisionIsRecorded_TheOtherGetsAConflict()
    {
        var (c, id, a, b) = await SubmittedAsync("wf-race");
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        using var asA = scopeA.ServiceProvider.GetRequiredService<Urakata.Platform.Security.CurrentUser>().InCompany(c.Id, a, "a");
        using var asB = scopeB.ServiceProvider.GetRequiredService<Urakata.Platform.Security.CurrentUser>().InCompany(c.Id, b, "b");
        var dbA = scopeA.ServiceProvider.GetRequiredService<UrakataDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<UrakataDbContext>();
        var seenByA = await dbA.Set<ApprovalRequest>().SingleAsync(x => x.Id == id);
        var seenByB = await dbB.Set<ApprovalRequest>().SingleAsync(x => x.Id == id);
        seenByA.Approve(a, null, null, Now);
        seenByB.Approve(b, null, null, Now);

        var outcomes = await Task.WhenAll(TrySaveAsync(dbA), TrySaveAsync(dbB));
        Assert.Equal(1, outcomes.Count(ok => ok));

        var stored = await factory.InCompanyAsync(c.Id, null, sp => sp.GetRequiredService<UrakataDbContext>().Set<ApprovalRequest>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Single(stored.Steps[0].Approvers, x => x.Decision is not null);
        Assert.Single(stored.History, h => h.Action == "approve");
        Assert.Equal("社長", stored.CurrentStep!.Name);
    }

    private static async Task<bool> TrySaveAsync(UrakataDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
