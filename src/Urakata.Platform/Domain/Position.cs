namespace Urakata.Platform.Domain;

/// <summary>
/// 役職 (社長, 本部長, 部長, 課長, 係長…). <see cref="Rank"/> orders seniority: a higher rank is more senior,
/// so the approval engine can tell that a 部長 applicant outranks a 課長 step.
/// </summary>
public sealed class Position : CompanyEntity
{
    private Position() { }

    public Position(Guid companyId, string code, string name, int rank)
    {
        CompanyId = companyId;
        Update(code, name, rank);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Rank { get; private set; }
    public bool IsActive { get; private set; } = true;

    public void Update(string code, string name, int rank)
    {
        code = (code ?? "").Trim();
        name = (name ?? "").Trim();
        if (code.Length is 0 or > 30)
        {
            throw new DomainException(Messages.CodeRequired, nameof(Code));
        }
        if (name.Length is 0 or > 50)
        {
            throw new DomainException(Messages.NameRequired, nameof(Name));
        }
        if (rank is < 0 or > 1000)
        {
            throw new DomainException(Messages.RankRange, nameof(Rank));
        }
        Code = code;
        Name = name;
        Rank = rank;
    }

    public void SetActive(bool active) => IsActive = active;
}
