using Urakata.Platform.Domain;

namespace Urakata.People.Events;

/// <summary>
/// A line of the company's checklist for a kind of life event (<c>hr_checklist_items</c>): the task, the role that does it,
/// and when it is due — <see cref="OffsetDays"/> from the effective date (negative: before it), or, when
/// <see cref="DayOfNextMonth"/> is set, that day of the month after the effective date (雇用保険 資格取得届: 翌月10日).
/// The defaults (<see cref="Checklists"/>) carry the filing deadlines as commonly stated; they are data because a company
/// checks them against its own 社労士 and changes them.
/// </summary>
public sealed class ChecklistItem : CompanyEntity
{
    private ChecklistItem() { }

    public ChecklistItem(EmployeeEventKind kind, string title, Guid? roleId, int offsetDays, int? dayOfNextMonth, int sortOrder)
    {
        Kind = kind;
        Change(title, roleId, offsetDays, dayOfNextMonth, sortOrder);
    }

    public EmployeeEventKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public Guid? RoleId { get; private set; }
    public int OffsetDays { get; private set; }
    public int? DayOfNextMonth { get; private set; }
    public int SortOrder { get; private set; }

    public void Change(string title, Guid? roleId, int offsetDays, int? dayOfNextMonth, int sortOrder)
    {
        title = (title ?? "").Trim();
        if (title.Length is 0 or > 200)
        {
            throw new DomainException(PeopleMessages.ChecklistTitleRequired, "title");
        }

        if (offsetDays is < -365 or > 365)
        {
            throw new DomainException(PeopleMessages.ChecklistOffsetInvalid, "offsetDays");
        }

        if (dayOfNextMonth is < 1 or > 31)
        {
            throw new DomainException(PeopleMessages.ChecklistDayInvalid, "dayOfNextMonth");
        }

        Title = title;
        RoleId = roleId;
        OffsetDays = offsetDays;
        DayOfNextMonth = dayOfNextMonth;
        SortOrder = sortOrder;
    }

    /// <summary>The due date for an event effective on <paramref name="effectiveOn"/> (a 31st in a shorter month is its last day).</summary>
    public DateOnly DueFor(DateOnly effectiveOn)
    {
        if (DayOfNextMonth is { } day)
        {
            var next = new DateOnly(effectiveOn.Year, effectiveOn.Month, 1).AddMonths(1);
            return next.AddDays(Math.Min(day, DateTime.DaysInMonth(next.Year, next.Month)) - 1);
        }

        return effectiveOn.AddDays(OffsetDays);
    }
}
