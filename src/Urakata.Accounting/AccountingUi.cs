namespace Urakata.Accounting;

/// <summary>Anchor type of the ledger's UI strings (<c>Resources/AccountingUi.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public sealed class AccountingUi;
