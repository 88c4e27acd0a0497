using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Notifications;

/// <summary>A message for one user: stored for the in-app list and bell, pushed live, optionally e-mailed.</summary>
public sealed record NotificationMessage(Guid UserId, string Title, string? Body = null, string? Link = null, bool Email = false);

/// <summary>
/// Sends notifications. The in-app row is written in the caller's transaction; the live push and the
/// e-mail happen after it is saved, so a rolled-back change notifies no one.
/// </summary>
public sealed class NotificationService(UrakataDbContext db, NotificationHub hub, IEmailSender email, TimeProvider clock, ILogger<NotificationService> logger)
{
    public async Task<Notification> SendAsync(NotificationMessage message, CancellationToken ct = default)
    {
        var notification = new Notification(db.CurrentUser.RequireCompany(), message.UserId, message.Title, message.Body, message.Link, clock.GetUtcNow().UtcDateTime);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(ct);
        hub.Publish(notification);
        if (message.Email)
        {
            var address = await db.Users.Where(u => u.Id == message.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            if (!string.IsNullOrWhiteSpace(address))
            {
                try
                {
                    await email.SendAsync(new EmailMessage(address, message.Title, EmailBody(message)), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The in-app notification stands; the mail failure is logged without the address.
                    logger.LogWarning(ex, "E-mail for notification {NotificationId} could not be sent.", notification.Id);
                }
            }
        }
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

    private static string EmailBody(NotificationMessage m) =>
        string.Join("\n\n", new[] { m.Body, m.Link }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>In-process fan-out of new notifications to open Blazor circuits (the bell updates live).</summary>
public sealed class NotificationHub
{
    public event Action<Notification>? Published;

    public void Publish(Notification notification) => Published?.Invoke(notification);
}
