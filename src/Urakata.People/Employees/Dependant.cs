using System.Text.Json.Serialization;
using Urakata.Platform.Domain;

namespace Urakata.People.Employees;

/// <summary>続柄 of a dependant, as the 扶養控除等申告書 groups them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DependantRelation>))]
public enum DependantRelation
{
    Spouse,
    Child,
    Parent,
    Other,
}

/// <summary>
/// 扶養家族: a person the employee supports (for the 扶養控除等申告書 and health insurance later). Belongs to one
/// <see cref="Employee"/> and changes only through it.
/// </summary>
public sealed class Dependant : CompanyEntity
{
    private Dependant() { }

    internal Dependant(Guid employeeId, Details details)
    {
        EmployeeId = employeeId;
        Update(details);
    }

    public Guid EmployeeId { get; private set; }
    public string Name { get; private set; } = "";
    public string Kana { get; private set; } = "";
    public DependantRelation Relation { get; private set; }
    public DateOnly BirthDate { get; private set; }
    /// <summary>同居: lives in the employee's household.</summary>
    public bool LivesTogether { get; private set; }

    public sealed record Details(string? Name, string? Kana, DependantRelation Relation, DateOnly? BirthDate, bool LivesTogether, Guid? Id = null);

    /// <summary>Checks the dependant; <paramref name="prefix"/> names its place in the form (<c>dependants[1].</c>).</summary>
    internal static Dictionary<string, string[]> Check(Details d, string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        var name = (d.Name ?? "").Trim();
        if (name.Length is 0 or > 100)
        {
            errors[prefix + "name"] = [PeopleMessages.DependantNameRequired];
        }
        var kana = Furigana.Normalize(d.Kana ?? "");
        if (kana.Length is 0 or > 100)
        {
            errors[prefix + "kana"] = [PeopleMessages.KanaRequired];
        }
        else if (Furigana.FirstInvalid(kana) is { } bad)
        {
            errors[prefix + "kana"] = [PeopleMessages.Format(PeopleMessages.KanaCharacter, bad)];
        }
        if (!Enum.IsDefined(d.Relation))
        {
            errors[prefix + "relation"] = [PeopleMessages.DependantRelationInvalid];
        }
        if (d.BirthDate is null)
        {
            errors[prefix + "birthDate"] = [PeopleMessages.BirthDateRequired];
        }
        return errors;
    }

    internal void Update(Details d)
    {
        if (Check(d, "") is { Count: > 0 } errors)
        {
            throw new ValidationException(errors);
        }
        Name = d.Name!.Trim();
        Kana = Furigana.Normalize(d.Kana!);
        Relation = d.Relation;
        BirthDate = d.BirthDate!.Value;
        LivesTogether = d.LivesTogether;
    }
}
