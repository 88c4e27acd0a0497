namespace Urakata.Platform.Security;

/// <summary>
/// A signed-in browser session kept on the server (ASVS 7.4): the cookie holds only this row's id, so
/// signing out deletes the session for good and "sign out everywhere" deletes all of a user's rows.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>The serialised authentication ticket (claims and expiry).</summary>
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}
