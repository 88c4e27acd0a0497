using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Domain;
using Urakata.Platform.Hosting;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Requests;

namespace Urakata.Tests.Workflow;

/// <summary>The demo company (株式会社サンプル商事) for workflow tests: its people by user name, and services acting as one of them.</summary>
public sealed class WorkflowDemo(UrakataFactory factory, Guid companyId)
{
    private readonly Dictionary<string, Guid> _users = [];

    public Guid CompanyId { get; } = companyId;

    public static async Task<WorkflowDemo> SeedAsync(UrakataFactory factory)
    {
        await DemoSeeder.SeedAsync(factory.Services, UrakataFactory.Password, new DateOnly(2025, 4, 1));
        await using var s = factory.Services.CreateAsyncScope();
        var admin = (await s.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!;
        return new WorkflowDemo(factory, admin.CurrentCompanyId!.Value);
    }

    public async Task<Guid> UserAsync(string userName)
    {
        if (!_users.TryGetValue(userName, out var id))
        {
            await using var scope = factory.Services.CreateAsyncScope();
            id = _users[userName] = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
        }
        return id;
    }

    /// <summary>The id of the demo department with <paramref name="code"/> (000 本社 … 300 開発部).</summary>
    public Task<Guid> DepartmentAsync(string code) =>
        factory.InCompanyAsync(CompanyId, null, sp => sp.GetRequiredService<Urakata.Platform.Data.UrakataDbContext>().Departments
            .Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    /// <summary>Runs <paramref name="work"/> with service <typeparamref name="TService"/> acting as <paramref name="userName"/>.</summary>
    public async Task<TResult> As<TService, TResult>(string userName, Func<TService, Task<TResult>> work) where TService : notnull =>
        await factory.InCompanyAsync(CompanyId, await UserAsync(userName), sp => work(sp.GetRequiredService<TService>()));

    public Task<ApprovalRequest> Requests(string userName, Func<RequestService, Task<ApprovalRequest>> work) => As(userName, work);

    /// <summary>A 稟議 filed and submitted by <paramref name="userName"/>.</summary>
    public Task<ApprovalRequest> RingiAsync(string userName, string title, long amount) =>
        Requests(userName, s => s.SubmitNewAsync(new RequestInput("ringi", title, Values(("purpose", "業務のため"), ("amount", amount)))));

    public static JsonObject Values(params (string Key, object? Value)[] values)
    {
        var o = new JsonObject();
        foreach (var (key, value) in values)
        {
            o[key] = value switch
            {
                null => null,
                JsonNode n => n,
                string s => JsonValue.Create(s),
                long l => JsonValue.Create(l),
                int i => JsonValue.Create(i),
                bool b => JsonValue.Create(b),
                decimal d => JsonValue.Create(d),
                _ => JsonValue.Create(value.ToString()),
            };
        }
        return o;
    }
}
