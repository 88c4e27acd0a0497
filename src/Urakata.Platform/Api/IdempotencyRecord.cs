namespace Urakata.Platform.Api;

/// <summary>
/// The first response to a POST with an <c>Idempotency-Key</c>. Inserted first under a unique
/// (user, key) index in the request's transaction, so concurrent duplicates wait and then replay.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public string Key { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? ResponseBody { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAt { get; init; }
}
