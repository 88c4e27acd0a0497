using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Urakata.Platform.Components;

namespace Urakata.Accounting.Components;

/// <summary>Base of the ledger's pages: the platform's page scope plus the module's own strings.</summary>
public abstract class AccountingComponent : UrakataComponent
{
    [Inject] protected IStringLocalizer<AccountingUi> A { get; set; } = default!;

    protected static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
