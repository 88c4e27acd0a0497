using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Urakata.People.Employees;
using Urakata.Platform.Components;

namespace Urakata.People.Components;

/// <summary>Base of the People pages: the platform's page scope plus the module's own strings.</summary>
public abstract class PeopleComponent : UrakataComponent
{
    [Inject] protected IStringLocalizer<PeopleUi> P { get; set; } = default!;

    protected string TypeName(EmploymentType type) => P["EmploymentType." + type];

    protected string StatusName(EmployeeStatus status) => P["Status." + status];

    /// <summary>
    /// The text a Guid select shows for its value (code and name), for <c>ToStringFunc</c>: without it MudSelect puts the Guid
    /// itself in its input.
    /// </summary>
    protected static Func<Guid?, string?> LookupText(IEnumerable<LookupItem>? items) =>
        id => id is { } v && items?.FirstOrDefault(i => i.Id == v) is { } item ? string.Join(" ", new[] { item.Code, item.Name }.Where(t => t.Length > 0)) : null;
}
