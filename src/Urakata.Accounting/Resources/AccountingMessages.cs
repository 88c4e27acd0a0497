using System.Globalization;
using System.Resources;

namespace Urakata.Accounting;

/// <summary>Messages of the ledger (<c>Resources/AccountingMessages.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public static class AccountingMessages
{
    private static readonly ResourceManager Resources = new("Urakata.Accounting.AccountingMessages", typeof(AccountingMessages).Assembly);

    public static string AccountCodeInvalid => Get(nameof(AccountCodeInvalid));
    public static string AccountInactive => Get(nameof(AccountInactive));
    public static string AccountNameRequired => Get(nameof(AccountNameRequired));
    public static string AccountRoleGroupFixed => Get(nameof(AccountRoleGroupFixed));
    public static string AccountRoleRequired => Get(nameof(AccountRoleRequired));
    public static string AccountUnknownFormat => Get(nameof(AccountUnknownFormat));
    public static string AlreadyReversed => Get(nameof(AlreadyReversed));
    public static string AmountMustBePositive => Get(nameof(AmountMustBePositive));
    public static string BroughtForward => Get(nameof(BroughtForward));
    public static string BsAssets => Get(nameof(BsAssets));
    public static string BsAssetsTotal => Get(nameof(BsAssetsTotal));
    public static string BsCapitalSurplus => Get(nameof(BsCapitalSurplus));
    public static string BsCapitalSurplusTotal => Get(nameof(BsCapitalSurplusTotal));
    public static string BsCurrentAssets => Get(nameof(BsCurrentAssets));
    public static string BsCurrentAssetsTotal => Get(nameof(BsCurrentAssetsTotal));
    public static string BsCurrentLiabilities => Get(nameof(BsCurrentLiabilities));
    public static string BsCurrentLiabilitiesTotal => Get(nameof(BsCurrentLiabilitiesTotal));
    public static string BsDeferredAssets => Get(nameof(BsDeferredAssets));
    public static string BsDeferredAssetsTotal => Get(nameof(BsDeferredAssetsTotal));
    public static string BsFixedAssets => Get(nameof(BsFixedAssets));
    public static string BsFixedAssetsTotal => Get(nameof(BsFixedAssetsTotal));
    public static string BsIntangible => Get(nameof(BsIntangible));
    public static string BsIntangibleTotal => Get(nameof(BsIntangibleTotal));
    public static string BsInvestments => Get(nameof(BsInvestments));
    public static string BsInvestmentsTotal => Get(nameof(BsInvestmentsTotal));
    public static string BsLiabilities => Get(nameof(BsLiabilities));
    public static string BsLiabilitiesAndNetAssetsTotal => Get(nameof(BsLiabilitiesAndNetAssetsTotal));
    public static string BsLiabilitiesTotal => Get(nameof(BsLiabilitiesTotal));
    public static string BsNetAssets => Get(nameof(BsNetAssets));
    public static string BsNetAssetsTotal => Get(nameof(BsNetAssetsTotal));
    public static string BsNonCurrentLiabilities => Get(nameof(BsNonCurrentLiabilities));
    public static string BsNonCurrentLiabilitiesTotal => Get(nameof(BsNonCurrentLiabilitiesTotal));
    public static string BsRetainedEarnings => Get(nameof(BsRetainedEarnings));
    public static string BsRetainedEarningsBroughtForward => Get(nameof(BsRetainedEarningsBroughtForward));
    public static string BsRetainedEarningsTotal => Get(nameof(BsRetainedEarningsTotal));
    public static string BsShareholdersEquity => Get(nameof(BsShareholdersEquity));
    public static string BsShareholdersEquityTotal => Get(nameof(BsShareholdersEquityTotal));
    public static string BsTangible => Get(nameof(BsTangible));
    public static string BsTangibleTotal => Get(nameof(BsTangibleTotal));
    public static string BsValuation => Get(nameof(BsValuation));
    public static string BsValuationTotal => Get(nameof(BsValuationTotal));
    public static string CannotReverseReversal => Get(nameof(CannotReverseReversal));
    public static string CarryForwardDescriptionFormat => Get(nameof(CarryForwardDescriptionFormat));
    public static string CloseEarlierYearFirst => Get(nameof(CloseEarlierYearFirst));
    public static string CodeTaken => Get(nameof(CodeTaken));
    public static string CorporateNumberInvalid => Get(nameof(CorporateNumberInvalid));
    public static string CsvColumnAccountCode => Get(nameof(CsvColumnAccountCode));
    public static string CsvColumnAmount => Get(nameof(CsvColumnAmount));
    public static string CsvColumnDate => Get(nameof(CsvColumnDate));
    public static string CsvColumnDepartmentCode => Get(nameof(CsvColumnDepartmentCode));
    public static string CsvColumnEntryKey => Get(nameof(CsvColumnEntryKey));
    public static string CsvColumnPartnerCode => Get(nameof(CsvColumnPartnerCode));
    public static string CsvColumnSide => Get(nameof(CsvColumnSide));
    public static string CsvColumnSubAccountCode => Get(nameof(CsvColumnSubAccountCode));
    public static string CsvColumnTaxAmount => Get(nameof(CsvColumnTaxAmount));
    public static string CsvColumnTaxCode => Get(nameof(CsvColumnTaxCode));
    public static string DateOutsideFiscalYear => Get(nameof(DateOutsideFiscalYear));
    public static string DateRangeOrder => Get(nameof(DateRangeOrder));
    public static string DepartmentUnknownFormat => Get(nameof(DepartmentUnknownFormat));
    public static string DescriptionTooLong => Get(nameof(DescriptionTooLong));
    public static string EntryNeedsTwoLines => Get(nameof(EntryNeedsTwoLines));
    public static string EntryUnbalancedFormat => Get(nameof(EntryUnbalancedFormat));
    public static string FiscalYearClosed => Get(nameof(FiscalYearClosed));
    public static string FiscalYearNotClosed => Get(nameof(FiscalYearNotClosed));
    public static string ImportAccountRequired => Get(nameof(ImportAccountRequired));
    public static string ImportAmountInvalidFormat => Get(nameof(ImportAmountInvalidFormat));
    public static string ImportColumnAccount => Get(nameof(ImportColumnAccount));
    public static string ImportColumnAmount => Get(nameof(ImportColumnAmount));
    public static string ImportColumnCountFormat => Get(nameof(ImportColumnCountFormat));
    public static string ImportColumnDate => Get(nameof(ImportColumnDate));
    public static string ImportColumnDepartment => Get(nameof(ImportColumnDepartment));
    public static string ImportColumnDescription => Get(nameof(ImportColumnDescription));
    public static string ImportColumnEntry => Get(nameof(ImportColumnEntry));
    public static string ImportColumnPartner => Get(nameof(ImportColumnPartner));
    public static string ImportColumnRow => Get(nameof(ImportColumnRow));
    public static string ImportColumnTax => Get(nameof(ImportColumnTax));
    public static string ImportDateDiffers => Get(nameof(ImportDateDiffers));
    public static string ImportDateInvalidFormat => Get(nameof(ImportDateInvalidFormat));
    public static string ImportHeaderMissingFormat => Get(nameof(ImportHeaderMissingFormat));
    public static string ImportNothingImported => Get(nameof(ImportNothingImported));
    public static string ImportRowWithoutAmount => Get(nameof(ImportRowWithoutAmount));
    public static string ImportSideInvalidFormat => Get(nameof(ImportSideInvalidFormat));
    public static string ImportTaxCodeUnknownFormat => Get(nameof(ImportTaxCodeUnknownFormat));
    public static string ImportTaxWithoutTaxCode => Get(nameof(ImportTaxWithoutTaxCode));
    public static string ImportValueRequired => Get(nameof(ImportValueRequired));
    public static string ImportVoucherNotEnded => Get(nameof(ImportVoucherNotEnded));
    public static string ImportVoucherNotStarted => Get(nameof(ImportVoucherNotStarted));
    public static string ImportYayoiFlagUnknownFormat => Get(nameof(ImportYayoiFlagUnknownFormat));
    public static string ImportYayoiTaxUnknownFormat => Get(nameof(ImportYayoiTaxUnknownFormat));
    public static string InvoiceNumberCheckDigit => Get(nameof(InvoiceNumberCheckDigit));
    public static string InvoiceNumberInvalid => Get(nameof(InvoiceNumberInvalid));
    public static string InvoiceNumberNotCorporate => Get(nameof(InvoiceNumberNotCorporate));
    public static string Miscellaneous => Get(nameof(Miscellaneous));
    public static string NoDepartment => Get(nameof(NoDepartment));
    public static string OpeningBalances => Get(nameof(OpeningBalances));
    public static string OpeningDateMustBeStart => Get(nameof(OpeningDateMustBeStart));
    public static string PartnerCodeRequired => Get(nameof(PartnerCodeRequired));
    public static string PartnerNameRequired => Get(nameof(PartnerNameRequired));
    public static string PartnerUnknownFormat => Get(nameof(PartnerUnknownFormat));
    public static string PeriodInvalid => Get(nameof(PeriodInvalid));
    public static string PeriodLocked => Get(nameof(PeriodLocked));
    public static string PlCostOfSales => Get(nameof(PlCostOfSales));
    public static string PlCostOfSalesTotal => Get(nameof(PlCostOfSalesTotal));
    public static string PlExtraordinaryIncome => Get(nameof(PlExtraordinaryIncome));
    public static string PlExtraordinaryIncomeTotal => Get(nameof(PlExtraordinaryIncomeTotal));
    public static string PlExtraordinaryLosses => Get(nameof(PlExtraordinaryLosses));
    public static string PlExtraordinaryLossesTotal => Get(nameof(PlExtraordinaryLossesTotal));
    public static string PlGrossProfit => Get(nameof(PlGrossProfit));
    public static string PlIncomeTaxes => Get(nameof(PlIncomeTaxes));
    public static string PlNetIncome => Get(nameof(PlNetIncome));
    public static string PlNonOperatingExpenses => Get(nameof(PlNonOperatingExpenses));
    public static string PlNonOperatingExpensesTotal => Get(nameof(PlNonOperatingExpensesTotal));
    public static string PlNonOperatingIncome => Get(nameof(PlNonOperatingIncome));
    public static string PlNonOperatingIncomeTotal => Get(nameof(PlNonOperatingIncomeTotal));
    public static string PlOperatingProfit => Get(nameof(PlOperatingProfit));
    public static string PlOrdinaryProfit => Get(nameof(PlOrdinaryProfit));
    public static string PlProfitBeforeTax => Get(nameof(PlProfitBeforeTax));
    public static string PlSales => Get(nameof(PlSales));
    public static string PlSalesTotal => Get(nameof(PlSalesTotal));
    public static string PlSga => Get(nameof(PlSga));
    public static string PlSgaTotal => Get(nameof(PlSgaTotal));
    public static string ReasonRequired => Get(nameof(ReasonRequired));
    public static string RecurringDayInvalid => Get(nameof(RecurringDayInvalid));
    public static string RecurringNameRequired => Get(nameof(RecurringNameRequired));
    public static string RegisteredFromRequired => Get(nameof(RegisteredFromRequired));
    public static string ReopenDescriptionFormat => Get(nameof(ReopenDescriptionFormat));
    public static string ReopenLaterYearFirst => Get(nameof(ReopenLaterYearFirst));
    public static string ResultCarriedForwardFormat => Get(nameof(ResultCarriedForwardFormat));
    public static string ReversalDescriptionFormat => Get(nameof(ReversalDescriptionFormat));
    public static string SimplifiedCategoryRequired => Get(nameof(SimplifiedCategoryRequired));
    public static string SubAccountInvalid => Get(nameof(SubAccountInvalid));
    public static string SubAccountUnknownFormat => Get(nameof(SubAccountUnknownFormat));
    public static string TaxAmountInvalid => Get(nameof(TaxAmountInvalid));
    public static string TaxCodeUnknown => Get(nameof(TaxCodeUnknown));
    public static string TaxRateNotInForce => Get(nameof(TaxRateNotInForce));
    public static string TooManyLines => Get(nameof(TooManyLines));
    public static string YayoiColumnCreditAccount => Get(nameof(YayoiColumnCreditAccount));
    public static string YayoiColumnCreditAmount => Get(nameof(YayoiColumnCreditAmount));
    public static string YayoiColumnCreditDepartment => Get(nameof(YayoiColumnCreditDepartment));
    public static string YayoiColumnCreditSubAccount => Get(nameof(YayoiColumnCreditSubAccount));
    public static string YayoiColumnCreditTaxAmount => Get(nameof(YayoiColumnCreditTaxAmount));
    public static string YayoiColumnCreditTaxKind => Get(nameof(YayoiColumnCreditTaxKind));
    public static string YayoiColumnDate => Get(nameof(YayoiColumnDate));
    public static string YayoiColumnDebitAccount => Get(nameof(YayoiColumnDebitAccount));
    public static string YayoiColumnDebitAmount => Get(nameof(YayoiColumnDebitAmount));
    public static string YayoiColumnDebitDepartment => Get(nameof(YayoiColumnDebitDepartment));
    public static string YayoiColumnDebitSubAccount => Get(nameof(YayoiColumnDebitSubAccount));
    public static string YayoiColumnDebitTaxAmount => Get(nameof(YayoiColumnDebitTaxAmount));
    public static string YayoiColumnDebitTaxKind => Get(nameof(YayoiColumnDebitTaxKind));
    public static string YayoiColumnFlag => Get(nameof(YayoiColumnFlag));

    public static string EntryUnbalanced(long debit, long credit) => Format(EntryUnbalancedFormat, debit, credit, Math.Abs(debit - credit));

    public static string ReversalDescription(long number, string description) => Format(ReversalDescriptionFormat, number, description);

    public static string ResultCarriedForward(int fiscalYear) => Format(ResultCarriedForwardFormat, fiscalYear);

    public static string CarryForwardDescription(int fiscalYear) => Format(CarryForwardDescriptionFormat, fiscalYear);

    public static string ReopenDescription(int fiscalYear, string reason) => Format(ReopenDescriptionFormat, fiscalYear, reason);

    public static string AccountUnknown(string? code) => Format(AccountUnknownFormat, code);

    public static string SubAccountUnknown(string? code) => Format(SubAccountUnknownFormat, code);

    public static string DepartmentUnknown(string? code) => Format(DepartmentUnknownFormat, code);

    public static string PartnerUnknown(string? code) => Format(PartnerUnknownFormat, code);

    public static string ImportAmountInvalid(string value) => Format(ImportAmountInvalidFormat, value);

    public static string ImportColumnCount(int actual, int expected) => Format(ImportColumnCountFormat, actual, expected);

    public static string ImportDateInvalid(string value) => Format(ImportDateInvalidFormat, value);

    public static string ImportHeaderMissing(string header) => Format(ImportHeaderMissingFormat, header);

    public static string ImportSideInvalid(string value) => Format(ImportSideInvalidFormat, value);

    public static string ImportTaxCodeUnknown(string value) => Format(ImportTaxCodeUnknownFormat, value);

    public static string ImportYayoiFlagUnknown(string value) => Format(ImportYayoiFlagUnknownFormat, value);

    public static string ImportYayoiTaxUnknown(string value) => Format(ImportYayoiTaxUnknownFormat, value);

    public static string Format(string template, params object?[] args) => string.Format(CultureInfo.CurrentCulture, template, args);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
