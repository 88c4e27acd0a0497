using Microsoft.Extensions.DependencyInjection;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Partners;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Demo;

/// <summary>
/// A small, plausible book for the demo company: opening balances, then every month of the current fiscal year up to
/// today — sales per department, collections, purchases, rent, salaries with 源泉所得税, a purchase from a non-registered
/// supplier (経過措置) and a meeting with food at the reduced rate.
/// </summary>
internal static class AccountingDemo
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var partners = services.GetRequiredService<PartnerDirectory>();
        await partners.CreateAsync(new("C001", "株式会社みなと商会", "ミナトショウカイ", false, "1180301018771", "T1180301018771", new DateOnly(2023, 10, 1), null), ct);
        await partners.CreateAsync(new("C002", "さくら物産株式会社", "サクラブッサン", false, "5835678256246", "T5835678256246", new DateOnly(2023, 10, 1), null), ct);
        await partners.CreateAsync(new("S001", "東都卸販売株式会社", "トウトオロシハンバイ", false, "7000012050002", "T7000012050002", new DateOnly(2023, 10, 1), null), ct);
        await partners.CreateAsync(new("S002", "山田文具店", "ヤマダブングテン", true, null, null, null, null), ct);

        var clock = services.GetRequiredService<TimeProvider>();
        var today = JapanTime.Today(clock);
        var year = await services.GetRequiredService<FiscalYears>().ForDateAsync(today, ct);
        var posting = services.GetRequiredService<JournalPosting>();
        await posting.PostAsync(new JournalEntryInput(year.StartDate, AccountingMessages.OpeningBalances,
        [
            Dr("1130", 12_000_000), Dr("1110", 300_000),
            Cr("3110", 10_000_000), Cr("3330", 2_300_000),
        ]), EntryKind.Opening, "demo", "opening", ct);

        for (var period = 1; period <= 12; period++)
        {
            var month = year.PeriodStart(period);
            async Task Post(int day, string description, params JournalLineInput[] lines)
            {
                var date = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
                if (date <= today)
                {
                    await posting.PostAsync(new JournalEntryInput(date, description, lines), EntryKind.Normal, "demo", $"{date:yyyy-MM-dd}/{description}", ct);
                }
            }
            var growth = 1 + period * 2 / 100m;
            var sales1 = (long)(3_300_000 * growth / 1000) * 1000;
            await Post(10, "事務用品(山田文具店・免税事業者)", Dr("6320", 22_000, "P-10-T", partner: "S002", department: "110"), Cr("1110", 22_000));
            await Post(12, "打合せ 弁当代", Dr("6260", 5_400, "P-08R", department: "211"), Cr("1110", 5_400));
            await Post(15, "電気・水道料金", Dr("6340", 44_000, "P-10", department: "110"), Cr("1130", 44_000));
            await Post(20, "商品仕入 東都卸販売", Dr("5120", 1_650_000, "P-10", partner: "S001"), Cr("2120", 1_650_000, partner: "S001"));
            await Post(25, "売上 みなと商会", Dr("1220", sales1, partner: "C001", department: "211"), Cr("4110", sales1, "S-10", partner: "C001", department: "211"));
            await Post(25, "売上 さくら物産", Dr("1220", 2_200_000, partner: "C002", department: "212"), Cr("4110", 2_200_000, "S-10", partner: "C002", department: "212"));
            await Post(25, "給与支払", Dr("6120", 2_400_000), Cr("1130", 2_160_000), Cr("2210", 240_000, sub: "01"));
            await Post(27, "本社家賃", Dr("6390", 330_000, "P-10", department: "110"), Cr("1130", 330_000));
            await Post(31, "売掛金入金", Dr("1130", sales1 + 2_200_000), Cr("1220", sales1 + 2_200_000));
            await Post(31, "買掛金支払", Dr("2120", 1_650_000, partner: "S001"), Cr("1130", 1_650_000));
        }
    }

    private static JournalLineInput Dr(string account, long amount, string? tax = "-", string? sub = null, string? department = null, string? partner = null) =>
        new(BalanceSide.Debit, account, amount, tax, sub, department, partner);

    private static JournalLineInput Cr(string account, long amount, string? tax = "-", string? sub = null, string? department = null, string? partner = null) =>
        new(BalanceSide.Credit, account, amount, tax, sub, department, partner);
}
