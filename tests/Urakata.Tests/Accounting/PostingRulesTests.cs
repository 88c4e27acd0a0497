using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Tax;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.Tests.Accounting;

/// <summary>The posting rules live in <see cref="JournalEntry"/>; the tax split in <see cref="TaxSplitter"/>.</summary>
public sealed class PostingRulesTests
{
    private static readonly Guid Company = Guid.CreateVersion7();
    private static readonly Account Cash = Chart("1110");
    private static readonly Account Deposit = Chart("1130");
    private static readonly Account InputTax = Chart("1480");
    private static readonly Account OutputTax = Chart("2180");
    private static readonly Account Receivable = Chart("1220");
    private static readonly Account Sales = Chart("4110");
    private static readonly Account Supplies = Chart("6310");

    private static Account Chart(string code)
    {
        var r = StandardChart.Accounts.Single(a => a.Code == code);
        return new Account(r.Code, r.Name, r.Kana, r.Group, r.Side, r.Tax, r.English, r.Role);
    }

    // A March year-end company's FY2026: 2026-04-01 .. 2027-03-31.
    private static FiscalYear Year() => new(Company, 2026, 3);

    private static PostingLine Dr(Account a, long amount) => new(a, BalanceSide.Debit, amount);

    private static PostingLine Cr(Account a, long amount) => new(a, BalanceSide.Credit, amount);

    [Fact]
    public void Post_WhenBalanced_KeepsEveryLineWithItsPeriod()
    {
        var entry = JournalEntry.Create(Year(), new DateOnly(2026, 11, 20), EntryKind.Normal, "事務用品", [Dr(Supplies, 3_300), Cr(Cash, 3_300)]);
        Assert.Equal(8, entry.Period); // November is the 8th month of an April–March year
        Assert.Equal(3_300, entry.TotalAmount);
        Assert.Equal([(3_300L, 0L), (0L, 3_300L)], entry.Lines.Select(l => (l.Debit, l.Credit)));
        Assert.All(entry.Lines, l => Assert.Equal("事務用品", l.Description));
    }

    [Fact]
    public void Post_WhenUnbalanced_ThrowsWithBothTotals()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            JournalEntry.Create(Year(), new DateOnly(2026, 11, 20), EntryKind.Normal, null, [Dr(Supplies, 3_300), Cr(Cash, 3_000)]));
        Assert.Contains("3,300", ex.Errors["lines"][0], StringComparison.Ordinal);
        Assert.Contains("3,000", ex.Errors["lines"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Post_WithOneLineOrAZeroAmount_Throws()
    {
        Assert.Contains("lines", Assert.Throws<ValidationException>(() =>
            JournalEntry.Create(Year(), new DateOnly(2026, 5, 1), EntryKind.Normal, null, [Dr(Cash, 0)])).Errors.Keys);
        var zero = Assert.Throws<ValidationException>(() =>
            JournalEntry.Create(Year(), new DateOnly(2026, 5, 1), EntryKind.Normal, null, [Dr(Cash, 0), Cr(Sales, 0), Dr(Deposit, 5), Cr(Sales, 5)]));
        Assert.Equal(["lines[0].amount", "lines[1].amount"], zero.Errors.Keys.Order());
    }

    [Fact]
    public void Post_ToARetiredAccount_Throws()
    {
        var retired = Chart("6490");
        retired.Deactivate();
        var ex = Assert.Throws<ValidationException>(() =>
            JournalEntry.Create(Year(), new DateOnly(2026, 5, 1), EntryKind.Normal, null, [Dr(retired, 100), Cr(Cash, 100)]));
        Assert.Contains("lines[0].account", ex.Errors.Keys);
    }

    [Fact]
    public void Post_IntoALockedMonthOrAClosedYear_Throws_ButTheNextMonthIsOpen()
    {
        var year = Year();
        year.LockThrough(6); // April–September locked
        Assert.Throws<DomainException>(() => JournalEntry.Create(year, new DateOnly(2026, 9, 30), EntryKind.Normal, null, [Dr(Cash, 1), Cr(Sales, 1)]));
        Assert.Equal(7, JournalEntry.Create(year, new DateOnly(2026, 10, 1), EntryKind.Normal, null, [Dr(Cash, 1), Cr(Sales, 1)]).Period);
        year.Close(new DateTime(2027, 5, 1, 0, 0, 0, DateTimeKind.Utc), null);
        Assert.Throws<DomainException>(() => JournalEntry.Create(year, new DateOnly(2027, 3, 31), EntryKind.Normal, null, [Dr(Cash, 1), Cr(Sales, 1)]));
    }

    [Fact]
    public void Post_OutsideTheYear_Throws() =>
        Assert.Throws<DomainException>(() => JournalEntry.Create(Year(), new DateOnly(2027, 4, 1), EntryKind.Normal, null, [Dr(Cash, 1), Cr(Sales, 1)]));

    [Fact]
    public void Reverse_SwapsDebitAndCredit_AndPointsAtTheOriginal_ButAReversalCannotBeReversed()
    {
        var year = Year();
        var original = JournalEntry.Create(year, new DateOnly(2026, 6, 10), EntryKind.Normal, "売上", [Dr(Receivable, 110_000), Cr(Sales, 100_000), Cr(OutputTax, 10_000)]);
        var accounts = new[] { Receivable, Sales, OutputTax }.ToDictionary(a => a.Id);
        var reversal = original.Reverse(year, new DateOnly(2026, 7, 1), accounts, new Dictionary<Guid, SubAccount>(), null);
        Assert.Equal(EntryKind.Reversal, reversal.Kind);
        Assert.Equal(original.Id, reversal.ReversalOf);
        Assert.Equal(4, reversal.Period);
        Assert.Equal(original.Lines.Select(l => (l.AccountId, l.Credit, l.Debit)), reversal.Lines.Select(l => (l.AccountId, l.Debit, l.Credit)));
        Assert.Throws<ConflictException>(() => reversal.Reverse(year, new DateOnly(2026, 7, 2), accounts, new Dictionary<Guid, SubAccount>(), null));
    }

    [Fact]
    public void Seal_HashesHeaderAndLines_SoAnyChangeShowsUp()
    {
        var entry = JournalEntry.Create(Year(), new DateOnly(2026, 6, 10), EntryKind.Normal, "売上", [Dr(Receivable, 110_000), Cr(Sales, 110_000)]);
        entry.Seal(1, 1, "", new DateTime(2026, 6, 10, 1, 2, 3, DateTimeKind.Utc), null, "test");
        Assert.Equal(64, entry.Hash.Length);
        Assert.Equal(entry.Hash, JournalHasher.Compute(entry));
        Assert.All(entry.Lines, l => Assert.Equal(1, l.EntryNumber));
        Assert.Throws<InvalidOperationException>(() => entry.Seal(2, 2, "", DateTime.UnixEpoch, null, "again"));
    }

    private static LedgerSettings Settings(TaxBookkeeping bookkeeping, RoundingMode rounding = RoundingMode.Truncate)
    {
        var s = new LedgerSettings(Company);
        s.Update(bookkeeping, ConsumptionTaxMethod.General, rounding, null);
        return s;
    }

    private static ResolvedLine Line(Account a, BalanceSide side, long amount, string? tax, long? taxAmount = null) =>
        new(a, side, amount, TaxCodes.Find(tax), null, null, null, null, taxAmount);

    [Fact]
    public void TaxExclusive_SplitsAPurchaseIntoCostAndInputTax()
    {
        var lines = TaxSplitter.Split([Line(Supplies, BalanceSide.Debit, 11_000, "P-10"), Line(Cash, BalanceSide.Credit, 11_000, null)],
            new DateOnly(2026, 11, 20), Settings(TaxBookkeeping.Exclusive), StatutoryRates.Table, InputTax, OutputTax);
        Assert.Equal([("6310", 10_000L, false), ("1480", 1_000L, true), ("1110", 11_000L, false)], lines.Select(l => (l.Account.Code, l.Amount, l.IsTaxLine)));
        Assert.Equal(1_000, lines[0].TaxAmount);
        Assert.Equal(0.10m, lines[0].TaxRate);
    }

    [Fact]
    public void TaxExclusive_SplitsASaleIntoSalesAndOutputTax_AtTheReducedRate()
    {
        var lines = TaxSplitter.Split([Line(Receivable, BalanceSide.Debit, 10_800, null), Line(Sales, BalanceSide.Credit, 10_800, "S-08R")],
            new DateOnly(2026, 11, 20), Settings(TaxBookkeeping.Exclusive), StatutoryRates.Table, InputTax, OutputTax);
        Assert.Equal([("1220", BalanceSide.Debit, 10_800L), ("4110", BalanceSide.Credit, 10_000L), ("2180", BalanceSide.Credit, 800L)],
            lines.Select(l => (l.Account.Code, l.Side, l.Amount)));
    }

    [Fact]
    public void TaxInclusive_KeepsTheWholeAmount_AndRecordsTheTaxInIt()
    {
        var lines = TaxSplitter.Split([Line(Supplies, BalanceSide.Debit, 11_000, "P-10"), Line(Cash, BalanceSide.Credit, 11_000, null)],
            new DateOnly(2026, 11, 20), Settings(TaxBookkeeping.Inclusive), StatutoryRates.Table, InputTax, OutputTax);
        Assert.Equal([(11_000L, 1_000L), (11_000L, 0L)], lines.Select(l => (l.Amount, l.TaxAmount)));
    }

    [Fact]
    public void NonRegisteredSupplier_OnlyTheTransitionalShareBecomesInputTax()
    {
        var lines = TaxSplitter.Split([Line(Supplies, BalanceSide.Debit, 11_000, "P-10-T"), Line(Cash, BalanceSide.Credit, 11_000, null)],
            new DateOnly(2026, 9, 30), Settings(TaxBookkeeping.Exclusive), StatutoryRates.Table, InputTax, OutputTax);
        Assert.Equal([10_200L, 800L, 11_000L], lines.Select(l => l.Amount)); // 80% of 1,000 credited, 200 stays in the cost
    }

    [Fact]
    public void StatedTax_FromTheInvoice_WinsOverTheComputedOne_ButMustBeWithinTheAmount()
    {
        var lines = TaxSplitter.Split([Line(Supplies, BalanceSide.Debit, 7_603, "P-10", taxAmount: 691), Line(Cash, BalanceSide.Credit, 7_603, null)],
            new DateOnly(2026, 11, 20), Settings(TaxBookkeeping.Exclusive), StatutoryRates.Table, InputTax, OutputTax);
        Assert.Equal([6_912L, 691L, 7_603L], lines.Select(l => l.Amount));
        var ex = Assert.Throws<ValidationException>(() => TaxSplitter.Split([Line(Supplies, BalanceSide.Debit, 100, "P-10", taxAmount: 101), Line(Cash, BalanceSide.Credit, 100, null)],
            new DateOnly(2026, 11, 20), Settings(TaxBookkeeping.Exclusive), StatutoryRates.Table, InputTax, OutputTax));
        Assert.Contains("lines[0].taxAmount", ex.Errors.Keys);
    }

    [Fact]
    public void ReducedRate_BeforeItExisted_IsRefusedAtTheLine()
    {
        var ex = Assert.Throws<ValidationException>(() => TaxSplitter.Split([Line(Supplies, BalanceSide.Debit, 1_080, "P-08R"), Line(Cash, BalanceSide.Credit, 1_080, null)],
            new DateOnly(2019, 9, 30), Settings(TaxBookkeeping.Exclusive), StatutoryRates.Table, InputTax, OutputTax));
        Assert.Contains("lines[0].taxCode", ex.Errors.Keys);
    }
}
