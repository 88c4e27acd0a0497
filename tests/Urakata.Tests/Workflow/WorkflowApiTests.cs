using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Api;
using Urakata.Workflow.Requests;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.Workflow;

/// <summary>The approval engine over HTTP with personal access tokens: status codes, problem details, idempotency.</summary>
[Trait("Category", "Database")]
public sealed class WorkflowApiTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task InvalidForm_Answers400_WithEveryFieldInTheCallersLanguage()
    {
        var (yamada, _) = await ClientsAsync("yamada");
        yamada.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await yamada.PostAsJsonAsync("/api/v1/workflow/requests", new NewRequestBody("travel", "大阪出張", Values(("estimate", "たくさん"))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["destination", "estimate", "period", "purpose"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Estimated cost must be a whole yen amount of 0 or more.", errors["estimate"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Actions_409ForTheWrongPerson_404ForStrangers_OneDecisionForTwoClicks()
    {
        var (yamada, demo) = await ClientsAsync("yamada");
        var created = await yamada.PostAsJsonAsync("/api/v1/workflow/requests", new NewRequestBody("ringi", "API経由の稟議", Values(("purpose", "検証"), ("amount", 1_200_000))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = (await created.Content.ReadFromJsonAsync<RequestView>(Json))!;
        Assert.Equal(["所属長", "部門長", "役員決裁"], view.Steps.Select(s => s.Name));
        Assert.False(view.Actions.Approve);
        var path = $"/api/v1/workflow/requests/{view.Id}";

        var ikeda = await ClientAsync(demo, "ikeda");
        Assert.Equal(HttpStatusCode.NotFound, (await ikeda.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ikeda.PostAsJsonAsync(path + "/approve", new ActionBody())).StatusCode);
        var yamamoto = await ClientAsync(demo, "yamamoto");
        Assert.Equal(HttpStatusCode.Conflict, (await yamamoto.PostAsJsonAsync(path + "/approve", new ActionBody())).StatusCode);

        var nakamura = await ClientAsync(demo, "nakamura");
        var mine = (await nakamura.GetFromJsonAsync<RequestView>(path, Json))!;
        Assert.True(mine.Actions.Approve);
        var rejectWithoutReason = await nakamura.PostAsJsonAsync(path + "/reject", new ActionBody(" "));
        Assert.Equal(HttpStatusCode.BadRequest, rejectWithoutReason.StatusCode);
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => nakamura.PostAsJsonAsync(path + "/approve", new ActionBody("承認します"))));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], clicks.Select(c => c.StatusCode).Order());
        var after = (await yamada.GetFromJsonAsync<RequestView>(path, Json))!;
        Assert.Single(after.History, h => h.Action == "approve");
        Assert.Equal(("部門長", "中村 翔"), (after.Steps.Single(s => s.Status == Urakata.Workflow.Requests.StepStatus.Active).Name, after.History[^1].ActorName));
    }

    [Fact]
    public async Task Submit_WithAnIdempotencyKey_FilesOnce_AndBulkApproveReportsEachRequest()
    {
        var (inoue, demo) = await ClientsAsync("inoue");
        var statuses = new List<HttpStatusCode>();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workflow/requests")
            {
                Content = JsonContent.Create(new NewRequestBody("ringi", "一括承認テスト", Values(("purpose", "x"), ("amount", 5_000)))),
            };
            request.Headers.Add("Idempotency-Key", "bulk-test-1");
            var response = await inoue.SendAsync(request);
            statuses.Add(response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<RequestView>(Json))!.Id);
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], statuses);
        var second = (await (await inoue.PostAsJsonAsync("/api/v1/workflow/requests", new NewRequestBody("ringi", "一括承認テスト2", Values(("purpose", "x"), ("amount", 6_000)))))
            .Content.ReadFromJsonAsync<RequestView>(Json))!;
        Assert.Single(ids);

        var nakamura = await ClientAsync(demo, "nakamura");
        var waiting = (await nakamura.GetFromJsonAsync<InboxPage>("/api/v1/workflow/inbox?box=Waiting&q=一括承認テスト", Json))!;
        Assert.Equal(2, waiting.Total);
        var bulk = await nakamura.PostAsJsonAsync("/api/v1/workflow/requests/bulk-approve", new BulkApproveBody([ids.Single(), second.Id, Guid.NewGuid()]));
        var results = (await bulk.Content.ReadFromJsonAsync<List<BulkResult>>(Json))!;
        Assert.Equal([true, true, false], results.Select(r => r.Succeeded));
        Assert.Equal(0, (await nakamura.GetFromJsonAsync<InboxPage>("/api/v1/workflow/inbox?box=Waiting&q=一括承認テスト", Json))!.Total);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheWorkflowEndpoints()
    {
        var (client, _) = await ClientsAsync("yamada");
        var response = await client.GetAsync("/openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body[..Math.Min(300, body.Length)]);
        foreach (var path in new[] { "/api/v1/workflow/requests", "/api/v1/workflow/requests/{id}/approve", "/api/v1/workflow/inbox", "/api/v1/workflow/routes" })
        {
            Assert.Contains($"\"{path}\"", body, StringComparison.Ordinal);
        }
    }

    private async Task<(HttpClient Client, WorkflowDemo Demo)> ClientsAsync(string userName)
    {
        var demo = await SeedAsync(factory);
        return (await ClientAsync(demo, userName), demo);
    }

    private async Task<HttpClient> ClientAsync(WorkflowDemo demo, string userName) =>
        await factory.CreateApiClientAsync(new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin"), await demo.UserAsync(userName));
}
