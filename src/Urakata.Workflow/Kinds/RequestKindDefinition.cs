using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Domain;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Kinds;

/// <summary>
/// A request kind registered in code by a module (経費精算, 休暇申請…) or built in (稟議, 購買申請…).
/// <para><see cref="Forms"/> keeps every version ever shipped, oldest first: a request keeps the version it
/// was created with, so a shipped version is never changed or removed — add a new one.</para>
/// <para><see cref="DefaultRoute"/> applies until a company defines its own route for the kind.</para>
/// </summary>
public sealed record RequestKindDefinition(
    string Code,
    string Name,
    string NameEn,
    string NumberPrefix,
    IReadOnlyList<FormDefinition> Forms,
    RouteDefinition DefaultRoute,
    Type? Handler = null,
    string? Description = null)
{
    public int CurrentFormVersion => Forms.Count;

    public FormDefinition Form(int version) =>
        version >= 1 && version <= Forms.Count ? Forms[version - 1] : throw new NotFoundException("Form version");
}

/// <summary>
/// What a module does when one of its requests is decided. Runs inside the transaction that records the final
/// decision: an exception rolls the decision back. For work after the commit, publish an event
/// (<see cref="RequestDecision.Publish"/>) and handle it with an <c>IDomainEventHandler</c> (outbox).
/// </summary>
public interface IRequestKindHandler
{
    /// <summary>
    /// Runs when the request is submitted (and resubmitted), after the form's own checks: throw a
    /// <see cref="ValidationException"/> keyed by field to refuse it with the module's rules (a bank code that does not
    /// exist…), so the applicant hears it at once rather than the approver at the end.
    /// </summary>
    Task OnSubmittingAsync(ApprovalRequest request, CancellationToken ct) => Task.CompletedTask;

    Task OnApprovedAsync(RequestDecision decision, CancellationToken ct) => Task.CompletedTask;

    Task OnRejectedAsync(RequestDecision decision, CancellationToken ct) => Task.CompletedTask;

    Task OnWithdrawnAsync(RequestDecision decision, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The decided request as a hook sees it.</summary>
public sealed class RequestDecision(ApprovalRequest request)
{
    public ApprovalRequest Request { get; } = request;

    /// <summary>Publishes an event through the outbox, committed with the decision.</summary>
    public void Publish(IDomainEvent domainEvent) => Request.Publish(domainEvent);
}

public static class RequestKindRegistration
{
    /// <summary>Registers a request kind (and its hook, if any) for every company.</summary>
    public static IServiceCollection AddRequestKind(this IServiceCollection services, RequestKindDefinition kind)
    {
        services.AddSingleton(kind);
        if (kind.Handler is not null)
        {
            services.AddScoped(kind.Handler);
        }
        return services;
    }
}
