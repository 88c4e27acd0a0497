using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Api;
using Urakata.Platform.Data;
using Urakata.Platform.Security;

namespace Urakata.Platform.Hosting;

/// <summary>
/// Honours <c>Idempotency-Key</c> on every POST under <c>/api</c>. The key row is inserted first, under a
/// unique (user, key) index, in the same transaction as the work: a concurrent duplicate waits on that
/// index and then replays the stored response; a crash leaves neither the key nor the work. The same key
/// with a different body answers 422.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, UrakataDbContext db, CurrentUser currentUser, TimeProvider clock)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrEmpty(key) || currentUser.UserId is not { } userId
            || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (key.Length > 200)
        {
            await Problem(context, StatusCodes.Status400BadRequest, Messages.ValidationFailed);
            return;
        }
        context.Request.EnableBuffering();
        var requestHash = await HashRequestAsync(context.Request);

        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, context.RequestAborted);
            if (existing is not null)
            {
                await ReplayAsync(context, existing, requestHash);
                return;
            }
            await using var tx = await db.Database.BeginTransactionAsync(context.RequestAborted);
            var record = new IdempotencyRecord { UserId = userId, Key = key, RequestHash = requestHash, CreatedAt = clock.GetUtcNow().UtcDateTime };
            try
            {
                db.IdempotencyRecords.Add(record);
                await db.SaveChangesAsync(context.RequestAborted);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request with this key committed first: replay its response.
                await tx.RollbackAsync(context.RequestAborted);
                db.ChangeTracker.Clear();
                continue;
            }
            await RunAndRecordAsync(context, db, record);
            return;
        }
    }

    private async Task RunAndRecordAsync(HttpContext context, UrakataDbContext db, IdempotencyRecord record)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            if (context.Response.StatusCode < 500)
            {
                buffer.Position = 0;
                record.StatusCode = context.Response.StatusCode;
                record.ContentType = context.Response.ContentType;
                record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
                record.ResponseBody = await new StreamReader(buffer).ReadToEndAsync(context.RequestAborted);
                db.ChangeTracker.Clear();
                db.IdempotencyRecords.Attach(record);
                db.Entry(record).State = EntityState.Modified;
                await db.SaveChangesAsync(context.RequestAborted);
                await db.CommitAsync(context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            await Problem(context, StatusCodes.Status422UnprocessableEntity, Messages.IdempotencyKeyReused);
            return;
        }
        context.Response.StatusCode = record.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.Location is not null)
        {
            context.Response.Headers.Location = record.Location;
        }
        if (record.ContentType is not null)
        {
            context.Response.ContentType = record.ContentType;
        }
        if (record.ResponseBody is { Length: > 0 } body)
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hasher.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hasher.GetHashAndReset());
    }

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(new ProblemDetails { Status = status, Title = detail, Detail = detail }).ExecuteAsync(context);
}
