using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Employees;
using Urakata.People.Events;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.People;

/// <summary>
/// 異動・入退社 on the demo company (today 2026-11-23 in Japan): events change the master and the org chart on their
/// date — at once or by the daily job — each with its checklist for the responsible role; what does not fit the record
/// is refused with nothing changed. Each test works on its own demo employee (the class shares one demo company).
/// </summary>
[Trait("Category", "Database")]
public sealed class EmployeeEventTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Task<Employee> EmployeeAsync(WorkflowDemo demo, string name) => demo.As<UrakataDbContext, Employee>("admin", async db =>
        await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Name == name));

    private static Task<List<OrgAssignment>> PostsAsync(WorkflowDemo demo, Guid userId) => demo.As<UrakataDbContext, List<OrgAssignment>>("admin", async db =>
        await db.OrgAssignments.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.EffectiveFrom).ToListAsync());

    private static Task<Guid> PositionAsync(WorkflowDemo demo, string code) => demo.As<UrakataDbContext, Guid>("admin", async db =>
        await db.Positions.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    /// <summary>The daily job as it runs at <paramref name="utc"/> (default: now), without moving the shared clock.</summary>
    private async Task<int> RunJobAsync(DateTimeOffset? utc = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmployeeEventsJob>().RunAsync((utc ?? factory.Clock.GetUtcNow()).UtcDateTime);
    }

    [Fact]
    public async Task TransferToday_MovesTheMasterAndThePost_AndMakesTheChecklist()
    {
        var demo = await SeedAsync(factory);
        var shimizu = await EmployeeAsync(demo, "清水 拓也");
        var development = await demo.DepartmentAsync("300");
        var lead = await PositionAsync(demo, "lead");

        var recorded = await demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(shimizu.Id,
            new EmployeeEventInput(EmployeeEventKind.Transfer, Today, development, lead, "開発体制の強化")));

        Assert.Equal(EmployeeEventState.Applied, recorded.State);
        var after = await EmployeeAsync(demo, "清水 拓也");
        Assert.Equal((development, (Guid?)lead), (after.DepartmentId!.Value, after.PositionId));
        // The 本務 in 212 ends yesterday; the new one in 300 starts today, open-ended.
        var posts = await PostsAsync(demo, shimizu.UserId!.Value);
        var old = posts.Single(p => p.DepartmentId == shimizu.DepartmentId);
        Assert.Equal(Today.AddDays(-1), old.EffectiveTo);
        var now = posts.Single(p => p.DepartmentId == development);
        Assert.Equal((Today, (DateOnly?)null, true, (Guid?)lead), (now.EffectiveFrom, now.EffectiveTo, now.IsPrimary, now.PositionId));
        // The default 異動 checklist: 権限の見直し (account work: the role holding user administration) today, 通勤手当 in a week.
        Assert.Equal(["アクセス権限・承認ルートの見直し", "通勤手当・住所の確認"], recorded.Tasks.Select(t => t.Title));
        Assert.Equal([Today, Today.AddDays(7)], recorded.Tasks.Select(t => t.DueOn));
        Assert.NotNull(recorded.Tasks[0].RoleId);
        Assert.Null(recorded.Tasks[1].RoleId);
    }

    [Fact]
    public async Task ScheduledPromotion_WaitsForItsDate_ThenTheJobAppliesItOnce()
    {
        var demo = await SeedAsync(factory);
        var kimura = await EmployeeAsync(demo, "木村 誠");
        var head = await PositionAsync(demo, "department-head");
        var firstOfMonth = new DateOnly(2026, 12, 1);

        var recorded = await demo.As<EmployeeEvents, EmployeeEventDto>("suzuki", e => e.RecordAsync(kimura.Id,
            new EmployeeEventInput(EmployeeEventKind.Promotion, firstOfMonth, PositionId: head)));
        Assert.Equal(EmployeeEventState.Scheduled, recorded.State);
        Assert.Equal(kimura.PositionId, (await EmployeeAsync(demo, "木村 誠")).PositionId);
        Assert.Equal(0, await RunJobAsync());

        var december = new DateTimeOffset(2026, 11, 30, 15, 10, 0, TimeSpan.Zero); // 2026-12-01 00:10 in Japan
        Assert.Equal(1, await RunJobAsync(december));
        Assert.Equal(0, await RunJobAsync(december));

        Assert.Equal(head, (await EmployeeAsync(demo, "木村 誠")).PositionId);
        var posts = await PostsAsync(demo, kimura.UserId!.Value);
        Assert.Equal([(new DateOnly(2026, 11, 30), (Guid?)kimura.PositionId), (firstOfMonth, head)],
            posts.Where(p => p.EffectiveTo is null || p.EffectiveTo >= Today).Select(p => (p.EffectiveTo ?? p.EffectiveFrom, p.PositionId)));
        var events = await demo.As<EmployeeEvents, List<EmployeeEventDto>>("suzuki", e => e.ListAsync(kimura.Id));
        Assert.Equal(EmployeeEventState.Applied, events.Single().State);
    }

    [Fact]
    public async Task Retirement_SetsTheLastDayAtOnce_AndRetiresOnTheDayAfter_WithItsFilings()
    {
        var demo = await SeedAsync(factory);
        var hayashi = await EmployeeAsync(demo, "林 優子");
        var lastDay = new DateOnly(2026, 12, 31);

        var recorded = await demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(hayashi.Id,
            new EmployeeEventInput(EmployeeEventKind.Retirement, lastDay, Note: "自己都合")));
        var before = await EmployeeAsync(demo, "林 優子");
        Assert.Equal((EmployeeStatus.Active, (DateOnly?)lastDay), (before.Status, before.RetirementDate));
        // 資格喪失届 within 5 days of the 喪失日 (the day after the last day), 雇用保険 within 10, 源泉徴収票 within a month.
        var due = recorded.Tasks.ToDictionary(t => t.Title, t => t.DueOn);
        Assert.Equal(new DateOnly(2027, 1, 6), due["健康保険・厚生年金保険 被保険者資格喪失届の提出"]);
        Assert.Equal(new DateOnly(2027, 1, 11), due["雇用保険 被保険者資格喪失届・離職証明書の提出"]);
        Assert.Equal(new DateOnly(2027, 1, 31), due["源泉徴収票の交付"]);

        Assert.Equal(0, await RunJobAsync(new DateTimeOffset(2026, 12, 31, 3, 0, 0, TimeSpan.Zero))); // the last day: still employed
        Assert.Equal(1, await RunJobAsync(new DateTimeOffset(2026, 12, 31, 15, 10, 0, TimeSpan.Zero))); // 2027-01-01 00:10 in Japan

        Assert.Equal(EmployeeStatus.Retired, (await EmployeeAsync(demo, "林 優子")).Status);
        Assert.All(await PostsAsync(demo, hayashi.UserId!.Value), p => Assert.True(p.EffectiveTo <= lastDay));
    }

    [Fact]
    public async Task WhatDoesNotFitTheRecord_IsRefused_AndNothingIsWritten()
    {
        var demo = await SeedAsync(factory);
        var ikeda = await EmployeeAsync(demo, "池田 亮");
        async Task Refused(EmployeeEventInput input, string field)
        {
            var ex = await Assert.ThrowsAnyAsync<DomainException>(() => demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(ikeda.Id, input)));
            Assert.Equal(field, ex.Field);
        }

        await Refused(new EmployeeEventInput(EmployeeEventKind.Transfer, Today, ikeda.DepartmentId), "departmentId"); // the department is today's
        await Refused(new EmployeeEventInput(EmployeeEventKind.Transfer, Today), "departmentId");
        await Refused(new EmployeeEventInput(EmployeeEventKind.Promotion, Today), "positionId");
        await Refused(new EmployeeEventInput(EmployeeEventKind.Reinstatement, Today), "kind"); // not on leave
        await Refused(new EmployeeEventInput(EmployeeEventKind.Retirement, ikeda.HireDate.AddDays(-1)), "effectiveOn");
        await Refused(new EmployeeEventInput(EmployeeEventKind.Transfer, null, await demo.DepartmentAsync("110")), "effectiveOn");
        Assert.Empty(await demo.As<EmployeeEvents, List<EmployeeEventDto>>("yoshida", e => e.ListAsync(ikeda.Id)));

        // 休職 then 復職, each today: status follows; a second 休職 while on leave is refused.
        await demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(ikeda.Id, new EmployeeEventInput(EmployeeEventKind.LeaveOfAbsence, Today)));
        Assert.Equal(EmployeeStatus.OnLeave, (await EmployeeAsync(demo, "池田 亮")).Status);
        await Refused(new EmployeeEventInput(EmployeeEventKind.LeaveOfAbsence, Today), "kind");
        await demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(ikeda.Id, new EmployeeEventInput(EmployeeEventKind.Reinstatement, Today)));
        Assert.Equal(EmployeeStatus.Active, (await EmployeeAsync(demo, "池田 亮")).Status);

        // Staff cannot record; another company's admin does not find the employee.
        await Assert.ThrowsAsync<ForbiddenException>(() => demo.As<EmployeeEvents, EmployeeEventDto>("yamada", e =>
            e.RecordAsync(ikeda.Id, new EmployeeEventInput(EmployeeEventKind.LeaveOfAbsence, Today))));
        var other = await factory.CreateCompanyAsync("株式会社他社", "events-other-admin");
        await Assert.ThrowsAsync<NotFoundException>(() => factory.InCompanyAsync(other.Id, other.AdminId, sp =>
            sp.GetRequiredService<EmployeeEvents>().ListAsync(ikeda.Id)));
    }

    [Fact]
    public async Task Tasks_AreSeenAndTickedByTheirRole_Only()
    {
        var demo = await SeedAsync(factory);
        var mori = await EmployeeAsync(demo, "森 彩");
        await demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(mori.Id,
            new EmployeeEventInput(EmployeeEventKind.LeaveOfAbsence, new DateOnly(2027, 1, 15), Note: "育児休業")));

        // 人事 (suzuki) sees both 休職 tasks; 一般社員 (yamada) sees none and cannot tick one.
        var hrTasks = (await demo.As<EmployeeEvents, List<EmployeeTaskDto>>("suzuki", e => e.MyTasksAsync())).Where(t => t.EmployeeId == mori.Id).ToList();
        Assert.Equal(["休職辞令・休職中の連絡方法の通知", "社会保険料の徴収方法の連絡"], hrTasks.Select(t => t.Title));
        Assert.DoesNotContain(await demo.As<EmployeeEvents, List<EmployeeTaskDto>>("yamada", e => e.MyTasksAsync()), t => t.EmployeeId == mori.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => demo.As<EmployeeEvents, EmployeeTaskDto>("yamada", e => e.CompleteTaskAsync(hrTasks[0].Id)));

        var done = await demo.As<EmployeeEvents, EmployeeTaskDto>("suzuki", e => e.CompleteTaskAsync(hrTasks[0].Id));
        Assert.Equal((true, "鈴木 一郎"), (done.Done, done.DoneByName));
        await Assert.ThrowsAsync<ConflictException>(() => demo.As<EmployeeEvents, EmployeeTaskDto>("yoshida", e => e.CompleteTaskAsync(hrTasks[0].Id)));
        Assert.DoesNotContain(await demo.As<EmployeeEvents, List<EmployeeTaskDto>>("yoshida", e => e.MyTasksAsync()), t => t.Id == hrTasks[0].Id);

        // Cancelling the scheduled event takes its open task with it; the done one stays as history.
        var eventId = hrTasks[0].EventId;
        await demo.As<EmployeeEvents, bool>("yoshida", async e => { await e.CancelAsync(eventId); return true; });
        var events = await demo.As<EmployeeEvents, List<EmployeeEventDto>>("yoshida", e => e.ListAsync(mori.Id));
        Assert.Equal(EmployeeEventState.Cancelled, events.Single().State);
        Assert.Equal([hrTasks[0].Id], events.Single().Tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task TheCompanyEditsItsChecklist_AndTheNextEventUsesIt()
    {
        var demo = await SeedAsync(factory);
        var unknownRole = Guid.CreateVersion7();
        var refused = await Assert.ThrowsAsync<DomainException>(() => demo.As<EmployeeEvents, List<ChecklistLineDto>>("yoshida", e =>
            e.SaveChecklistAsync(EmployeeEventKind.Reinstatement, [new ChecklistLine("産業医面談", unknownRole, 0)])));
        Assert.Equal("roleId", refused.Field);
        Assert.Equal(["復職面談と勤務条件の確認"], (await demo.As<EmployeeEvents, List<ChecklistLineDto>>("yoshida", e =>
            e.ChecklistLinesAsync(EmployeeEventKind.Reinstatement))).Select(l => l.Title));

        var saved = await demo.As<EmployeeEvents, List<ChecklistLineDto>>("yoshida", e => e.SaveChecklistAsync(EmployeeEventKind.Reinstatement,
            [new ChecklistLine("産業医面談", null, -7), new ChecklistLine("復職辞令", null, 0)]));
        Assert.Equal(["産業医面談", "復職辞令"], saved.Select(l => l.Title));

        var matsumoto = await EmployeeAsync(demo, "松本 さくら");
        await demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(matsumoto.Id, new EmployeeEventInput(EmployeeEventKind.LeaveOfAbsence, Today)));
        var back = await demo.As<EmployeeEvents, EmployeeEventDto>("yoshida", e => e.RecordAsync(matsumoto.Id,
            new EmployeeEventInput(EmployeeEventKind.Reinstatement, new DateOnly(2027, 2, 1))));
        Assert.Equal([("産業医面談", new DateOnly(2027, 1, 25)), ("復職辞令", new DateOnly(2027, 2, 1))], back.Tasks.Select(t => (t.Title, t.DueOn)));
    }

    [Theory]
    [InlineData("2026-01-31", 0, 10, "2026-02-10")] // 雇用保険 資格取得届: 翌月10日
    [InlineData("2026-01-31", 0, 31, "2026-02-28")] // the 31st of a shorter month is its last day
    [InlineData("2026-04-01", -3, null, "2026-03-29")] // before the date: account ready 3 days ahead
    [InlineData("2026-12-31", 6, null, "2027-01-06")]
    public void ChecklistItem_DueDate(string effective, int offset, int? dayOfNextMonth, string expected)
    {
        var item = new ChecklistItem(EmployeeEventKind.Hire, "x", null, offset, dayOfNextMonth, 0);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), item.DueFor(DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
