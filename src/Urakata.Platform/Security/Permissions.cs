namespace Urakata.Platform.Security;

/// <summary>How far a permission reaches: the user's own records, their department's, or the whole company's.</summary>
public enum DataScope
{
    Own,
    Department,
    Company,
}

/// <summary>A permission a module declares, e.g. <c>accounting.journal.post</c>.</summary>
/// <param name="Sensitive">Reads under this permission (salary, マイナンバー) are logged.</param>
public sealed record PermissionDefinition(string Key, string NameJa, string NameEn, string Module, bool Sensitive = false);

/// <summary>Permissions of the platform itself.</summary>
public static class PlatformPermissions
{
    public const string CompanyManage = "platform.company.manage";
    public const string UsersManage = "platform.users.manage";
    public const string RolesManage = "platform.roles.manage";
    public const string OrgRead = "platform.org.read";
    public const string OrgManage = "platform.org.manage";
    public const string AuditRead = "platform.audit.read";
    public const string CalendarManage = "platform.calendar.manage";
    public const string FilesUpload = "platform.files.upload";

    public static IReadOnlyList<PermissionDefinition> All { get; } =
    [
        new(CompanyManage, "会社情報の管理", "Manage company settings", "platform"),
        new(UsersManage, "ユーザーと所属の管理", "Manage users and memberships", "platform"),
        new(RolesManage, "ロールと権限の管理", "Manage roles and permissions", "platform"),
        new(OrgRead, "組織の閲覧", "View the organisation", "platform"),
        new(OrgManage, "部署・役職・配属の管理", "Manage departments, positions and assignments", "platform"),
        new(AuditRead, "変更履歴の閲覧", "View the audit history", "platform"),
        new(CalendarManage, "会社カレンダーの管理", "Manage the company calendar", "platform"),
        new(FilesUpload, "ファイルのアップロード", "Upload files", "platform"),
    ];
}

/// <summary>Every permission declared by the loaded modules.</summary>
public sealed class PermissionRegistry
{
    private readonly Dictionary<string, PermissionDefinition> _byKey;

    public PermissionRegistry(IEnumerable<PermissionDefinition> definitions)
    {
        _byKey = [];
        foreach (var d in definitions)
        {
            if (!_byKey.TryAdd(d.Key, d))
            {
                throw new InvalidOperationException($"Permission '{d.Key}' is declared twice.");
            }
        }
    }

    public IReadOnlyCollection<PermissionDefinition> All => _byKey.Values;

    public bool Exists(string key) => _byKey.ContainsKey(key);

    public PermissionDefinition? Find(string key) => _byKey.GetValueOrDefault(key);
}
