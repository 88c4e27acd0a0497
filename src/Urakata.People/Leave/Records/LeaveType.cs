using Urakata.Platform.Domain;

namespace Urakata.People.Leave.Records;

/// <summary>
/// 休暇の種類 (<c>hr_leave_types</c>): 年次有給休暇 (code <see cref="PaidCode"/>, backed by the <see cref="LeaveLedger"/>,
/// never deleted) and the company's own kinds — 特別休暇, 慶弔休暇, 介護休暇… — each paid or unpaid, and how a day of it
/// counts in the 8割 test of the next paid-leave grant (<see cref="AttendanceTreatment"/>). Made lazily per company with
/// <see cref="Defaults"/>; HR changes names, paid/unpaid, the 8割 treatment and whether it can still be requested.
/// </summary>
public sealed class LeaveType : CompanyEntity
{
    public const string PaidCode = "paid";

    private LeaveType() { }

    public LeaveType(string code, string name, string? nameEn, bool paid, AttendanceTreatment treatment, int sortOrder, bool isSystem = false)
    {
        Code = string.IsNullOrWhiteSpace(code) || code.Length > 40
            ? throw new DomainException(PeopleMessages.LeaveTypeCodeInvalid, "code")
            : code.Trim();
        IsSystem = isSystem;
        SortOrder = sortOrder;
        Update(name, nameEn, paid, active: true, treatment);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? NameEn { get; private set; }
    /// <summary>有給: the day is paid. Payroll deducts an unpaid day like an absence.</summary>
    public bool Paid { get; private set; }
    /// <summary>Can still be requested (a retired kind stays for the records that use it).</summary>
    public bool Active { get; private set; } = true;
    /// <summary>年次有給休暇 itself: cannot be deleted, made unpaid or retired.</summary>
    public bool IsSystem { get; private set; }
    public AttendanceTreatment Treatment { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Drawn from the 年次有給休暇 balance.</summary>
    public bool IsAnnualPaidLeave => Code == PaidCode;

    public string NameFor(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : Name;

    public void Update(string? name, string? nameEn, bool paid, bool active, AttendanceTreatment treatment)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 50)
        {
            throw new DomainException(PeopleMessages.LeaveTypeNameRequired, "name");
        }
        // 39条: 年次有給休暇 is paid, counts as attended (39条10項) and is always available.
        if (IsSystem && (!paid || !active || treatment != AttendanceTreatment.Attended))
        {
            throw new DomainException(PeopleMessages.LeaveTypeSystemFixed, "paid");
        }
        (Name, NameEn, Paid, Active, Treatment) = (name.Trim(), string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim(), paid, active, treatment);
    }

    /// <summary>
    /// The kinds a company starts with. 年次有給休暇 counts as attended (39条10項, reference §6.1); for the company's own
    /// kinds the reference names no rule, so they leave the 全労働日 (neither attended nor absent) — the reading that never
    /// costs an employee their grant; HR can change it per kind. 無給休暇 is an absence.
    /// </summary>
    public static IReadOnlyList<LeaveType> Defaults() =>
    [
        new(PaidCode, "年次有給休暇", "Annual paid leave", true, AttendanceTreatment.Attended, 0, isSystem: true),
        new("special", "特別休暇", "Special leave", true, AttendanceTreatment.Excluded, 10),
        new("bereavement", "慶弔休暇", "Congratulatory / bereavement leave", true, AttendanceTreatment.Excluded, 20),
        new("family_care", "介護休暇", "Family care leave (days)", false, AttendanceTreatment.Excluded, 30),
        new("child_care", "子の看護等休暇", "Sick / nursing child leave", false, AttendanceTreatment.Excluded, 40),
        new("unpaid", "無給休暇", "Unpaid leave", false, AttendanceTreatment.Absent, 50),
    ];
}
