using System.Text.Json.Serialization;
using Urakata.People.Leave.Records;

namespace Urakata.People.Leave.Register;

/// <summary>What a row of the 管理簿 records: a grant (基準日), leave taken (時季), or days that lapsed unused (時効).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegisterEntryKind>))]
public enum RegisterEntryKind
{
    Grant,
    Taken,
    Lapsed,
}

/// <summary>One line of the 年次有給休暇管理簿, in date order, with the balance after it.</summary>
public sealed record RegisterEntryDto(DateOnly Date, RegisterEntryKind Kind, decimal? GrantedDays, decimal? TakenDays, int? TakenHours, string? Remaining, string? Note);

/// <summary>年次有給休暇管理簿 of one employee: 基準日, 付与日数, each date taken (days or hours) and the balance after it.</summary>
public sealed record LeaveRegisterDto(Guid EmployeeId, string Number, string Name, DateOnly HireDate, IReadOnlyList<RegisterEntryDto> Entries);

/// <summary>
/// 年次有給休暇管理簿 (労基則24条の7): per employee, every 基準日 with the days granted, every date of paid leave taken with
/// its days or hours, and the balance. Built from the grants and takings, which Urakata never deletes, so the register
/// can be shown for any past period — the rule asks that it be kept for the period and 5 years after (当分の間 3 years,
/// 附則; reference §6.2 marks the figure GK-verify).
/// </summary>
public sealed class LeaveRegister(LeaveBook book)
{
    public async Task<LeaveRegisterDto> ForAsync(Guid employeeId, CancellationToken ct = default) =>
        Build(await book.LoadAsync(await book.ReachableAsync(employeeId, ct), ct), book.Today);

    internal static LeaveRegisterDto Build(EmployeeLeave leave, DateOnly today)
    {
        var ledger = leave.Ledger;
        var entries = new List<(DateOnly Date, int Order, RegisterEntryDto Entry)>();
        foreach (var g in leave.Grants)
        {
            var note = g.Days == 0
                ? PeopleMessages.Format(PeopleMessages.RegisterNoGrant, g.AttendedDays, g.TotalWorkDays)
                : PeopleMessages.Format(PeopleMessages.RegisterGrantNote, PeopleMessages.Date(g.ExpiresOn.AddDays(-1)));
            entries.Add((g.GrantDate, 0, new RegisterEntryDto(g.GrantDate, RegisterEntryKind.Grant, g.Days, null, null, null, note)));
            if (g.Days > 0 && g.ExpiresOn <= today)
            {
                entries.Add((g.ExpiresOn, 2, new RegisterEntryDto(g.ExpiresOn, RegisterEntryKind.Lapsed, null, null, null, null, null)));
            }
        }
        foreach (var t in leave.Takings.Where(t => leave.Types[t.LeaveTypeId].IsAnnualPaidLeave))
        {
            string?[] notes = [PeopleMessages.HalfOf(t.Half),
                t.Source switch { LeaveSource.Planned => PeopleMessages.LeaveSourcePlanned, LeaveSource.Designated => PeopleMessages.LeaveSourceDesignated, _ => null }];
            var note = string.Join(" ", notes.OfType<string>());
            entries.Add((t.Date, 1, new RegisterEntryDto(t.Date, RegisterEntryKind.Taken, null, t.Unit == LeaveUnit.Hours ? null : t.Days,
                t.Unit == LeaveUnit.Hours ? t.Hours : null, null, note.Length == 0 ? null : note)));
        }
        var rows = entries.OrderBy(e => e.Date).ThenBy(e => e.Order).Select(e =>
        {
            var balance = ledger.BalanceOn(e.Date);
            if (e.Entry.Kind == RegisterEntryKind.Lapsed)
            {
                // What lapsed that day: the grant's unused remainder.
                var lapsed = balance.Grants.FirstOrDefault(g => g.Grant.ExpiresOn == e.Date);
                if (lapsed is null || lapsed.Remaining.Minutes == 0)
                {
                    return null;
                }
                return e.Entry with { Note = PeopleMessages.Format(PeopleMessages.RegisterLapsed, lapsed.Remaining.Display()), Remaining = balance.Remaining.Display() };
            }
            return e.Entry with { Remaining = balance.Remaining.Display() };
        }).OfType<RegisterEntryDto>().ToList();
        return new LeaveRegisterDto(leave.Employee.Id, leave.Employee.Number, leave.Employee.Name, leave.Employee.HireDate, rows);
    }
}
