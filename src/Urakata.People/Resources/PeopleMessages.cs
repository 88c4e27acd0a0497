using System.Globalization;
using System.Resources;

namespace Urakata.People;

/// <summary>Messages of the People module (<c>Resources/PeopleMessages.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public static class PeopleMessages
{
    private static readonly ResourceManager Resources = new("Urakata.People.PeopleMessages", typeof(PeopleMessages).Assembly);

    public static string AccountHolderCharacter => Get(nameof(AccountHolderCharacter));
    public static string AccountHolderRequired => Get(nameof(AccountHolderRequired));
    public static string AccountHolderTooLong => Get(nameof(AccountHolderTooLong));
    public static string AccountNumberInvalid => Get(nameof(AccountNumberInvalid));
    public static string AccountTypeInvalid => Get(nameof(AccountTypeInvalid));
    public static string AgreementFigureInvalid => Get(nameof(AgreementFigureInvalid));
    public static string AgreementFirstMonthInvalid => Get(nameof(AgreementFirstMonthInvalid));
    public static string AgreementMonthsInvalid => Get(nameof(AgreementMonthsInvalid));
    public static string AgreementPercentsInvalid => Get(nameof(AgreementPercentsInvalid));
    public static string AlreadyClockedIn => Get(nameof(AlreadyClockedIn));
    public static string AmountDays => Get(nameof(AmountDays));
    public static string AmountDaysHours => Get(nameof(AmountDaysHours));
    public static string AnnualWorkDaysInvalid => Get(nameof(AnnualWorkDaysInvalid));
    public static string AttendanceMonthClosed => Get(nameof(AttendanceMonthClosed));
    public static string BankCodeInvalid => Get(nameof(BankCodeInvalid));
    public static string BirthDateAfterHire => Get(nameof(BirthDateAfterHire));
    public static string BirthDateRequired => Get(nameof(BirthDateRequired));
    public static string BranchCodeInvalid => Get(nameof(BranchCodeInvalid));
    public static string BreakAlreadyStarted => Get(nameof(BreakAlreadyStarted));
    public static string BreakOutsideWork => Get(nameof(BreakOutsideWork));
    public static string ChecklistDayInvalid => Get(nameof(ChecklistDayInvalid));
    public static string ChecklistOffsetInvalid => Get(nameof(ChecklistOffsetInvalid));
    public static string ChecklistRoleUnknown => Get(nameof(ChecklistRoleUnknown));
    public static string ChecklistTitleRequired => Get(nameof(ChecklistTitleRequired));
    public static string ClockEndBeforeStart => Get(nameof(ClockEndBeforeStart));
    public static string ClockOverlap => Get(nameof(ClockOverlap));
    public static string CloseAlreadyClosed => Get(nameof(CloseAlreadyClosed));
    public static string CloseAlreadyReopened => Get(nameof(CloseAlreadyReopened));
    public static string CloseCompanyNeedsCompanyScope => Get(nameof(CloseCompanyNeedsCompanyScope));
    public static string CloseMissingClockOuts => Get(nameof(CloseMissingClockOuts));
    public static string CloseNoEmployees => Get(nameof(CloseNoEmployees));
    public static string ClosePendingCorrections => Get(nameof(ClosePendingCorrections));
    public static string CorrectionBreakIncomplete => Get(nameof(CorrectionBreakIncomplete));
    public static string CorrectionMonthClosed => Get(nameof(CorrectionMonthClosed));
    public static string CorrectionNoEmployee => Get(nameof(CorrectionNoEmployee));
    public static string CorrectionTimeInvalid => Get(nameof(CorrectionTimeInvalid));
    public static string CsvColumnAccountHolder => Get(nameof(CsvColumnAccountHolder));
    public static string CsvColumnAccountNumber => Get(nameof(CsvColumnAccountNumber));
    public static string CsvColumnAccountType => Get(nameof(CsvColumnAccountType));
    public static string CsvColumnAddress => Get(nameof(CsvColumnAddress));
    public static string CsvColumnAnnualDays => Get(nameof(CsvColumnAnnualDays));
    public static string CsvColumnBankCode => Get(nameof(CsvColumnBankCode));
    public static string CsvColumnBirthDate => Get(nameof(CsvColumnBirthDate));
    public static string CsvColumnBranchCode => Get(nameof(CsvColumnBranchCode));
    public static string CsvColumnDaysPerWeek => Get(nameof(CsvColumnDaysPerWeek));
    public static string CsvColumnDepartment => Get(nameof(CsvColumnDepartment));
    public static string CsvColumnEmail => Get(nameof(CsvColumnEmail));
    public static string CsvColumnEmergencyName => Get(nameof(CsvColumnEmergencyName));
    public static string CsvColumnEmergencyPhone => Get(nameof(CsvColumnEmergencyPhone));
    public static string CsvColumnEmergencyRelation => Get(nameof(CsvColumnEmergencyRelation));
    public static string CsvColumnEmploymentType => Get(nameof(CsvColumnEmploymentType));
    public static string CsvColumnHireDate => Get(nameof(CsvColumnHireDate));
    public static string CsvColumnHoursPerDay => Get(nameof(CsvColumnHoursPerDay));
    public static string CsvColumnKana => Get(nameof(CsvColumnKana));
    public static string CsvColumnName => Get(nameof(CsvColumnName));
    public static string CsvColumnNumber => Get(nameof(CsvColumnNumber));
    public static string CsvColumnPhone => Get(nameof(CsvColumnPhone));
    public static string CsvColumnPosition => Get(nameof(CsvColumnPosition));
    public static string CsvColumnPostalCode => Get(nameof(CsvColumnPostalCode));
    public static string CsvColumnUser => Get(nameof(CsvColumnUser));
    public static string DayAlreadyTaken => Get(nameof(DayAlreadyTaken));
    public static string DepartmentUnknown => Get(nameof(DepartmentUnknown));
    public static string DependantChangeEmpty => Get(nameof(DependantChangeEmpty));
    public static string DependantNameRequired => Get(nameof(DependantNameRequired));
    public static string DependantNotFound => Get(nameof(DependantNotFound));
    public static string DependantRelationInvalid => Get(nameof(DependantRelationInvalid));
    public static string DependantUnknown => Get(nameof(DependantUnknown));
    public static string EmailInvalid => Get(nameof(EmailInvalid));
    public static string EmployeeNameRequired => Get(nameof(EmployeeNameRequired));
    public static string EmployeeNumberRequired => Get(nameof(EmployeeNumberRequired));
    public static string EmployeeNumberTaken => Get(nameof(EmployeeNumberTaken));
    public static string EmployeeNumberUnknown => Get(nameof(EmployeeNumberUnknown));
    public static string EmploymentTypeInvalid => Get(nameof(EmploymentTypeInvalid));
    public static string EventAlreadyScheduled => Get(nameof(EventAlreadyScheduled));
    public static string EventBeforeHire => Get(nameof(EventBeforeHire));
    public static string EventDateRequired => Get(nameof(EventDateRequired));
    public static string EventDepartmentRequired => Get(nameof(EventDepartmentRequired));
    public static string EventEmployeeRetired => Get(nameof(EventEmployeeRetired));
    public static string EventKindInvalid => Get(nameof(EventKindInvalid));
    public static string EventNoLongerFits => Get(nameof(EventNoLongerFits));
    public static string EventNotAtWork => Get(nameof(EventNotAtWork));
    public static string EventNotOnLeave => Get(nameof(EventNotOnLeave));
    public static string EventNotScheduled => Get(nameof(EventNotScheduled));
    public static string EventNoteTooLong => Get(nameof(EventNoteTooLong));
    public static string EventPositionRequired => Get(nameof(EventPositionRequired));
    public static string EventPromotionSamePosition => Get(nameof(EventPromotionSamePosition));
    public static string EventTransferSameDepartment => Get(nameof(EventTransferSameDepartment));
    public static string FiveDayAlertBody => Get(nameof(FiveDayAlertBody));
    public static string FiveDayAlertTitle => Get(nameof(FiveDayAlertTitle));
    public static string FlexPeriodMonths => Get(nameof(FlexPeriodMonths));
    public static string FlexScheduledOverFrame => Get(nameof(FlexScheduledOverFrame));
    public static string GrantLaterThanStatutory => Get(nameof(GrantLaterThanStatutory));
    public static string HireDateRequired => Get(nameof(HireDateRequired));
    public static string HourlyLeaveCap => Get(nameof(HourlyLeaveCap));
    public static string HourlyLeaveDaysInvalid => Get(nameof(HourlyLeaveDaysInvalid));
    public static string HourlyLeaveNotAllowed => Get(nameof(HourlyLeaveNotAllowed));
    public static string ImportAccountTypeUnknown => Get(nameof(ImportAccountTypeUnknown));
    public static string ImportDateInvalid => Get(nameof(ImportDateInvalid));
    public static string ImportDepartmentUnknown => Get(nameof(ImportDepartmentUnknown));
    public static string ImportEmploymentTypeUnknown => Get(nameof(ImportEmploymentTypeUnknown));
    public static string ImportEmpty => Get(nameof(ImportEmpty));
    public static string ImportHeaderMissing => Get(nameof(ImportHeaderMissing));
    public static string ImportHoursInvalid => Get(nameof(ImportHoursInvalid));
    public static string ImportNothingImported => Get(nameof(ImportNothingImported));
    public static string ImportNumberDuplicate => Get(nameof(ImportNumberDuplicate));
    public static string ImportNumberInvalid => Get(nameof(ImportNumberInvalid));
    public static string ImportPositionUnknown => Get(nameof(ImportPositionUnknown));
    public static string ImportUserUnknown => Get(nameof(ImportUserUnknown));
    public static string ImportValueRequired => Get(nameof(ImportValueRequired));
    public static string InsufficientBalance => Get(nameof(InsufficientBalance));
    public static string KanaCharacter => Get(nameof(KanaCharacter));
    public static string KanaRequired => Get(nameof(KanaRequired));
    public static string LeaveAlreadyCancelled => Get(nameof(LeaveAlreadyCancelled));
    public static string LeaveBeyondBalance => Get(nameof(LeaveBeyondBalance));
    public static string LeaveCancelMonthClosed => Get(nameof(LeaveCancelMonthClosed));
    public static string LeaveCancelNothingLeft => Get(nameof(LeaveCancelNothingLeft));
    public static string LeaveCancelPast => Get(nameof(LeaveCancelPast));
    public static string LeaveCancelPending => Get(nameof(LeaveCancelPending));
    public static string LeaveCancelReasonRequired => Get(nameof(LeaveCancelReasonRequired));
    public static string LeaveCancelRequestUnknown => Get(nameof(LeaveCancelRequestUnknown));
    public static string LeaveCancelTitle => Get(nameof(LeaveCancelTitle));
    public static string LeaveCancelledByRequest => Get(nameof(LeaveCancelledByRequest));
    public static string LeaveDateRequired => Get(nameof(LeaveDateRequired));
    public static string LeaveGrantBeforeHire => Get(nameof(LeaveGrantBeforeHire));
    public static string LeaveGrantDaysInvalid => Get(nameof(LeaveGrantDaysInvalid));
    public static string LeaveGrantExists => Get(nameof(LeaveGrantExists));
    public static string LeaveGrantNoteTooLong => Get(nameof(LeaveGrantNoteTooLong));
    public static string LeaveGrantSourceInvalid => Get(nameof(LeaveGrantSourceInvalid));
    public static string LeaveHalfAfternoon => Get(nameof(LeaveHalfAfternoon));
    public static string LeaveHalfMorning => Get(nameof(LeaveHalfMorning));
    public static string LeaveHoursInvalid => Get(nameof(LeaveHoursInvalid));
    public static string LeaveHoursOnlyPaid => Get(nameof(LeaveHoursOnlyPaid));
    public static string LeaveHoursRange => Get(nameof(LeaveHoursRange));
    public static string LeaveOnRestDay => Get(nameof(LeaveOnRestDay));
    public static string LeaveOutsideEmployment => Get(nameof(LeaveOutsideEmployment));
    public static string LeaveOverlapsPending => Get(nameof(LeaveOverlapsPending));
    public static string LeavePartDayOneDate => Get(nameof(LeavePartDayOneDate));
    public static string LeavePlanAlreadyTaken => Get(nameof(LeavePlanAlreadyTaken));
    public static string LeavePlanBeyondBalance => Get(nameof(LeavePlanBeyondBalance));
    public static string LeavePlanMonthClosed => Get(nameof(LeavePlanMonthClosed));
    public static string LeavePlanNoDates => Get(nameof(LeavePlanNoDates));
    public static string LeavePlanNoEmployees => Get(nameof(LeavePlanNoEmployees));
    public static string LeavePlanOutsideEmployment => Get(nameof(LeavePlanOutsideEmployment));
    public static string LeavePlanPending => Get(nameof(LeavePlanPending));
    public static string LeavePlanRestDay => Get(nameof(LeavePlanRestDay));
    public static string LeavePlanSourceInvalid => Get(nameof(LeavePlanSourceInvalid));
    public static string LeaveRangeInvalid => Get(nameof(LeaveRangeInvalid));
    public static string LeaveSourceDesignated => Get(nameof(LeaveSourceDesignated));
    public static string LeaveSourcePlanned => Get(nameof(LeaveSourcePlanned));
    public static string LeaveTypeCodeInvalid => Get(nameof(LeaveTypeCodeInvalid));
    public static string LeaveTypeCodeTaken => Get(nameof(LeaveTypeCodeTaken));
    public static string LeaveTypeInUse => Get(nameof(LeaveTypeInUse));
    public static string LeaveTypeNameRequired => Get(nameof(LeaveTypeNameRequired));
    public static string LeaveTypeSystemFixed => Get(nameof(LeaveTypeSystemFixed));
    public static string LeaveTypeUnknown => Get(nameof(LeaveTypeUnknown));
    public static string LeaveUnitInvalid => Get(nameof(LeaveUnitInvalid));
    public static string MonthInvalid => Get(nameof(MonthInvalid));
    public static string MonthsCount => Get(nameof(MonthsCount));
    public static string MyNumberInvalid => Get(nameof(MyNumberInvalid));
    public static string MyNumberNotRegistered => Get(nameof(MyNumberNotRegistered));
    public static string MyNumberReasonRequired => Get(nameof(MyNumberReasonRequired));
    public static string NoBreakStarted => Get(nameof(NoBreakStarted));
    public static string NoEmployeeRecord => Get(nameof(NoEmployeeRecord));
    public static string NotClockedIn => Get(nameof(NotClockedIn));
    public static string OvertimeAlertBody => Get(nameof(OvertimeAlertBody));
    public static string OvertimeAlertTitle => Get(nameof(OvertimeAlertTitle));
    public static string OvertimeLimitAverage => Get(nameof(OvertimeLimitAverage));
    public static string OvertimeLimitMonthly => Get(nameof(OvertimeLimitMonthly));
    public static string OvertimeLimitMonthlyCeiling => Get(nameof(OvertimeLimitMonthlyCeiling));
    public static string OvertimeLimitMonthsOverMonthlyLimit => Get(nameof(OvertimeLimitMonthsOverMonthlyLimit));
    public static string OvertimeLimitSpecialMonthly => Get(nameof(OvertimeLimitSpecialMonthly));
    public static string OvertimeLimitSpecialYearly => Get(nameof(OvertimeLimitSpecialYearly));
    public static string OvertimeLimitYearly => Get(nameof(OvertimeLimitYearly));
    public static string PayAccountPermissionRequired => Get(nameof(PayAccountPermissionRequired));
    public static string PositionUnknown => Get(nameof(PositionUnknown));
    public static string PostalCodeInvalid => Get(nameof(PostalCodeInvalid));
    public static string RegisterGrantNote => Get(nameof(RegisterGrantNote));
    public static string RegisterLapsed => Get(nameof(RegisterLapsed));
    public static string RegisterNoGrant => Get(nameof(RegisterNoGrant));
    public static string ReopenReasonRequired => Get(nameof(ReopenReasonRequired));
    public static string ReopenReasonTooLong => Get(nameof(ReopenReasonTooLong));
    public static string RetirementBeforeHire => Get(nameof(RetirementBeforeHire));
    public static string RetirementDateRequired => Get(nameof(RetirementDateRequired));
    public static string SelfServiceNoEmployee => Get(nameof(SelfServiceNoEmployee));
    public static string StatusInvalid => Get(nameof(StatusInvalid));
    public static string TaskAlreadyDone => Get(nameof(TaskAlreadyDone));
    public static string UniformGrantDateInvalid => Get(nameof(UniformGrantDateInvalid));
    public static string UserAlreadyLinked => Get(nameof(UserAlreadyLinked));
    public static string UserUnknown => Get(nameof(UserUnknown));
    public static string VariablePeriodTooLong => Get(nameof(VariablePeriodTooLong));
    public static string VariableScheduleOverCap => Get(nameof(VariableScheduleOverCap));
    public static string WorkDayTooLong => Get(nameof(WorkDayTooLong));
    public static string WorkDaysPerWeekInvalid => Get(nameof(WorkDaysPerWeekInvalid));
    public static string WorkMinutesPerDayInvalid => Get(nameof(WorkMinutesPerDayInvalid));
    public static string WorkRuleInvalid => Get(nameof(WorkRuleInvalid));
    public static string WorkStartsOffDate => Get(nameof(WorkStartsOffDate));

    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);

    /// <summary>午前 / 午後 of a half day; null for none.</summary>
    public static string? HalfOf(Leave.DayHalf? half) => half switch
    {
        Leave.DayHalf.Morning => LeaveHalfMorning,
        Leave.DayHalf.Afternoon => LeaveHalfAfternoon,
        _ => null,
    };

    /// <summary>A date as messages show it (2026/04/01), whatever the reader's culture.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>A clock time as messages show it (2026/04/01 18:30).</summary>
    public static string Time(DateTime time) => time.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
