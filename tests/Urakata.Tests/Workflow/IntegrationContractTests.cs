using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Notifications;
using Urakata.Platform.Outbox;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.Workflow;

/// <summary>A module's hooks: in the deciding transaction, or after the commit through the outbox — exactly once.</summary>
[Trait("Category", "Database")]
public sealed class IntegrationContractTests(IntegrationContractTests.HookFactory factory) : IClassFixture<IntegrationContractTests.HookFactory>
{
    [Fact]
    public async Task ApprovedPurchaseRequest_PublishesItsEvent_HandledExactlyOnce_EvenWhenTheFirstDeliveryDies()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.Requests("yamada", s => s.SubmitNewAsync(new RequestInput("purchase", "モニター購入", Values(("vendor", "株式会社オフィス用品"),
            ("lines", new System.Text.Json.Nodes.JsonArray(Values(("item", "モニター"), ("quantity", 2), ("unit_price", 29_800))))))));
        await demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, null));
        var approved = await demo.Requests("yamamoto", s => s.ApproveAsync(r.Id, null, null));
        Assert.Equal(RequestStatus.Approved, approved.Status);
        // Committed with the decision: the event waits in the outbox even if the process dies right now.
        Assert.Equal(1, await OutboxCountAsync(r.Id));

        for (var i = 0; i < 6 && await ProbeNotificationsAsync(demo, r.Number!) == 0; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(5)); // past the retry back-off of the crashed first delivery
            await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        }
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        Assert.True(PurchaseProbe.Attempts(r.Id) >= 2, "the first delivery crashed and was retried");
        Assert.Equal(1, await ProbeNotificationsAsync(demo, r.Number!));
    }

    [Fact]
    public async Task HookRunsInTheDecidingTransaction_ItsFailureLeavesTheRequestWhereItWas()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.Requests("inoue", s => s.SubmitNewAsync(new RequestInput("probe", "フック失敗", Values(("fail", true)))));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, null)));
        Assert.Equal("probe hook refused", error.Message);
        var after = await demo.Requests("inoue", s => s.GetAsync(r.Id));
        Assert.Equal((RequestStatus.InProgress, "所属長"), (after.Status, after.CurrentStep!.Name));
        Assert.DoesNotContain(after.History, h => h.Action == "approve");
    }

    private async Task<int> OutboxCountAsync(Guid requestId) =>
        await factory.InCompanyAsync(Guid.Empty, null, async sp =>
        {
            using var _ = sp.GetRequiredService<CurrentUser>().AsSystem("test");
            var id = requestId.ToString();
            return await sp.GetRequiredService<UrakataDbContext>().OutboxMessages
                .CountAsync(m => m.Type.StartsWith(typeof(PurchaseRequestApproved).FullName!) && m.Payload.Contains(id));
        });

    private async Task<int> ProbeNotificationsAsync(WorkflowDemo demo, string number)
    {
        var yamada = await demo.UserAsync("yamada");
        return await factory.InCompanyAsync(demo.CompanyId, yamada, sp =>
            sp.GetRequiredService<UrakataDbContext>().Notifications.CountAsync(n => n.UserId == yamada && n.Title == "発注手配: " + number));
    }

    public sealed class HookFactory : UrakataFactory
    {
        protected override bool UseFakeClock => true;

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddScoped<IDomainEventHandler<PurchaseRequestApproved>, PurchaseProbe>();
            services.AddRequestKind(new RequestKindDefinition("probe", "フック確認", "Hook probe", "PR",
                [new FormDefinition([new FormField("fail", "失敗させる", FieldType.Checkbox)])],
                RouteDefinition.Simple(new StepDefinition("所属長", new ApproverRule.Manager(1))), typeof(FailingHook)));
        }
    }

    /// <summary>Stands in for purchasing: writes its effect with the outbox's own transaction, and dies on its first delivery.</summary>
    public sealed class PurchaseProbe(NotificationService notifications) : IDomainEventHandler<PurchaseRequestApproved>
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Calls = new();

        public static int Attempts(Guid requestId) => Calls.GetValueOrDefault(requestId);

        public Task HandleAsync(PurchaseRequestApproved e, CancellationToken cancellationToken)
        {
            notifications.Queue(new NotificationMessage(e.ApplicantId, "発注手配: " + e.Number, $"{e.Vendor} ¥{e.Total:N0}"));
            if (Calls.AddOrUpdate(e.RequestId, 1, (_, n) => n + 1) == 1)
            {
                throw new InvalidOperationException("simulated crash during the first delivery");
            }
            return Task.CompletedTask;
        }
    }

    public sealed class FailingHook : IRequestKindHandler
    {
        public Task OnApprovedAsync(RequestDecision decision, CancellationToken ct) =>
            decision.Request.Values["fail"]?.GetValue<bool>() == true ? throw new InvalidOperationException("probe hook refused") : Task.CompletedTask;
    }
}
