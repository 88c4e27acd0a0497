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
}
