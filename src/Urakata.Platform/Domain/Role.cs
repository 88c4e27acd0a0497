using Urakata.Platform.Security;

namespace Urakata.Platform.Domain;

/// <summary>A company's bundle of permissions, each with a data scope (own / department / company).</summary>
public sealed class Role : CompanyEntity
{
    private readonly List<RolePermission> _permissions = [];

    private Role() { }

    public Role(Guid companyId, string name, string? description = null)
    {
        CompanyId = companyId;
        Rename(name, description);
    }

    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public IReadOnlyList<RolePermission> Permissions => _permissions;

    public void Rename(string name, string? description)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100)
        {
            throw new DomainException(Messages.NameRequired, nameof(Name));
        }
        Name = name;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    public void Grant(string permission, DataScope scope = DataScope.Company)
    {
        var existing = _permissions.Find(p => p.Permission == permission);
        if (existing is not null)
        {
            existing.Scope = scope;
            return;
        }
        _permissions.Add(new RolePermission(Id, permission, scope));
    }

    public void Revoke(string permission) => _permissions.RemoveAll(p => p.Permission == permission);
}

public sealed class RolePermission
{
    private RolePermission() { }

    public RolePermission(Guid roleId, string permission, DataScope scope)
    {
        RoleId = roleId;
        Permission = permission;
        Scope = scope;
    }

    public Guid RoleId { get; private set; }
    public string Permission { get; private set; } = "";
    public DataScope Scope { get; internal set; }
}
