using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Files;
using Urakata.Platform.Notifications;
using Urakata.Platform.Org;
using Urakata.Platform.Security;

namespace Urakata.Platform.Api;

/// <summary>REST endpoints of the platform under <c>/api/v1/platform</c>.</summary>
internal static class PlatformApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/platform").WithTags("Platform");

        g.MapGet("/me", async (CurrentUser me, PermissionService permissions, CompanyAdmin companies, CancellationToken ct) =>
            TypedResults.Ok(new
            {
                me.UserId,
                me.UserName,
                me.DisplayName,
                me.CompanyId,
                Companies = await companies.MineAsync(ct),
                Permissions = await permissions.AllAsync(ct),
            }));

        var company = g.MapGroup("/company");
        company.MapGet("", (CompanyAdmin c, CancellationToken ct) => c.CurrentAsync(ct));
        company.MapPut("", (SaveCompany body, CompanyAdmin c, HttpRequest req, CancellationToken ct) => c.UpdateCurrentAsync(body with { Version = IfMatch(req) ?? body.Version }, ct))
            .RequirePermission(PlatformPermissions.CompanyManage);
        g.MapGet("/companies", (CompanyAdmin c, CancellationToken ct) => c.MineAsync(ct));
        g.MapPost("/companies", async (SaveCompany body, CompanyAdmin c, CancellationToken ct) =>
        {
            var created = await c.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/platform/company", created);
        }).RequirePermission(PlatformPermissions.CompanyManage);

        var departments = g.MapGroup("/departments");
        departments.MapGet("", (OrgAdmin o, CancellationToken ct) => o.DepartmentsAsync(ct)).RequirePermission(PlatformPermissions.OrgRead);
        departments.MapGet("/{id:guid}", (Guid id, OrgAdmin o, CancellationToken ct) => o.DepartmentAsync(id, ct))
            .RequirePermission(PlatformPermissions.OrgRead).ForResource<Department>();
        departments.MapPost("", async (SaveDepartment body, OrgAdmin o, CancellationToken ct) =>
        {
            var created = await o.SaveDepartmentAsync(null, body, ct);
            return TypedResults.Created($"/api/v1/platform/departments/{created.Id}", created);
        }).RequirePermission(PlatformPermissions.OrgManage);
        departments.MapPut("/{id:guid}", (Guid id, SaveDepartment body, OrgAdmin o, HttpRequest req, CancellationToken ct) =>
            o.SaveDepartmentAsync(id, body with { Version = IfMatch(req) ?? body.Version }, ct))
            .RequirePermission(PlatformPermissions.OrgManage).ForResource<Department>();
        departments.MapGet("/{id:guid}/members", async (Guid id, DateOnly? on, OrgAdmin o, OrgDirectory dir, TimeProvider clock, CancellationToken ct) =>
        {
            await o.DepartmentAsync(id, ct);
            return await dir.MembersAsync(id, on ?? Today(clock), ct);
        }).RequirePermission(PlatformPermissions.OrgRead).ForResource<Department>();

        var positions = g.MapGroup("/positions");
        positions.MapGet("", (OrgAdmin o, CancellationToken ct) => o.PositionsAsync(ct)).RequirePermission(PlatformPermissions.OrgRead);
        positions.MapGet("/{id:guid}", (Guid id, OrgAdmin o, CancellationToken ct) => o.PositionAsync(id, ct))
            .RequirePermission(PlatformPermissions.OrgRead).ForResource<Position>();
        positions.MapPost("", async (SavePosition body, OrgAdmin o, CancellationToken ct) =>
        {
            var created = await o.SavePositionAsync(null, body, ct);
            return TypedResults.Created($"/api/v1/platform/positions/{created.Id}", created);
        }).RequirePermission(PlatformPermissions.OrgManage);
        positions.MapPut("/{id:guid}", (Guid id, SavePosition body, OrgAdmin o, HttpRequest req, CancellationToken ct) =>
            o.SavePositionAsync(id, body with { Version = IfMatch(req) ?? body.Version }, ct))
            .RequirePermission(PlatformPermissions.OrgManage).ForResource<Position>();

        var assignments = g.MapGroup("/assignments");
        assignments.MapGet("", (Guid? userId, Guid? departmentId, DateOnly? on, OrgAdmin o, CancellationToken ct) => o.AssignmentsAsync(userId, departmentId, on, ct))
            .RequirePermission(PlatformPermissions.OrgRead);
        assignments.MapGet("/{id:guid}", (Guid id, OrgAdmin o, CancellationToken ct) => o.AssignmentAsync(id, ct))
            .RequirePermission(PlatformPermissions.OrgRead).ForResource<OrgAssignment>();
        assignments.MapPost("", async (SaveAssignment body, OrgAdmin o, CancellationToken ct) =>
        {
            var created = await o.SaveAssignmentAsync(null, body, ct);
            return TypedResults.Created($"/api/v1/platform/assignments/{created.Id}", created);
        }).RequirePermission(PlatformPermissions.OrgManage);
        assignments.MapPut("/{id:guid}", (Guid id, SaveAssignment body, OrgAdmin o, HttpRequest req, CancellationToken ct) =>
            o.SaveAssignmentAsync(id, body with { Version = IfMatch(req) ?? body.Version }, ct))
            .RequirePermission(PlatformPermissions.OrgManage).ForResource<OrgAssignment>();
        assignments.MapPost("/{id:guid}/end", (Guid id, EndAssignment body, OrgAdmin o, HttpRequest req, CancellationToken ct) =>
            o.EndAssignmentAsync(id, body.LastDay, IfMatch(req) ?? body.Version, ct))
            .RequirePermission(PlatformPermissions.OrgManage).ForResource<OrgAssignment>();

        var org = g.MapGroup("/org").RequirePermission(PlatformPermissions.OrgRead);
        org.MapGet("/users/{id:guid}/posts", async (Guid id, DateOnly? on, UserAdmin users, OrgDirectory dir, TimeProvider clock, CancellationToken ct) =>
        {
            await users.MemberAsync(id, ct);
            return await dir.PostsOfAsync(id, on ?? Today(clock), ct);
        }).ForResource<AppUser>();
        org.MapGet("/users/{id:guid}/position-holders", async (Guid id, string? position, DateOnly? on, UserAdmin users, OrgDirectory dir, TimeProvider clock, CancellationToken ct) =>
        {
            await users.MemberAsync(id, ct);
            return await dir.PositionHoldersAboveAsync(id, position ?? "", on ?? Today(clock), ct);
        }).ForResource<AppUser>();
        org.MapGet("/users/{id:guid}/managers", async (Guid id, int? levels, DateOnly? on, UserAdmin users, OrgDirectory dir, TimeProvider clock, CancellationToken ct) =>
        {
            await users.MemberAsync(id, ct);
            return await dir.ManagersAsync(id, on ?? Today(clock), Math.Clamp(levels ?? 1, 1, 10), ct);
        }).ForResource<AppUser>();

        var users = g.MapGroup("/users");
        users.MapGet("", (UserAdmin u, CancellationToken ct) => u.MembersAsync(ct)).RequirePermission(PlatformPermissions.OrgRead);
        users.MapGet("/{id:guid}", (Guid id, UserAdmin u, CancellationToken ct) => u.MemberAsync(id, ct))
            .RequirePermission(PlatformPermissions.OrgRead).ForResource<AppUser>();
        users.MapPost("", async (CreateMember body, UserAdmin u, CancellationToken ct) =>
        {
            var created = await u.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/platform/users/{created.UserId}", created);
        }).RequirePermission(PlatformPermissions.UsersManage);
        users.MapPut("/{id:guid}", (Guid id, UpdateMember body, UserAdmin u, HttpRequest req, CancellationToken ct) =>
            u.UpdateAsync(id, body with { Version = IfMatch(req) ?? body.Version }, ct))
            .RequirePermission(PlatformPermissions.UsersManage).ForResource<AppUser>();

        var roles = g.MapGroup("/roles").RequirePermission(PlatformPermissions.RolesManage);
        roles.MapGet("", (RoleAdmin r, CancellationToken ct) => r.RolesAsync(ct));
        roles.MapGet("/{id:guid}", (Guid id, RoleAdmin r, CancellationToken ct) => r.RoleAsync(id, ct)).ForResource<Role>();
        roles.MapPost("", async (SaveRole body, RoleAdmin r, CancellationToken ct) =>
        {
            var created = await r.SaveAsync(null, body, ct);
            return TypedResults.Created($"/api/v1/platform/roles/{created.Id}", created);
        });
        roles.MapPut("/{id:guid}", (Guid id, SaveRole body, RoleAdmin r, HttpRequest req, CancellationToken ct) =>
            r.SaveAsync(id, body with { Version = IfMatch(req) ?? body.Version }, ct)).ForResource<Role>();
        g.MapGet("/permissions", (PermissionRegistry registry) => registry.All.OrderBy(p => p.Key, StringComparer.Ordinal))
            .RequirePermission(PlatformPermissions.RolesManage);

        g.MapGet("/audit", ([AsParameters] AuditFilterQuery f, AuditQuery q, CancellationToken ct) =>
            q.SearchAsync(new AuditFilter(f.From, f.To, f.UserId, f.EntityType, f.EntityId, f.Before, f.Limit ?? 50), ct))
            .RequirePermission(PlatformPermissions.AuditRead);

        var tokens = g.MapGroup("/tokens");
        tokens.MapGet("", (AccessTokens t, CancellationToken ct) => t.MineAsync(ct));
        tokens.MapPost("", async (CreateAccessToken body, AccessTokens t, CancellationToken ct) =>
        {
            var created = await t.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/platform/tokens/{created.Token.Id}", created);
        });
        tokens.MapDelete("/{id:guid}", async (Guid id, AccessTokens t, CancellationToken ct) =>
        {
            await t.RevokeAsync(id, ct);
            return TypedResults.NoContent();
        }).ForResource<PersonalAccessToken>();

        var files = g.MapGroup("/files");
        files.MapPost("", async (IFormFile file, FileStore store, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var stored = await store.SaveAsync(file.FileName, stream, ct);
            return TypedResults.Created($"/api/v1/platform/files/{stored.Id}", new { stored.Id, stored.FileName, stored.Size, stored.ContentType, stored.Sha256 });
        }).RequirePermission(PlatformPermissions.FilesUpload).DisableAntiforgery();
        files.MapGet("/{id:guid}", async (Guid id, UrakataDbContext db, FileStore store, HttpResponse response, CancellationToken ct) =>
        {
            var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("File");
            response.Headers.ContentSecurityPolicy = "sandbox";
            return TypedResults.File(store.OpenRead(file), file.ContentType, file.FileName);
        }).ForResource<StoredFile>();

        var notifications = g.MapGroup("/notifications");
        notifications.MapGet("", (NotificationService n, CurrentUser me, CancellationToken ct) => n.LatestAsync(me.RequireUser(), 50, ct));
        notifications.MapPost("/read-all", async (NotificationService n, CurrentUser me, CancellationToken ct) =>
        {
            await n.MarkAllReadAsync(me.RequireUser(), ct);
            return TypedResults.NoContent();
        });

        var calendar = g.MapGroup("/calendar");
        calendar.MapGet("/{year:int}", (int year, CompanyCalendar c, CancellationToken ct) => c.DaysOffAsync(year, ct));
        calendar.MapPost("/holidays", async (SaveCompanyHoliday body, CompanyCalendar c, CancellationToken ct) =>
        {
            var created = await c.AddHolidayAsync(body, ct);
            return TypedResults.Created($"/api/v1/platform/calendar/holidays/{created.Id}", created);
        }).RequirePermission(PlatformPermissions.CalendarManage);
        calendar.MapDelete("/holidays/{id:guid}", async (Guid id, CompanyCalendar c, CancellationToken ct) =>
        {
            await c.RemoveHolidayAsync(id, ct);
            return TypedResults.NoContent();
        }).RequirePermission(PlatformPermissions.CalendarManage).ForResource<CompanyHoliday>();
    }

    internal static int? IfMatch(HttpRequest request) => request.IfMatchVersion();

    private static DateOnly Today(TimeProvider clock) =>
        Kernel.JapanTime.Today(clock);
}

public static class HttpRequestVersionExtensions
{
    /// <summary><c>If-Match: "3"</c> (or <c>3</c>) names the version the client last saw.</summary>
    public static int? IfMatchVersion(this HttpRequest request) =>
        int.TryParse(request.Headers.IfMatch.ToString().Trim('"', 'W', '/', ' '), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}

internal sealed record EndAssignment(DateOnly LastDay, int? Version = null);

internal sealed record AuditFilterQuery(DateOnly? From, DateOnly? To, Guid? UserId, string? EntityType, string? EntityId, long? Before, int? Limit);
