using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Partners;
using Urakata.Platform;
using Urakata.Platform.Api;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Files;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.Tests.Platform;

/// <summary>
/// Every id-taking API route, discovered from the endpoint table, asked by company A for company B's record,
/// answers 404 and leaks nothing. A new route without <see cref="ResourceMetadata"/> fails the test.
/// </summary>
[Trait("Category", "Database")]
public sealed class CompanyIsolationTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task EveryIdRoute_WithAnotherCompanysId_Answers404WithoutData()
    {
        var a = await factory.CreateCompanyAsync("株式会社A商事", "iso-a");
        var b = await factory.CreateCompanyAsync("株式会社B物産", "iso-b");
        var secret = "秘密のB部署";
        var ids = await factory.InCompanyAsync(b.Id, b.AdminId, async sp =>
        {
            var org = sp.GetRequiredService<OrgAdmin>();
            var dept = await org.SaveDepartmentAsync(null, new SaveDepartment("B1", secret, null, null, 0));
            var pos = await org.SavePositionAsync(null, new SavePosition("B-head", secret + "長", 70));
            var asg = await org.SaveAssignmentAsync(null, new SaveAssignment(b.AdminId, dept.Id, pos.Id, new DateOnly(2026, 4, 1), null, true));
            var role = (await sp.GetRequiredService<RoleAdmin>().RolesAsync()).First();
            var token = await sp.GetRequiredService<AccessTokens>().CreateAsync(new CreateAccessToken(secret, null));
            var holiday = await sp.GetRequiredService<CompanyCalendar>().AddHolidayAsync(new SaveCompanyHoliday(new DateOnly(2026, 12, 28), secret));
            var file = await sp.GetRequiredService<FileStore>().SaveAsync("b.txt", new MemoryStream(Encoding.UTF8.GetBytes(secret)));
            var route = await sp.GetRequiredService<RouteCatalog>().CreateAsync(new RouteInput("ringi", secret, null,
                RouteDefinition.Simple(new StepDefinition("所属長", new ApproverRule.Manager(1)))));
            var request = await sp.GetRequiredService<RequestService>().DraftAsync(new RequestInput("ringi", secret,
                new System.Text.Json.Nodes.JsonObject { ["purpose"] = secret, ["amount"] = 1 }));
            var deputy = await sp.GetRequiredService<UserAdmin>().CreateAsync(new CreateMember("iso-b-deputy", "B代理", null, null, UrakataFactory.Password, null, null));
            var delegation = await sp.GetRequiredService<ProxyApprovalService>().CreateAsync(
                new ProxyApprovalInput(deputy.UserId, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), Reason: secret));
            var account = await sp.GetRequiredService<ChartOfAccounts>().CreateAsync(new AccountInput("9001", secret, "ヒミツ", AccountGroup.CurrentAssets, BalanceSide.Debit, null, null));
            var sub = await sp.GetRequiredService<ChartOfAccounts>().AddSubAccountAsync(account.Id, new SubAccountInput("01", secret, null));
            var partner = await sp.GetRequiredService<PartnerDirectory>().CreateAsync(new PartnerInput("B001", secret, null, false, null, null, null, null));
            var lines = new JournalLineInput[] { new(BalanceSide.Debit, "9001", 1_000, "-"), new(BalanceSide.Credit, "4550", 1_000, "-") };
            var entry = await sp.GetRequiredService<JournalPosting>().PostAsync(new JournalEntryInput(new DateOnly(2026, 11, 1), secret, lines));
            var draft = await sp.GetRequiredService<JournalDrafts>().SaveAsync(null, new JournalEntryInput(new DateOnly(2026, 11, 1), secret, lines));
            var recurring = await sp.GetRequiredService<Urakata.Accounting.Recurring.RecurringEntries>().SaveAsync(null,
                new Urakata.Accounting.Recurring.RecurringEntryInput(secret, 27, new DateOnly(2026, 4, 1), null, secret, lines));
            var employee = await sp.GetRequiredService<Urakata.People.Employees.EmployeeDirectory>().CreateAsync(new Urakata.People.Employees.EmployeeInput(
                "B001", secret, "ヒミツ", null, new DateOnly(2026, 4, 1), Urakata.People.Employees.EmploymentType.Regular));
            var lifeEvent = await sp.GetRequiredService<Urakata.People.Events.EmployeeEvents>().RecordAsync(employee.Id,
                new Urakata.People.Events.EmployeeEventInput(Urakata.People.Events.EmployeeEventKind.Retirement, new DateOnly(2027, 3, 31), Note: secret));
            var close = await sp.GetRequiredService<Urakata.People.Attendance.AttendanceMonthClose>().CloseAsync(new Urakata.People.Attendance.CloseMonthBody(null, "2026-05"));
            var workRule = await sp.GetRequiredService<Urakata.People.Attendance.WorkRules>().CreateAsync(
                new Urakata.People.Attendance.WorkRuleInput(secret, new TimeOnly(9, 0), new TimeOnly(18, 0), 60));
            var leaveType = await sp.GetRequiredService<Urakata.People.Leave.LeaveBook>().AddTypeAsync(new Urakata.People.Leave.LeaveTypeInput("b-secret", secret, null, true));
            var db = sp.GetRequiredService<Urakata.Platform.Data.UrakataDbContext>();
            var taking = new Urakata.People.Leave.Records.TakenLeave(employee.Id, new DateOnly(2026, 12, 1), leaveType.Id, Urakata.People.Leave.LeaveUnit.FullDay, 0,
                Urakata.People.Leave.LeaveSource.Planned, null);
            db.Add(taking);
            await db.SaveChangesAsync();
            return new Dictionary<Type, Guid>
            {
                [typeof(Urakata.People.Attendance.AttendanceClose)] = close.Id,
                [typeof(Urakata.People.Employees.Employee)] = employee.Id,
                [typeof(Urakata.People.Events.EmployeeEvent)] = lifeEvent.Id,
                [typeof(Urakata.People.Events.EmployeeTask)] = lifeEvent.Tasks[0].Id,
                [typeof(Urakata.People.Leave.Records.LeaveType)] = leaveType.Id,
                [typeof(Urakata.People.Leave.Records.TakenLeave)] = taking.Id,
                [typeof(Urakata.People.Attendance.WorkRule)] = workRule.Id,
                [typeof(Account)] = account.Id,
                [typeof(SubAccount)] = sub.Id,
                [typeof(Partner)] = partner.Id,
                [typeof(JournalEntry)] = entry.Id,
                [typeof(JournalDraft)] = draft.Id,
                [typeof(Urakata.Accounting.Recurring.RecurringEntry)] = recurring.Id,
                [typeof(ApprovalRoute)] = route.Id,
                [typeof(ApprovalRequest)] = request.Id,
                [typeof(ProxyApproval)] = delegation.Id,
                [typeof(Department)] = dept.Id,
                [typeof(Position)] = pos.Id,
                [typeof(OrgAssignment)] = asg.Id,
                [typeof(AppUser)] = b.AdminId,
                [typeof(Role)] = role.Id,
                [typeof(PersonalAccessToken)] = token.Token.Id,
                [typeof(CompanyHoliday)] = holiday.Id!.Value,
                [typeof(StoredFile)] = file.Id,
            };
        });
        var client = await factory.CreateApiClientAsync(a);

        var routes = IdRoutes().ToList();
        Assert.True(routes.Count >= 15, $"expected the platform's id routes, found {routes.Count}");
        var failures = new List<string>();
        foreach (var (pattern, method, resource) in routes)
        {
            if (resource is null)
            {
                failures.Add($"{method} {pattern}: no ResourceMetadata — declare which entity its id names (.ForResource<T>())");
                continue;
            }
            if (!ids.TryGetValue(resource, out var foreignId))
            {
                failures.Add($"{method} {pattern}: the test has no {resource.Name} of company B — add one above");
                continue;
            }
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(pattern, @"\{id[^}]*\}", foreignId.ToString());
            path = path.Replace("{year:int}", "2026", StringComparison.Ordinal).Replace("{month}", "2026-11", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || body.Contains(secret, StringComparison.Ordinal) || body.Contains(foreignId.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task OwnCompanysId_IsFound_SoThe404AboveMeansIsolation()
    {
        var a = await factory.CreateCompanyAsync("株式会社C", "iso-c");
        var dept = await factory.InCompanyAsync(a.Id, a.AdminId, sp => sp.GetRequiredService<OrgAdmin>().SaveDepartmentAsync(null, new SaveDepartment("C1", "自社部署", null, null, 0)));
        var client = await factory.CreateApiClientAsync(a);
        var response = await client.GetAsync($"/api/v1/platform/departments/{dept.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("自社部署", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private IEnumerable<(string Pattern, string Method, Type? Resource)> IdRoutes()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var e in endpoints)
        {
            var pattern = e.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) && !pattern.StartsWith("api/", StringComparison.Ordinal))
            {
                continue;
            }
            if (!e.RoutePattern.Parameters.Any(p => p.Name == "id"))
            {
                continue;
            }
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                yield return (pattern.TrimStart('/'), method, e.Metadata.GetMetadata<ResourceMetadata>()?.EntityType);
            }
        }
    }
}
