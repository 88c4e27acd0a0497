using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Urakata.Platform.Audit;

/// <summary>SHA-256 over a canonical text of every column and the previous hash.</summary>
public static class AuditHasher
{
    public static AuditEvent Sign(AuditEvent e) => new()
    {
        Id = e.Id,
        CompanyId = e.CompanyId,
        Sequence = e.Sequence,
        OccurredAt = e.OccurredAt,
        UserId = e.UserId,
        UserName = e.UserName,
        IpAddress = e.IpAddress,
        EntityType = e.EntityType,
        EntityId = e.EntityId,
        Action = e.Action,
        Changes = e.Changes,
        Reason = e.Reason,
        PreviousHash = e.PreviousHash,
        Hash = Compute(e),
    };

    public static string Compute(AuditEvent e)
    {
        var canonical = string.Join('\u001f',
            e.Id.ToString("D"),
            e.CompanyId.ToString("D"),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            e.UserId?.ToString("D") ?? "",
            e.UserName ?? "",
            e.IpAddress ?? "",
            e.EntityType,
            e.EntityId,
            e.Action.ToString(),
            e.Changes,
            e.Reason ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
