namespace Urakata.Platform.Domain;

/// <summary>A unit of the organisation (本部, 部, 課…); departments form a tree through <see cref="ParentId"/>.</summary>
public sealed class Department : CompanyEntity
{
    private Department() { }

    public Department(Guid companyId, string code, string name, Guid? parentId = null, int sortOrder = 0)
    {
        CompanyId = companyId;
        Update(code, name, null, sortOrder);
        ParentId = parentId;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? NameKana { get; private set; }
    public Guid? ParentId { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    public void Update(string code, string name, string? nameKana, int sortOrder)
    {
        code = (code ?? "").Trim();
        name = (name ?? "").Trim();
        if (code.Length is 0 or > 30)
        {
            throw new DomainException(Messages.CodeRequired, nameof(Code));
        }
        if (name.Length is 0 or > 100)
        {
            throw new DomainException(Messages.NameRequired, nameof(Name));
        }
        Code = code;
        Name = name;
        NameKana = string.IsNullOrWhiteSpace(nameKana) ? null : nameKana.Trim();
        SortOrder = sortOrder;
    }

    /// <summary>Moves the department under <paramref name="parent"/>; refuses a move that would create a cycle.</summary>
    public void MoveUnder(Department? parent, IReadOnlyDictionary<Guid, Department> all)
    {
        for (var p = parent; p is not null; p = p.ParentId is { } pid && all.TryGetValue(pid, out var next) ? next : null)
        {
            if (p.Id == Id)
            {
                throw new DomainException(Messages.DepartmentCycle, nameof(ParentId));
            }
        }
        ParentId = parent?.Id;
    }

    public void SetActive(bool active) => IsActive = active;
}
