using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Outbox;

namespace Urakata.Platform.Notifications;

/// <summary>A message for one user: stored for the in-app list and bell, pushed live, optionally e-mailed.</summary>
public sealed record NotificationMessage(Guid UserId, string Title, string? Body = null, string? Link = null, bool Email = false);

/// <summary>
/// Sends notifications. The in-app row is written in the caller's transaction (or its own); the live push and
/// the e-mail are delivered by <see cref="NotificationDelivery"/> from the outbox once that transaction has
/// committed, and an e-mail that fails is retried.
/// </summary>
public sealed class NotificationService(UrakataDbContext db, TimeProvider clock)
{
    public async Task<Notification> SendAsync(NotificationMessage message, CancellationToken ct = default)
    {
        var notification = Queue(message);
        await db.SaveChangesAsync(ct);
        return notification;
    }

    /// <summary>Adds a notification to the caller's unit of work: it is saved (and delivered) with the caller's changes, or not at all.</summary>
    public Notification Queue(NotificationMessage message)
    {
        var notification = new Notification(db.CurrentUser.RequireCompany(), message.UserId, message.Title, message.Body, message.Link,
            clock.GetUtcNow().UtcDateTime, message.Email);
        db.Notifications.Add(notification);
        return notification;
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public Task<List<Notification>> LatestAsync(Guid userId, int take = 20, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).Take(take).ToListAsync(ct);

    public async Task MarkAllReadAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct))
        {
            n.MarkRead(now);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Pushes a committed notification to open circuits and, when asked, e-mails it.</summary>
public sealed class NotificationDelivery(UrakataDbContext db, NotificationHub hub, IEmailSender email, IOptions<SmtpOptions> smtp) : IDomainEventHandler<NotificationCreated>
{
    public async Task HandleAsync(NotificationCreated domainEvent, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == domainEvent.NotificationId, cancellationToken);
        if (notification is null)
        {
            return;
        }
        hub.Publish(notification);
        if (!domainEvent.Email)
        {
            return;
        }
        var address = await db.Users.Where(u => u.Id == domainEvent.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(address))
        {
            // E-mail links open the record after sign-in; relative links need the public address.
            var link = notification.Link is { } l && l.StartsWith('/') && smtp.Value.PublicBaseUrl is { Length: > 0 } baseUrl
                ? baseUrl.TrimEnd('/') + l
                : notification.Link;
            var body = string.Join("\n\n", new[] { notification.Body, link }.Where(s => !string.IsNullOrWhiteSpace(s)));
            await email.SendAsync(new EmailMessage(address, notification.Title, body), cancellationToken);
        }
    }
}

/// <summary>In-process fan-out of new notifications to open Blazor circuits (the bell updates live).</summary>
public sealed class NotificationHub
{
    public event Action<Notification>? Published;

    public void Publish(Notification notification) => Published?.Invoke(notification);
}
