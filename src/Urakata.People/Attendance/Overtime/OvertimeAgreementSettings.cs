using Urakata.Platform.Domain;

namespace Urakata.People.Attendance;

/// <summary>
/// The company's 36協定 as forms and the API read and write it (minutes; months 1–12); the alert levels in percent of each
/// limit (注意 / 警告; 100 % is always 到達), left out by older clients: 70 / 90.
/// </summary>
public sealed record OvertimeAgreementInput(int MonthlyLimitMinutes, int YearlyLimitMinutes, bool HasSpecialClause, int SpecialYearlyLimitMinutes,
    int? SpecialMonthlyLimitMinutes, int MonthsOverMonthlyLimitPerYear, int FirstMonth, int CautionPercent = 70, int WarningPercent = 90);

/// <summary>
/// The company's 36協定 (<c>hr_overtime_agreements</c>, one row, made on first use with the legal maximums): 限度時間 a
/// month and a year, the 特別条項 with its yearly figure, its own monthly figure and the months a year it may be used,
/// and the 協定's first month. The figures a 協定 cannot change (under 100 h a month, 80 h averages: 36条6項) are not
/// stored. <see cref="ToAgreement"/> hands them to <see cref="OvertimeAgreementChecker"/>.
/// </summary>
public sealed class OvertimeAgreementSettings : CompanyEntity
{
    public int MonthlyLimitMinutes { get; private set; } = OvertimeAgreement.Standard.MonthlyLimitMinutes;
    public int YearlyLimitMinutes { get; private set; } = OvertimeAgreement.Standard.YearlyLimitMinutes;
    public bool HasSpecialClause { get; private set; }
    public int SpecialYearlyLimitMinutes { get; private set; } = OvertimeAgreement.Standard.SpecialYearlyLimitMinutes;
    public int? SpecialMonthlyLimitMinutes { get; private set; }
    public int MonthsOverMonthlyLimitPerYear { get; private set; } = OvertimeAgreement.Standard.MonthsOverMonthlyLimitPerYear;
    public int FirstMonth { get; private set; } = OvertimeAgreement.Standard.FirstMonth;
    /// <summary>The company's choice, not law: when the employee and 所属長 are told (the 70 / 90 / 100 %).</summary>
    public int CautionPercent { get; private set; } = OvertimeAgreement.Standard.CautionPercent;
    public int WarningPercent { get; private set; } = OvertimeAgreement.Standard.WarningPercent;

    public OvertimeAgreement ToAgreement() => OvertimeAgreement.Standard with
    {
        MonthlyLimitMinutes = MonthlyLimitMinutes,
        YearlyLimitMinutes = YearlyLimitMinutes,
        HasSpecialClause = HasSpecialClause,
        SpecialYearlyLimitMinutes = SpecialYearlyLimitMinutes,
        SpecialMonthlyLimitMinutes = SpecialMonthlyLimitMinutes,
        MonthsOverMonthlyLimitPerYear = MonthsOverMonthlyLimitPerYear,
        FirstMonth = FirstMonth,
        CautionPercent = CautionPercent,
        WarningPercent = WarningPercent,
    };

    public OvertimeAgreementInput ToInput() => new(MonthlyLimitMinutes, YearlyLimitMinutes, HasSpecialClause, SpecialYearlyLimitMinutes,
        SpecialMonthlyLimitMinutes, MonthsOverMonthlyLimitPerYear, FirstMonth, CautionPercent, WarningPercent);

    /// <summary>
    /// Sets the 協定's figures; each within what 36条 allows (reference §5.3): 限度時間 up to 45 h / 360 h, the special year up
    /// to 720 h, a special month under 100 h, at most 6 months. Every problem at once, by field.
    /// </summary>
    public void Set(OvertimeAgreementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var legal = OvertimeAgreement.Standard;
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, int maxHours)
        {
            if (!ok)
            {
                errors[field] = [PeopleMessages.Format(PeopleMessages.AgreementFigureInvalid, maxHours)];
            }
        }

        Check(input.MonthlyLimitMinutes is > 0 && input.MonthlyLimitMinutes <= legal.MonthlyLimitMinutes, "monthlyLimitMinutes", legal.MonthlyLimitMinutes / 60);
        Check(input.YearlyLimitMinutes is > 0 && input.YearlyLimitMinutes <= legal.YearlyLimitMinutes, "yearlyLimitMinutes", legal.YearlyLimitMinutes / 60);
        Check(input.SpecialYearlyLimitMinutes >= input.YearlyLimitMinutes && input.SpecialYearlyLimitMinutes <= legal.SpecialYearlyLimitMinutes,
            "specialYearlyLimitMinutes", legal.SpecialYearlyLimitMinutes / 60);
        Check(input.SpecialMonthlyLimitMinutes is null || (input.SpecialMonthlyLimitMinutes > input.MonthlyLimitMinutes && input.SpecialMonthlyLimitMinutes < legal.MonthlyCeilingMinutes),
            "specialMonthlyLimitMinutes", legal.MonthlyCeilingMinutes / 60);
        if (input.MonthsOverMonthlyLimitPerYear is < 0 or > 6)
        {
            errors["monthsOverMonthlyLimitPerYear"] = [PeopleMessages.AgreementMonthsInvalid];
        }

        if (input.FirstMonth is < 1 or > 12)
        {
            errors["firstMonth"] = [PeopleMessages.AgreementFirstMonthInvalid];
        }

        if (input.CautionPercent is < 1 or > 99 || input.WarningPercent is < 1 or > 99 || input.CautionPercent >= input.WarningPercent)
        {
            errors["cautionPercent"] = [PeopleMessages.AgreementPercentsInvalid];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        (CautionPercent, WarningPercent) = (input.CautionPercent, input.WarningPercent);
        (MonthlyLimitMinutes, YearlyLimitMinutes, HasSpecialClause, SpecialYearlyLimitMinutes, SpecialMonthlyLimitMinutes, MonthsOverMonthlyLimitPerYear, FirstMonth) =
            (input.MonthlyLimitMinutes, input.YearlyLimitMinutes, input.HasSpecialClause, input.SpecialYearlyLimitMinutes, input.SpecialMonthlyLimitMinutes,
                input.MonthsOverMonthlyLimitPerYear, input.FirstMonth);
    }
}

/// <summary>
/// A 36協定 alert already sent (<c>hr_overtime_alerts</c>): one per employee, month, limit and level, so a level reached
/// again by a later clock-out or correction is not announced twice.
/// </summary>
public sealed class OvertimeAlert : CompanyEntity
{
    private OvertimeAlert() { }

    internal OvertimeAlert(Guid employeeId, DateOnly month, OvertimeLimit limit, AlertLevel level, DateTime sentAtUtc) =>
        (EmployeeId, Month, Limit, Level, SentAt) = (employeeId, month, limit, level, sentAtUtc);

    public Guid EmployeeId { get; private set; }
    public DateOnly Month { get; private set; }
    public OvertimeLimit Limit { get; private set; }
    public AlertLevel Level { get; private set; }
    public DateTime SentAt { get; private set; }
}
