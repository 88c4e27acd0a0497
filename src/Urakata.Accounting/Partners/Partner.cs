using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Partners;

/// <summary>
/// 取引先: a customer or supplier. Its インボイス registration window decides whether a purchase on a given date
/// earns the full tax credit or the transitional one (reference §1.2, §1.5).
/// </summary>
public sealed class Partner : CompanyEntity
{
    private Partner() { }

    public Partner(string code, string name, string? kana = null) => Update(new(code, name, kana, false, null, null, null, null));

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Kana { get; private set; }
    /// <summary>Folded name and reading for search (全角/半角, small kana): <see cref="JapaneseText.SearchKey"/>.</summary>
    public string SearchKey { get; private set; } = "";
    /// <summary>個人事業者: no 法人番号, and its T-number is newly assigned by the NTA.</summary>
    public bool IsIndividual { get; private set; }
    /// <summary>法人番号 (13 digits with the NTA check digit).</summary>
    public string? CorporateNumber { get; private set; }
    /// <summary>適格請求書発行事業者の登録番号 (T + 13 digits).</summary>
    public string? InvoiceRegistrationNumber { get; private set; }
    public DateOnly? RegisteredFrom { get; private set; }
    /// <summary>The last day the registration was valid (登録の取消・失効), if it ended.</summary>
    public DateOnly? RegisteredUntil { get; private set; }
    public bool IsActive { get; private set; } = true;

    public sealed record Details(string Code, string Name, string? Kana, bool IsIndividual, string? CorporateNumber,
        string? InvoiceRegistrationNumber, DateOnly? RegisteredFrom, DateOnly? RegisteredUntil);

    public void Update(Details d)
    {
        var errors = new Dictionary<string, string[]>();
        var code = JapaneseText.Narrow(d.Code ?? "");
        var name = (d.Name ?? "").Trim();
        if (code.Length is 0 or > 20)
        {
            errors[nameof(Code)] = [AccountingMessages.PartnerCodeRequired];
        }
        if (name.Length is 0 or > 100)
        {
            errors[nameof(Name)] = [AccountingMessages.PartnerNameRequired];
        }
        var corporate = Blank(d.CorporateNumber) is { } c ? JapaneseText.Narrow(c).Replace("-", "", StringComparison.Ordinal) : null;
        if (corporate is not null && (d.IsIndividual || !Platform.Kernel.CorporateNumber.IsValid(corporate)))
        {
            errors[nameof(CorporateNumber)] = [AccountingMessages.CorporateNumberInvalid];
        }
        var invoice = Platform.Kernel.InvoiceRegistrationNumber.Normalize(Blank(d.InvoiceRegistrationNumber))?.Replace("-", "", StringComparison.Ordinal);
        if (invoice is not null)
        {
            if (!Platform.Kernel.InvoiceRegistrationNumber.IsValid(invoice))
            {
                errors[nameof(InvoiceRegistrationNumber)] = [AccountingMessages.InvoiceNumberInvalid];
            }
            // A corporation's T-number is "T" + its 法人番号, so the NTA check digit applies (§1.3). Whether an
            // individual's newly assigned number follows the same rule is unconfirmed (§9): format only for them.
            else if (!d.IsIndividual && !Platform.Kernel.CorporateNumber.IsValid(invoice[1..]))
            {
                errors[nameof(InvoiceRegistrationNumber)] = [AccountingMessages.InvoiceNumberCheckDigit];
            }
            else if (!d.IsIndividual && corporate is not null && invoice[1..] != corporate)
            {
                errors[nameof(InvoiceRegistrationNumber)] = [AccountingMessages.InvoiceNumberNotCorporate];
            }
            if (d.RegisteredFrom is null)
            {
                errors[nameof(RegisteredFrom)] = [AccountingMessages.RegisteredFromRequired];
            }
        }
        if (d.RegisteredFrom is { } from && d.RegisteredUntil is { } until && until < from)
        {
            errors[nameof(RegisteredUntil)] = [AccountingMessages.DateRangeOrder];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        Code = code;
        Name = name;
        Kana = Blank(d.Kana);
        SearchKey = JapaneseText.SearchKey((Kana ?? "") + Name);
        IsIndividual = d.IsIndividual;
        CorporateNumber = corporate;
        InvoiceRegistrationNumber = invoice;
        RegisteredFrom = invoice is null ? null : d.RegisteredFrom;
        RegisteredUntil = invoice is null ? null : d.RegisteredUntil;
    }

    /// <summary>Was the partner a registered invoice issuer (適格請求書発行事業者) on <paramref name="date"/>?</summary>
    public bool IsRegisteredIssuerOn(DateOnly date) =>
        InvoiceRegistrationNumber is not null && RegisteredFrom <= date && (RegisteredUntil is null || date <= RegisteredUntil);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
