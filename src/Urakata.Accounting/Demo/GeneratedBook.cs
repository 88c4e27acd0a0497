using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Demo;

/// <summary>
/// A generated year of a Japanese company's journal for the bulk-import tests and the ledger benchmark: cash and credit
/// sales (課税売上 10 %, some 8 % 軽減) to 200 customers, purchases and 外注 from suppliers, payroll with 源泉所得税 and
/// social insurance into 預り金 (補助科目), expenses across the 販管費 accounts, receipts and payments, 2–4 lines per entry,
/// dates spread over the fiscal year, departments on the P/L lines. Entry <c>i</c> is a pure function of the seed and
/// <c>i</c>, so a million entries take no memory until they are read.
/// </summary>
internal sealed class GeneratedBook(int count, DateOnly yearStart, int seed = 20261124) : IReadOnlyList<JournalEntryInput>
{
    public static readonly string[] Departments = ["B10", "B20", "B30", "B40"];
    public const int Customers = 200;
    public const int Suppliers = 60;

    private static readonly string[] Expenses =
        ["6210", "6230", "6240", "6250", "6260", "6270", "6280", "6290", "6310", "6320", "6330", "6340", "6350", "6360", "6370", "6380", "6410", "6420", "6490"];

    public int Count => count;

    public JournalEntryInput this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            // Not HashCode.Combine: its seed changes per process, and the book must be the same in every run.
            var r = new Random(unchecked((seed * 1_000_003) + index));
            // Spread evenly through the 365 days of the year, in order, with a little jitter.
            var day = (int)((long)index * 365 / count);
            var date = yearStart.AddDays(day);
            var dept = Departments[r.Next(Departments.Length)];
            var kind = r.Next(100);
            return kind switch
            {
                < 30 => Sale(r, date, dept, credit: true),
                < 40 => Sale(r, date, dept, credit: false),
                < 55 => Purchase(r, date, dept),
                < 80 => Expense(r, date, dept),
                < 83 => Payroll(r, date, dept),
                < 93 => Receipt(r, date),
                _ => Payment(r, date),
            };
        }
    }

    public IEnumerator<JournalEntryInput> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static string CustomerCode(int n) => string.Create(CultureInfo.InvariantCulture, $"C{n:D4}");

    public static string SupplierCode(int n) => string.Create(CultureInfo.InvariantCulture, $"S{n:D4}");

    /// <summary>Creates the departments and partners the book refers to in the current company (once).</summary>
    public static async Task SeedMastersAsync(UrakataDbContext db, Guid companyId, CancellationToken ct = default)
    {
        if (await db.Set<Partners.Partner>().AnyAsync(p => p.Code == CustomerCode(1), ct))
        {
            return;
        }
        var existing = await db.Departments.Select(d => d.Code).ToListAsync(ct);
        foreach (var code in Departments.Except(existing))
        {
            db.Add(new Department(companyId, code, "部門" + code));
        }
        for (var n = 1; n <= Customers; n++)
        {
            db.Add(new Partners.Partner(CustomerCode(n), $"得意先{n}株式会社"));
        }
        for (var n = 1; n <= Suppliers; n++)
        {
            db.Add(new Partners.Partner(SupplierCode(n), $"仕入先{n}有限会社"));
        }
        await db.SaveChangesAsync(ct);
    }

    private static long Amount(Random r, long min, long max) => (long)Math.Round(min * Math.Pow((double)max / min, r.NextDouble()));

    private static JournalEntryInput Sale(Random r, DateOnly date, string dept, bool credit)
    {
        var customer = CustomerCode(r.Next(1, Customers + 1));
        var reduced = r.Next(10) == 0;
        var amount = Amount(r, 1_000, 3_000_000);
        var tax = reduced ? "S-08R" : "S-10";
        JournalLineInput debit = credit ? new(BalanceSide.Debit, "1220", amount, "-", PartnerCode: customer) : new(BalanceSide.Debit, "1110", amount, "-");
        if (r.Next(4) == 0)
        {
            // Two lines of goods on one invoice: 3 lines.
            var part = Math.Max(1, amount / 3);
            return new(date, (credit ? "掛売上 " : "現金売上 ") + customer,
            [
                debit,
                new(BalanceSide.Credit, "4110", amount - part, tax, DepartmentCode: dept, PartnerCode: customer),
                new(BalanceSide.Credit, "4110", part, "S-10", DepartmentCode: dept, PartnerCode: customer),
            ]);
        }
        return new(date, (credit ? "掛売上 " : "現金売上 ") + customer, [debit, new(BalanceSide.Credit, "4110", amount, tax, DepartmentCode: dept, PartnerCode: customer)]);
    }

    private static JournalEntryInput Purchase(Random r, DateOnly date, string dept)
    {
        var supplier = SupplierCode(r.Next(1, Suppliers + 1));
        var amount = Amount(r, 5_000, 2_000_000);
        var account = r.Next(3) == 0 ? "6220" : "5120";
        return new(date, "仕入 " + supplier,
            [new(BalanceSide.Debit, account, amount, "P-10", DepartmentCode: dept, PartnerCode: supplier), new(BalanceSide.Credit, "2120", amount, "-", PartnerCode: supplier)]);
    }

    private static JournalEntryInput Expense(Random r, DateOnly date, string dept)
    {
        var first = Expenses[r.Next(Expenses.Length)];
        var amount = Amount(r, 300, 300_000);
        var paidFrom = r.Next(3) switch { 0 => "1110", 1 => "1130", _ => "2140" };
        if (r.Next(3) == 0)
        {
            var second = Expenses[r.Next(Expenses.Length)];
            var other = Amount(r, 300, 100_000);
            return new(date, "経費精算",
            [
                new(BalanceSide.Debit, first, amount, "P-10", DepartmentCode: dept),
                new(BalanceSide.Debit, second, other, "P-10", DepartmentCode: dept),
                new(BalanceSide.Credit, paidFrom, amount + other, "-"),
            ]);
        }
        return new(date, "経費", [new(BalanceSide.Debit, first, amount, "P-10", DepartmentCode: dept), new(BalanceSide.Credit, paidFrom, amount, "-")]);
    }

    private static JournalEntryInput Payroll(Random r, DateOnly date, string dept)
    {
        var gross = Amount(r, 200_000, 800_000);
        var withholding = gross / 20;
        var insurance = gross * 15 / 100;
        return new(date, "給与支払",
        [
            new(BalanceSide.Debit, "6120", gross, DepartmentCode: dept),
            new(BalanceSide.Credit, "2210", withholding, SubAccountCode: "01"),
            new(BalanceSide.Credit, "2210", insurance, SubAccountCode: "03"),
            new(BalanceSide.Credit, "1130", gross - withholding - insurance),
        ]);
    }

    private static JournalEntryInput Receipt(Random r, DateOnly date)
    {
        var customer = CustomerCode(r.Next(1, Customers + 1));
        var amount = Amount(r, 1_000, 3_000_000);
        return new(date, "入金 " + customer, [new(BalanceSide.Debit, "1130", amount), new(BalanceSide.Credit, "1220", amount, PartnerCode: customer)]);
    }

    private static JournalEntryInput Payment(Random r, DateOnly date)
    {
        var supplier = SupplierCode(r.Next(1, Suppliers + 1));
        var amount = Amount(r, 5_000, 2_000_000);
        if (r.Next(4) == 0)
        {
            return new(date, "振込 " + supplier,
                [new(BalanceSide.Debit, "2120", amount, PartnerCode: supplier), new(BalanceSide.Debit, "6370", 440, "P-10"), new(BalanceSide.Credit, "1130", amount + 440)]);
        }
        return new(date, "支払 " + supplier, [new(BalanceSide.Debit, "2120", amount, PartnerCode: supplier), new(BalanceSide.Credit, "1130", amount)]);
    }
}
