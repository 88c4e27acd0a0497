using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Hosting;

/// <summary>
/// Maps failures to RFC 9457 problem details in the user's language: a broken rule → 400 with the field,
/// a hidden or missing record → 404, a stale version → 409, anything else → 500 with only a trace id
/// (ASVS 16.5.1: no stack, SQL or connection string ever reaches the client).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        var (status, title, field) = exception switch
        {
            ConflictException c => (StatusCodes.Status409Conflict, c.Message, null),
            DomainException d => (StatusCodes.Status400BadRequest, d.Message, d.Field),
            NotFoundException => (StatusCodes.Status404NotFound, Messages.NotFound, null),
            ForbiddenException => (StatusCodes.Status403Forbidden, Messages.Forbidden, null),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, Messages.ConcurrencyConflict, null),
            BadHttpRequestException b => (b.StatusCode, Messages.ValidationFailed, null),
            _ => (StatusCodes.Status500InternalServerError, Messages.Format(Messages.UnexpectedError, traceId), (string?)null),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception {TraceId}", traceId);
        }
        context.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title, Detail = title };
        details.Extensions["traceId"] = traceId;
        if (exception is ValidationException validation)
        {
            details.Title = details.Detail = Messages.ValidationFailed;
            details.Extensions["errors"] = validation.Errors;
        }
        else if (field is not null)
        {
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [title] };
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = null });
    }
}
