using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Hosting;
using Urakata.Platform.Security;

namespace Urakata.Web.Components.Account;

/// <summary>Form posts of the account area: sign out, sign out everywhere, switch company, switch language.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        account.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });

        account.MapPost("/logout-everywhere", async (SignInManager<AppUser> signIn, UserManager<AppUser> users, UrakataDbContext db, HttpContext context) =>
        {
            // Every server-side session ends now; the new security stamp also ends open Blazor circuits within 30 s.
            if (await users.GetUserAsync(context.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
                await DatabaseSessionStore.RemoveAllAsync(db, user.Id);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });

        account.MapPost("/company", async ([FromForm] Guid companyId, [FromForm] string? returnUrl, SignInManager<AppUser> signIn,
            UserManager<AppUser> users, UrakataDbContext db, HttpContext context) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.Unauthorized();
            }
            var member = await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id && m.CompanyId == companyId && m.IsActive);
            if (!member)
            {
                return Results.NotFound();
            }
            user.CurrentCompanyId = companyId;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
            return Results.LocalRedirect(LocalUrl(returnUrl));
        });

        account.MapGet("/culture", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = UrakataServices.Cultures.FirstOrDefault(c => c.Name == culture) ?? UrakataServices.Cultures[0];
            context.Response.Cookies.Append(UrakataServices.CultureCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true });
            return TypedResults.LocalRedirect(LocalUrl(returnUrl));
        }).AllowAnonymous();
    }

    /// <summary>Only local paths are followed after sign-in or a switch (no open redirect).</summary>
    public static string LocalUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
}
