using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Security;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>ASVS 7.4.2 / 8.3.2: a user disabled by an administrator loses an already open page within a minute.</summary>
public sealed class SessionRevocationTests(UrakataServerFixture app, ITestOutputHelper output) : IClassFixture<UrakataServerFixture>
{
    [Fact]
    public async Task DeactivatedUser_WithAnOpenPage_IsSentToSignIn_WithinAMinute()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var artifacts = new FailureArtifacts(page, output);
        try
        {
            await Ui.SignInAsync(page, "inoue", app.BaseAddress);
            await page.GotoAsync("/admin/org");
            await Ui.ExpectVisibleAsync(page.Locator("#departments-table"), "the organisation page of 井上");
            await Ui.SelectTabAsync(page, "役職");

            await DeactivateAsync("inoue");
            var clock = Stopwatch.StartNew();
            await page.WaitForURLAsync(new Regex("/account/login"), new() { Timeout = 75_000 });
            output.WriteLine($"The open page went to the sign-in form {clock.Elapsed.TotalSeconds:0} s after the user was deactivated.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(65), $"took {clock.Elapsed.TotalSeconds:0} s");

            // Signing in again is refused too.
            await page.FillAsync("#username", "inoue");
            await page.FillAsync("#password", UrakataServerFixture.DemoPassword);
            await page.ClickAsync("#sign-in");
            await Ui.ExpectVisibleAsync(page.Locator(".account-error"), "the sign-in error");
        }
        catch (Exception)
        {
            await artifacts.CaptureAsync(page, nameof(DeactivatedUser_WithAnOpenPage_IsSentToSignIn_WithinAMinute), "revocation");
            throw;
        }
    }

    private async Task DeactivateAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = (await users.FindByNameAsync("admin"))!;
        var target = (await users.FindByNameAsync(userName))!;
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().InCompany(admin.CurrentCompanyId!.Value, admin.Id, "admin");
        var userAdmin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var member = await userAdmin.MemberAsync(target.Id);
        await userAdmin.UpdateAsync(target.Id, new UpdateMember(member.DisplayName, member.DisplayNameKana, member.Email, member.EmployeeNumber, false, member.RoleIds, member.Version));
    }
}
