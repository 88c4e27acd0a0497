using System.Text.Json.Serialization;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Ledger;

[JsonConverter(typeof(JsonStringEnumConverter<FiscalYearStatus>))]
public enum FiscalYearStatus
{
    Open,
    Closed,
}

/// <summary>
/// 会計年度: twelve monthly periods from the month after the company's 決算月. Period 0 holds the opening balances
/// (期首残高). Periods up to <see cref="LockedThrough"/> accept no postings (月次締め); a closed year accepts none.
/// </summary>
public sealed class FiscalYear : CompanyEntity
{
    public const int OpeningPeriod = 0;

    private FiscalYear() { }

    public FiscalYear(Guid companyId, int year, int fiscalYearEndMonth)
    {
        CompanyId = companyId;
        Year = year;
        var startMonth = fiscalYearEndMonth % 12 + 1;
        StartDate = new DateOnly(year, startMonth, 1);
        EndDate = StartDate.AddYears(1).AddDays(-1);
    }

    /// <summary>Named by the calendar year it starts in (a March year-end company's FY2026 is 2026-04-01 – 2027-03-31).</summary>
    public int Year { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public FiscalYearStatus Status { get; private set; } = FiscalYearStatus.Open;
    /// <summary>The last locked period (1–12); 0 when nothing is locked.</summary>
    public int LockedThrough { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>The 期首残高 entry of the next year that this year's close produced (reversed when the year is reopened).</summary>
    public Guid? CarryForwardEntryId { get; private set; }

    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;

    /// <summary>1 for the first month of the year … 12 for the 決算月.</summary>
    public int PeriodOf(DateOnly date)
    {
        if (!Contains(date))
        {
            throw new DomainException(AccountingMessages.DateOutsideFiscalYear, "date");
        }
        return (date.Year - StartDate.Year) * 12 + date.Month - StartDate.Month + 1;
    }

    public DateOnly PeriodStart(int period) => StartDate.AddMonths(period - 1);

    public DateOnly PeriodEnd(int period) => StartDate.AddMonths(period).AddDays(-1);

    /// <summary>Refuses a posting into a closed year or a locked month; the opening period follows the year's status only.</summary>
    public void EnsureOpenFor(int period)
    {
        if (Status == FiscalYearStatus.Closed)
        {
            throw new DomainException(AccountingMessages.FiscalYearClosed, "date");
        }
        if (period != OpeningPeriod && period <= LockedThrough)
        {
            throw new DomainException(AccountingMessages.PeriodLocked, "date");
        }
    }

    public void LockThrough(int period)
    {
        if (period is < 0 or > 12)
        {
            throw new DomainException(AccountingMessages.PeriodInvalid, nameof(LockedThrough));
        }
        if (Status == FiscalYearStatus.Closed)
        {
            throw new DomainException(AccountingMessages.FiscalYearClosed, nameof(LockedThrough));
        }
        LockedThrough = period;
    }

    internal void Close(DateTime at, Guid? carryForwardEntryId)
    {
        if (Status == FiscalYearStatus.Closed)
        {
            throw new ConflictException(AccountingMessages.FiscalYearClosed);
        }
        Status = FiscalYearStatus.Closed;
        LockedThrough = 12;
        ClosedAt = at;
        CarryForwardEntryId = carryForwardEntryId;
    }

    internal void Reopen()
    {
        if (Status != FiscalYearStatus.Closed)
        {
            throw new ConflictException(AccountingMessages.FiscalYearNotClosed);
        }
        Status = FiscalYearStatus.Open;
        LockedThrough = 0;
        ClosedAt = null;
        CarryForwardEntryId = null;
    }
}
