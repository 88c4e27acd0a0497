using Urakata.Platform.Domain;

namespace Urakata.Workflow.Routing;

/// <summary>One published version of a route.</summary>
public sealed record RouteVersion(int Version, RouteDefinition Definition, DateTime PublishedAt);

/// <summary>
/// A company's route for a request kind, optionally only for applicants in a department (and below it).
/// Versioned: publishing adds a version; requests keep the version they started with unless an
/// administrator migrates them.
/// </summary>
public sealed class ApprovalRoute : CompanyEntity
{
    private readonly List<RouteVersion> _versions = [];

    private ApprovalRoute()
    {
        KindCode = Name = "";
    }

    public ApprovalRoute(Guid companyId, string kindCode, string name, Guid? departmentId)
    {
        CompanyId = companyId;
        KindCode = kindCode;
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException(WorkflowMessages.Format(WorkflowMessages.FieldRequired, "Name"), nameof(Name)) : name.Trim();
        DepartmentId = departmentId;
    }

    public string KindCode { get; private set; }
    public string Name { get; private set; }
    /// <summary>Only for applicants in this department or below it; null: the whole company.</summary>
    public Guid? DepartmentId { get; private set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyList<RouteVersion> Versions => _versions;
    public int CurrentVersion => _versions.Count;
    public RouteDefinition Current => _versions.Count > 0 ? _versions[^1].Definition : throw new NotFoundException("Route version");

    public RouteDefinition DefinitionOf(int version) =>
        _versions.Find(v => v.Version == version)?.Definition ?? throw new NotFoundException("Route version");

    public RouteVersion Publish(RouteDefinition definition, DateTime now)
    {
        definition.EnsureValid();
        var version = new RouteVersion(_versions.Count + 1, definition, now);
        _versions.Add(version);
        return version;
    }

    public void SetActive(bool active) => IsActive = active;
}
