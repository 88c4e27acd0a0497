using Urakata.Platform.Kernel;

namespace Urakata.Platform.Domain;

/// <summary>A company (法人) using Urakata; the unit of data isolation.</summary>
public sealed class Company : Entity
{
    private Company() { }

    public string Name { get; private set; } = "";
    public string? NameKana { get; private set; }
    /// <summary>法人番号 (13 digits, NTA check digit).</summary>
    public string? CorporateNumber { get; private set; }
    /// <summary>インボイス登録番号 (T + 13 digits).</summary>
    public string? InvoiceRegistrationNumber { get; private set; }
    /// <summary>決算月 (1–12): the month the fiscal year ends.</summary>
    public int FiscalYearEndMonth { get; private set; } = 3;
    public string? PostalCode { get; private set; }
    public string? Address { get; private set; }
    public string TimeZone { get; private set; } = "Asia/Tokyo";
    public bool IsActive { get; private set; } = true;

    public static Company Create(string name, int fiscalYearEndMonth, string? corporateNumber = null,
        string? invoiceRegistrationNumber = null, string? postalCode = null, string? address = null, string? nameKana = null)
    {
        var company = new Company();
        company.Update(name, nameKana, fiscalYearEndMonth, corporateNumber, invoiceRegistrationNumber, postalCode, address);
        return company;
    }

    public void Update(string name, string? nameKana, int fiscalYearEndMonth, string? corporateNumber,
        string? invoiceRegistrationNumber, string? postalCode, string? address)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            throw new DomainException(Messages.CompanyNameRequired, nameof(Name));
        }
        if (fiscalYearEndMonth is < 1 or > 12)
        {
            throw new DomainException(Messages.FiscalYearEndMonthRange, nameof(FiscalYearEndMonth));
        }
        var corp = Blank(corporateNumber);
        if (corp is not null)
        {
            corp = JapaneseText.Narrow(corp).Replace("-", "", StringComparison.Ordinal);
            if (!Kernel.CorporateNumber.IsValid(corp))
            {
                throw new DomainException(Messages.CorporateNumberInvalid, nameof(CorporateNumber));
            }
        }
        var invoice = Blank(invoiceRegistrationNumber);
        if (invoice is not null)
        {
            invoice = Kernel.InvoiceRegistrationNumber.Normalize(invoice);
            if (!Kernel.InvoiceRegistrationNumber.IsValid(invoice))
            {
                throw new DomainException(Messages.InvoiceNumberInvalid, nameof(InvoiceRegistrationNumber));
            }
        }
        Name = name;
        NameKana = Blank(nameKana);
        FiscalYearEndMonth = fiscalYearEndMonth;
        CorporateNumber = corp;
        InvoiceRegistrationNumber = invoice;
        PostalCode = Blank(postalCode);
        Address = Blank(address);
    }

    public void Deactivate() => IsActive = false;

    /// <summary>The fiscal year (named by the calendar year it starts in) that contains <paramref name="date"/>.</summary>
    public int FiscalYearOf(DateOnly date)
    {
        // A March year-end company's FY2026 runs 2026-04-01..2027-03-31.
        var startMonth = FiscalYearEndMonth % 12 + 1;
        return date.Month >= startMonth ? date.Year : date.Year - 1;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

}
