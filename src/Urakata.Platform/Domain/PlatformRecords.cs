namespace Urakata.Platform.Domain;

/// <summary>A company-specific day off (創立記念日, 年末年始, 夏季休業…) added to the national holidays.</summary>
public sealed class CompanyHoliday : CompanyEntity
{
    private CompanyHoliday() { }

    public CompanyHoliday(Guid companyId, DateOnly date, string name)
    {
        CompanyId = companyId;
        Date = date;
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException(Messages.NameRequired, nameof(Name)) : name.Trim();
    }

    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
}

/// <summary>A personal access token for the REST API. Only the SHA-256 of the secret is stored.</summary>
public sealed class PersonalAccessToken : CompanyEntity
{
    private PersonalAccessToken() { }

    public PersonalAccessToken(Guid companyId, Guid userId, string name, string tokenHash, string prefix, DateTime createdAt, DateTime? expiresAt)
    {
        CompanyId = companyId;
        UserId = userId;
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException(Messages.NameRequired, nameof(Name)) : name.Trim();
        TokenHash = tokenHash;
        Prefix = prefix;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    [Sensitive]
    public string TokenHash { get; private set; } = "";
    /// <summary>The first characters of the token, shown so the user can tell tokens apart.</summary>
    public string Prefix { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    [NotAudited]
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void MarkUsed(DateTime now) => LastUsedAt = now;
}

/// <summary>In-app notification for one user.</summary>
public sealed class Notification : CompanyEntity
{
    private Notification() { }

    public Notification(Guid companyId, Guid userId, string title, string? body, string? link, DateTime createdAt, bool email = false)
    {
        CompanyId = companyId;
        UserId = userId;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = createdAt;
        // Delivery (live push, e-mail) happens after commit through the outbox: a rolled-back change notifies no one.
        Raise(new NotificationCreated(Id, userId, email));
    }

    public Guid UserId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Body { get; private set; }
    public string? Link { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

/// <summary>A notification was stored; its delivery runs after the transaction commits.</summary>
public sealed record NotificationCreated(Guid NotificationId, Guid UserId, bool Email) : IDomainEvent;

/// <summary>Metadata of a file in the content-addressed store (the bytes live under their SHA-256).</summary>
public sealed class StoredFile : CompanyEntity
{
    private StoredFile() { }

    public StoredFile(Guid companyId, string sha256, long size, string contentType, string fileName, DateTime createdAt, Guid? createdBy)
    {
        CompanyId = companyId;
        Sha256 = sha256;
        Size = size;
        ContentType = contentType;
        FileName = fileName;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }
    public string ContentType { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
}
