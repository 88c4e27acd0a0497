namespace Urakata.Platform.Domain;

/// <summary>A user's membership of a company, with the roles they hold there.</summary>
public sealed class CompanyMembership : CompanyEntity
{
    private readonly List<MembershipRole> _roles = [];

    private CompanyMembership() { }

    public CompanyMembership(Guid companyId, Guid userId)
    {
        CompanyId = companyId;
        UserId = userId;
    }

    public Guid UserId { get; private set; }
    public string? EmployeeNumber { get; private set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyList<MembershipRole> Roles => _roles;

    public void SetEmployeeNumber(string? number) =>
        EmployeeNumber = string.IsNullOrWhiteSpace(number) ? null : number.Trim();

    public void SetActive(bool active) => IsActive = active;

    public void SetRoles(IEnumerable<Guid> roleIds)
    {
        var wanted = roleIds.Distinct().ToHashSet();
        _roles.RemoveAll(r => !wanted.Contains(r.RoleId));
        foreach (var id in wanted.Where(id => _roles.All(r => r.RoleId != id)))
        {
            _roles.Add(new MembershipRole(Id, id));
        }
    }
}

public sealed class MembershipRole
{
    private MembershipRole() { }

    public MembershipRole(Guid membershipId, Guid roleId)
    {
        MembershipId = membershipId;
        RoleId = roleId;
    }

    public Guid MembershipId { get; private set; }
    public Guid RoleId { get; private set; }
}
