using Urakata.Accounting.Journal;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Recurring;

/// <summary>
/// 定期仕訳: an entry posted every month on a given day (家賃, リース料, 顧問料…) from a start month until an optional end
/// month. The job posts each month once: the month is the entry's source key, so a second run finds it posted.
/// </summary>
public sealed class RecurringEntry : CompanyEntity
{
    private List<JournalLineInput> _lines = [];

    private RecurringEntry() { }

    public RecurringEntry(string name, int dayOfMonth, DateOnly startMonth, DateOnly? endMonth, string? description, IReadOnlyList<JournalLineInput> lines) =>
        Update(name, dayOfMonth, startMonth, endMonth, description, lines, true);

    public string Name { get; private set; } = "";
    /// <summary>1–31; a day the month does not have means its last day (31 → 30 June, 28 or 29 February).</summary>
    public int DayOfMonth { get; private set; }
    public DateOnly StartMonth { get; private set; }
    public DateOnly? EndMonth { get; private set; }
    public string Description { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    /// <summary>Why the last attempt could not post (a locked month, a retired account), until a later run succeeds.</summary>
    public string? LastError { get; private set; }
    public IReadOnlyList<JournalLineInput> Lines => _lines;

    public void Update(string name, int dayOfMonth, DateOnly startMonth, DateOnly? endMonth, string? description, IReadOnlyList<JournalLineInput> lines, bool isActive)
    {
        var errors = new Dictionary<string, string[]>();
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100)
        {
            errors[nameof(Name)] = [AccountingMessages.RecurringNameRequired];
        }
        if (dayOfMonth is < 1 or > 31)
        {
            errors[nameof(DayOfMonth)] = [AccountingMessages.RecurringDayInvalid];
        }
        var start = new DateOnly(startMonth.Year, startMonth.Month, 1);
        DateOnly? end = endMonth is { } e ? new DateOnly(e.Year, e.Month, 1) : null;
        if (end < start)
        {
            errors[nameof(EndMonth)] = [AccountingMessages.DateRangeOrder];
        }
        if (lines.Count < 2)
        {
            errors["lines"] = [AccountingMessages.EntryNeedsTwoLines];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        Name = name;
        DayOfMonth = dayOfMonth;
        StartMonth = start;
        EndMonth = end;
        Description = (description ?? "").Trim();
        _lines = [.. lines];
        IsActive = isActive;
    }

    /// <summary>The posting date in <paramref name="month"/>.</summary>
    public DateOnly DateIn(DateOnly month) => new(month.Year, month.Month, Math.Min(DayOfMonth, DateTime.DaysInMonth(month.Year, month.Month)));

    /// <summary>Every month whose posting date has come by <paramref name="today"/>, from the start to the end month.</summary>
    public IEnumerable<DateOnly> MonthsDue(DateOnly today)
    {
        for (var month = StartMonth; (EndMonth is null || month <= EndMonth) && DateIn(month) <= today; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    public string SourceKey(DateOnly month) => $"{Id:N}/{month:yyyy-MM}";

    internal void Failed(string? error) => LastError = error;
}
