using System.Text.Json.Serialization;

namespace Urakata.People.Leave;

/// <summary>不就労の事由: why a scheduled work day (所定労働日) was not worked.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NonWorkReason>))]
public enum NonWorkReason
{
    /// <summary>年次有給休暇 taken.</summary>
    PaidLeave,
    /// <summary>業務上の負傷・疾病による休業 (work injury or illness).</summary>
    WorkInjury,
    /// <summary>産前産後休業.</summary>
    MaternityLeave,
    /// <summary>育児休業.</summary>
    ChildcareLeave,
    /// <summary>介護休業.</summary>
    FamilyCareLeave,
    /// <summary>使用者の責に帰すべき休業 (the employer caused the day off).</summary>
    EmployerCaused,
    /// <summary>正当な争議行為 (a lawful strike).</summary>
    Strike,
    /// <summary>Anything else (欠勤, 私傷病…): an absence.</summary>
    Other,
}

/// <summary>How the 8割 test treats a day: as attended, as not a 全労働日 at all, or as an absence.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttendanceTreatment>))]
public enum AttendanceTreatment
{
    Attended,
    Excluded,
    Absent,
}

/// <summary>
/// The period before a grant (first grant: the first 6 months; later grants: the preceding year), in days.
/// <paramref name="ScheduledWorkDays"/> are the 所定労働日 of the period; <paramref name="DaysWorked"/> the ones worked —
/// work on a rest day is in neither (reference §6.1: rest-day work is not a 全労働日). Every scheduled day not worked
/// and not in <see cref="NonWorkDays"/> is an absence.
/// </summary>
public sealed record AttendanceRateInput(int ScheduledWorkDays, int DaysWorked)
{
    public IReadOnlyDictionary<NonWorkReason, int> NonWorkDays { get; init; } = new Dictionary<NonWorkReason, int>();

    /// <summary>
    /// 斉一的取扱い: the scheduled days of the part of the period cut off by granting early, counted as worked and as
    /// 全労働日 (通達 平6.1.4 基発1号, reference §6.3). <see cref="GrantSchedule"/> says which dates those are.
    /// </summary>
    public int DeemedAttendedDays { get; init; }
}

/// <summary>出勤率: attended days over 全労働日.</summary>
public sealed record AttendanceRate(int AttendedDays, int TotalWorkDays)
{
    /// <summary>
    /// 労基法39条1項: at least 80%, exactly 80% included (compared in whole numbers: attended × 10 ≥ total × 8). A period
    /// with no 全労働日 at all (every day excluded) has nothing to fall short of — our reading; the reference is silent.
    /// </summary>
    public bool MeetsEightyPercent => TotalWorkDays == 0 || AttendedDays * 10 >= TotalWorkDays * 8;

    public decimal Ratio => TotalWorkDays == 0 ? 1m : (decimal)AttendedDays / TotalWorkDays;
}

/// <summary>The 8割 attendance test of 労基法39条 (reference §6.1).</summary>
public static class AttendanceRateRule
{
    /// <summary>
    /// Reference §6.1 [Official/GK-verify], kept as data so a correction is a table change: work injury, 産前産後,
    /// 育児・介護休業 (39条10項) and leave taken count as attended; employer-caused days off and lawful strikes are not
    /// 全労働日; anything else is an absence.
    /// </summary>
    public static readonly IReadOnlyDictionary<NonWorkReason, AttendanceTreatment> StatutoryTreatment =
        new Dictionary<NonWorkReason, AttendanceTreatment>
        {
            [NonWorkReason.PaidLeave] = AttendanceTreatment.Attended,
            [NonWorkReason.WorkInjury] = AttendanceTreatment.Attended,
            [NonWorkReason.MaternityLeave] = AttendanceTreatment.Attended,
            [NonWorkReason.ChildcareLeave] = AttendanceTreatment.Attended,
            [NonWorkReason.FamilyCareLeave] = AttendanceTreatment.Attended,
            [NonWorkReason.EmployerCaused] = AttendanceTreatment.Excluded,
            [NonWorkReason.Strike] = AttendanceTreatment.Excluded,
            [NonWorkReason.Other] = AttendanceTreatment.Absent,
        };

    public static AttendanceRate Compute(AttendanceRateInput input, IReadOnlyDictionary<NonWorkReason, AttendanceTreatment>? treatment = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        treatment ??= StatutoryTreatment;
        ArgumentOutOfRangeException.ThrowIfNegative(input.DaysWorked);
        ArgumentOutOfRangeException.ThrowIfNegative(input.DeemedAttendedDays);

        int attended = input.DaysWorked, excluded = 0, accounted = input.DaysWorked;
        foreach (var (reason, days) in input.NonWorkDays)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(days);
            accounted += days;
            switch (treatment.TryGetValue(reason, out var how) ? how : AttendanceTreatment.Absent)
            {
                case AttendanceTreatment.Attended:
                    attended += days;
                    break;
                case AttendanceTreatment.Excluded:
                    excluded += days;
                    break;
                case AttendanceTreatment.Absent:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(treatment), how, "Unknown attendance treatment.");
            }
        }

        if (accounted > input.ScheduledWorkDays)
        {
            throw new ArgumentException(
                $"{accounted} days worked or absent for a reason, but only {input.ScheduledWorkDays} scheduled work days.", nameof(input));
        }

        return new AttendanceRate(
            attended + input.DeemedAttendedDays,
            input.ScheduledWorkDays - excluded + input.DeemedAttendedDays);
    }
}
