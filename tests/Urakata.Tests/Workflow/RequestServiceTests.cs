using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Domain;
using Urakata.Platform.Hosting;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;
using Rule = Urakata.Workflow.Routing.ApproverRule;

namespace Urakata.Tests.Workflow;

/// <summary>Filing and acting on requests in the demo company, through the service the API and pages will use.</summary>
[Trait("Category", "Database")]
public sealed class RequestServiceTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly StepDefinition[] Route =
    [
        new("所属長", new Rule.Manager(1)),
        new("部長", new Rule.PositionAboveApplicant("department-head")),
    ];

    [Fact]
    public async Task Submit_TakesGapFreeNumbers_AndRoutesToTheApplicantsManagers()
    {
        var (company, user) = await DemoAsync();
        var yamada = await user("yamada");
        var first = await factory.InCompanyAsync(company, yamada, sp => sp.GetRequiredService<RequestService>().SubmitAsync("ringi", "RG", "展示会出展の件", yamada, Route));
        var second = await factory.InCompanyAsync(company, yamada, sp => sp.GetRequiredService<RequestService>().SubmitAsync("ringi", "RG", "備品購入の件", yamada, Route));
        var fiscalYear = first.Number![3..7];
        Assert.Equal($"RG-{fiscalYear}-000001", first.Number);
        Assert.Equal($"RG-{fiscalYear}-000002", second.Number);
        Assert.Equal(["中村 翔"], first.CurrentStep!.Approvers.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task FiledOnBehalf_TheApplicantIsThePersonItIsFor_AndTheyCannotApprove()
    {
        var (company, user) = await DemoAsync();
        var (inoue, nakamura) = (await user("inoue"), await user("nakamura"));
        var request = await factory.InCompanyAsync(company, nakamura, sp => sp.GetRequiredService<RequestService>().SubmitAsync("ringi", "RG", "代理申請の件", inoue, Route));
        Assert.Equal((inoue, nakamura), (request.ApplicantId, request.FiledBy));
        // 中村 filed it as secretary but is 井上's 課長: he approves as the 所属長.
        var approved = await factory.InCompanyAsync(company, nakamura, sp => sp.GetRequiredService<RequestService>().ApproveAsync(request.Id, null, null));
        Assert.Equal("部長", approved.CurrentStep!.Name);
        await Assert.ThrowsAsync<ConflictException>(() =>
            factory.InCompanyAsync(company, inoue, sp => sp.GetRequiredService<RequestService>().ApproveAsync(request.Id, null, null)));
    }

    [Fact]
    public async Task DoubleClick_SecondApproveIsAlreadyDecided_AndAnotherCompanysRequestIsNotFound()
    {
        var (company, user) = await DemoAsync();
        var (matsumoto, nakamura) = (await user("matsumoto"), await user("nakamura"));
        var request = await factory.InCompanyAsync(company, matsumoto, sp => sp.GetRequiredService<RequestService>().SubmitAsync("ringi", "RG", "出張の件", matsumoto, Route));
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => TryAsync(() =>
            factory.InCompanyAsync(company, nakamura, sp => sp.GetRequiredService<RequestService>().ApproveAsync(request.Id, null, null)))));
        Assert.Equal(1, clicks.Count(ok => ok));

        var other = await factory.CreateCompanyAsync("別会社株式会社", "wf-other");
        await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.InCompanyAsync(other.Id, other.AdminId, sp => sp.GetRequiredService<RequestService>().ApproveAsync(request.Id, null, null)));
    }

    private static async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }

    private async Task<(Guid Company, Func<string, Task<Guid>> User)> DemoAsync()
    {
        await DemoSeeder.SeedAsync(factory.Services, UrakataFactory.Password, new DateOnly(2025, 4, 1));
        async Task<Guid> User(string name)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name))!.Id;
        }
        await using var s = factory.Services.CreateAsyncScope();
        var admin = (await s.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!;
        return (admin.CurrentCompanyId!.Value, User);
    }
}
