using System.Globalization;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Import;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Tax;
using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.Tests.Accounting;

/// <summary>
/// A company with the standard chart, one sub-account, two departments and a partner, and a way to post an input the
/// way <see cref="JournalPosting"/> does (tax split, then <see cref="JournalEntry.Create"/>) without a database, giving
/// the <see cref="JournalEntryDto"/> an export reads.
/// </summary>
internal static class JournalCsvTestData
{
    private static readonly Guid Company = Guid.CreateVersion7();

    public static readonly IReadOnlyDictionary<string, Account> Accounts = StandardChart.Accounts
        .Select(r => new Account(r.Code, r.Name, r.Kana, r.Group, r.Side, r.Tax, r.English, r.Role))
        .ToDictionary(a => a.Code);

    public static readonly SubAccount Mizuho = new(Accounts["1130"].Id, "01", "みずほ銀行");

    public static readonly IReadOnlyList<JournalImportCatalog.Item> Departments = [new("D01", "営業部"), new("D02", "管理部")];

    private static readonly Dictionary<string, Guid> DepartmentIds = Departments.ToDictionary(d => d.Code, _ => Guid.CreateVersion7());

    private static readonly Dictionary<string, Guid> PartnerIds = new() { ["P001"] = Guid.CreateVersion7() };

    public static JournalImportCatalog Catalog() => new(
        Accounts.Values.Select(a => new JournalImportCatalog.Item(a.Code, a.Name)),
        [new JournalImportCatalog.SubItem("1130", Mizuho.Code, Mizuho.Name)],
        Departments,
        PartnerIds.Keys);

    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JournalLineInput Dr(string account, long amount, string? tax = null, long? taxAmount = null, string? sub = null,
        string? department = null, string? partner = null, string? description = null) =>
        new(BalanceSide.Debit, account, amount, tax, sub, department, partner, description, taxAmount);

    public static JournalLineInput Cr(string account, long amount, string? tax = null, long? taxAmount = null, string? sub = null,
        string? department = null, string? partner = null, string? description = null) =>
        new(BalanceSide.Credit, account, amount, tax, sub, department, partner, description, taxAmount);

    /// <summary>Posts <paramref name="input"/> as entry <paramref name="number"/> of FY2026 (April–March) and reads it back as a DTO.</summary>
    public static JournalEntryDto Posted(JournalEntryInput input, TaxBookkeeping bookkeeping = TaxBookkeeping.Exclusive, long number = 1)
    {
        var settings = new LedgerSettings(Company);
        settings.Update(bookkeeping, ConsumptionTaxMethod.General, RoundingMode.Truncate, null);
        var resolved = input.Lines.Select(l => new ResolvedLine(Accounts[l.AccountCode], l.Side, l.Amount, TaxCodes.Find(l.TaxCode),
            l.SubAccountCode is null ? null : Mizuho, l.DepartmentCode is null ? null : DepartmentIds[l.DepartmentCode],
            l.PartnerCode is null ? null : PartnerIds[l.PartnerCode], l.Description, l.TaxAmount)).ToList();
        var lines = TaxSplitter.Split(resolved, input.Date, settings, StatutoryRates.Table, Accounts["1480"], Accounts["2180"]);
        var entry = JournalEntry.Create(new FiscalYear(Company, 2026, 3), input.Date, EntryKind.Normal, input.Description, lines);
        var byId = Accounts.Values.ToDictionary(a => a.Id);
        return new JournalEntryDto(entry.Id, 2026, number, entry.Date, entry.Kind, entry.Description, entry.TotalAmount, null, null, "manual",
            DateTime.UnixEpoch, "test",
            [.. entry.Lines.Select(l =>
            {
                var department = Departments.SingleOrDefault(d => DepartmentIds[d.Code] == l.DepartmentId);
                var partner = PartnerIds.SingleOrDefault(p => p.Value == l.PartnerId).Key;
                return new JournalLineDto(l.LineNo, l.Debit, l.Credit, byId[l.AccountId].Code, byId[l.AccountId].Name,
                    l.SubAccountId is null ? null : Mizuho.Code, l.SubAccountId is null ? null : Mizuho.Name, department?.Code, department?.Name,
                    partner, partner is null ? null : "株式会社サンプル", l.TaxCode, l.TaxRate, l.TaxAmount, l.IsTaxLine, l.Description);
            })],
            []);
    }

    /// <summary>Entries are records holding lists, which compare by reference: compare them field by field.</summary>
    public static void AssertSameEntries(IReadOnlyList<JournalEntryInput> expected, JournalImportResult actual)
    {
        Assert.Empty(actual.Errors);
        Assert.Equal(expected.Count, actual.Entries.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Date, actual.Entries[i].Entry.Date);
            Assert.Equal(expected[i].Description, actual.Entries[i].Entry.Description);
            Assert.Equal(expected[i].Lines, actual.Entries[i].Entry.Lines);
        }
    }

    public static JournalImportResult ParseYayoi(string text) =>
        YayoiJournalFormat.Parse(new MemoryStream(ShiftJis.Encoding.GetBytes(text)), Catalog());

    public static T InCulture<T>(string culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
