using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Reports;
using Urakata.Platform.Security;
using Urakata.Platform.Tabular;

namespace Urakata.Accounting.Api;

/// <summary>
/// Downloads of the books under <c>/api/v1/accounting/exports</c>: <c>format=csv</c> (UTF-8 with BOM, for Excel),
/// <c>csv-sjis</c> (Shift_JIS for older software; a character CP932 lacks is refused with its row and column) or
/// <c>xlsx</c> or <c>pdf</c> (A4, Japanese font, for printing and filing). Headers follow the caller's language.
/// </summary>
internal static class AccountingExports
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/accounting/exports").WithTags("Accounting").RequirePermission(AccountingPermissions.JournalRead);

        g.MapGet("/journal", async ([AsParameters] JournalSearch search, string? format, JournalQueries q, LedgerContext ledger, TimeProvider clock,
            IStringLocalizer<AccountingUi> a, CancellationToken ct) =>
            await TableDownload.FileAsync(format, a["Journal"], Table.Of(
                [a["Date"], a["EntryNumber"], a["AccountCode"], a["Account"], a["SubAccount"], a["Department"], a["Partner"], a["TaxCode"], a["Debit"], a["Credit"], a["TaxAmount"], a["LineDescription"]],
                JournalRows(search, q, ct)), ct, (await ledger.LoadAsync(ct)).Company.Name, clock));

        g.MapGet("/general-ledger", async (string account, int year, int? from, int? to, string? sub, string? format, GeneralLedgerReport r, LedgerContext ledger,
            TimeProvider clock, IStringLocalizer<AccountingUi> a, CancellationToken ct) =>
        {
            var context = await ledger.LoadAsync(ct);
            var name = context.AccountByCode(account)?.Name ?? account;
            return await TableDownload.FileAsync(format, $"{a["GeneralLedger"]}_{account}_{name}_{year}", Table.Of(
                [a["Date"], a["EntryNumber"], a["Counterpart"], a["LineDescription"], a["TaxCode"], a["Debit"], a["Credit"], a["Balance"]],
                LedgerRows(r, account, year, from ?? 1, to ?? 12, sub, a["BroughtForward"], ct)), ct, Subtitle(context, a, year, from ?? 1, to ?? 12), clock);
        });

        // 弥生会計 / Urakata journal files of a fiscal year (or any search), ready to import elsewhere or back.
        g.MapGet("/yayoi", async ([AsParameters] JournalSearch search, JournalQueries q, CancellationToken ct) =>
        {
            var buffer = new MemoryStream();
            await Import.YayoiJournalFormat.WriteAsync(buffer, Entries(search, q, ct), null, ct);
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=shift_jis", $"yayoi-journal-{search.FiscalYear}.csv");
        });
        g.MapGet("/journal-csv", async ([AsParameters] JournalSearch search, string? format, JournalQueries q, CancellationToken ct) =>
        {
            var buffer = new MemoryStream();
            await Import.GenericJournalCsv.WriteAsync(buffer, Entries(search, q, ct), format == "csv-sjis" ? CsvTextEncoding.ShiftJis : CsvTextEncoding.Utf8Bom, ct);
            return TypedResults.File(buffer.ToArray(), "text/csv", $"journal-{search.FiscalYear}.csv");
        });

        g.MapGet("/trial-balance", async (int year, int? from, int? to, string? format, TrialBalanceReport r, LedgerContext ledger, TimeProvider clock,
            IStringLocalizer<AccountingUi> a, CancellationToken ct) =>
        {
            var tb = await r.RunAsync(year, from ?? 1, to ?? 12, null, ct);
            var rows = tb.Rows.Select(row => (IReadOnlyList<object?>)[row.Code, row.Name, row.Opening, row.Debit, row.Credit, row.Closing])
                .Append([null, a["Total"].Value, null, tb.TotalDebit, tb.TotalCredit, null]);
            return await TableDownload.FileAsync(format, $"{a["TrialBalance"]}_{year}", Table.Of(
                [a["AccountCode"], a["Account"], a["BroughtForward"], a["Debit"], a["Credit"], a["Balance"]], rows), ct,
                Subtitle(await ledger.LoadAsync(ct), a, year, from ?? 1, to ?? 12), clock);
        });
        g.MapGet("/profit-and-loss", async (int year, int? from, int? to, string? format, TrialBalanceReport r, LedgerContext ledger, TimeProvider clock,
            IStringLocalizer<AccountingUi> a, CancellationToken ct) =>
            await Statement(format, $"{a["ProfitAndLoss"]}_{year}", FinancialStatements.ProfitAndLoss(await r.RunAsync(year, from ?? 1, to ?? 12, null, ct)), a,
                Subtitle(await ledger.LoadAsync(ct), a, year, from ?? 1, to ?? 12), clock, ct));
        g.MapGet("/monthly", async (int year, string? format, MonthlyReports r, LedgerContext ledger, TimeProvider clock, IStringLocalizer<AccountingUi> a,
            CancellationToken ct) =>
        {
            var trend = await r.TrendAsync(year, ct);
            return await TableDownload.FileAsync(format, $"{a["MonthlyTrend"]}_{year}", Table.Of(
                [a["AccountCode"], a["Account"], .. trend.MonthStarts.Select(m => m.ToString("yyyy/MM", System.Globalization.CultureInfo.InvariantCulture)), a["Total"]],
                trend.Rows.Select(row => (IReadOnlyList<object?>)[row.Code, row.Name, .. row.Months.Cast<object?>(), row.Total])), ct,
                Subtitle(await ledger.LoadAsync(ct), a, year, 1, 12), clock);
        });
        g.MapGet("/departments", async (int year, int? from, int? to, string? format, MonthlyReports r, LedgerContext ledger, TimeProvider clock,
            IStringLocalizer<AccountingUi> a, CancellationToken ct) =>
        {
            var report = await r.DepartmentsAsync(year, from ?? 1, to ?? 12, ct);
            var rows = report.Rows.Select(row => (IReadOnlyList<object?>)[row.Code, row.Name, .. row.Amounts.Cast<object?>()])
                .Append([null, a["NetIncome"].Value, .. report.NetIncome.Cast<object?>()]);
            return await TableDownload.FileAsync(format, $"{a["DepartmentPl"]}_{year}", Table.Of([a["AccountCode"], a["Account"], .. report.Departments.Select(d => d.Name)], rows), ct,
                Subtitle(await ledger.LoadAsync(ct), a, year, from ?? 1, to ?? 12), clock);
        });
        g.MapGet("/tax-summary", async (int year, int? from, int? to, string? format, TaxSummaryReport r, LedgerContext ledger, TimeProvider clock,
            IStringLocalizer<AccountingUi> a, CancellationToken ct) =>
        {
            var summary = await r.RunAsync(year, from ?? 1, to ?? 12, ct);
            var rows = summary.Rows.Select(row => (IReadOnlyList<object?>)[row.TaxCode, row.Name, row.Rate is { } rate ? rate * 100 : null, row.Net, row.Gross, row.Tax, row.FullTax])
                .Append([null, a["OutputTax"].Value, null, null, null, summary.OutputTax, null])
                .Append([null, a["InputTax"].Value, null, null, null, summary.InputTax, null]);
            return await TableDownload.FileAsync(format, $"{a["TaxSummary"]}_{year}", Table.Of(
                [a["TaxCode"], a["Name"], a["Rate"], a["NetAmount"], a["GrossAmount"], a["TaxBooked"], a["TaxContained"]], rows), ct,
                Subtitle(await ledger.LoadAsync(ct), a, year, from ?? 1, to ?? 12), clock);
        });
        g.MapGet("/balance-sheet", async (int year, int? period, string? format, TrialBalanceReport r, LedgerContext ledger, TimeProvider clock,
            IStringLocalizer<AccountingUi> a, CancellationToken ct) =>
        {
            var context = await ledger.LoadAsync(ct);
            var statement = FinancialStatements.BalanceSheet(await r.RunAsync(year, 1, period ?? 12, null, ct), context.RetainedEarnings);
            return await Statement(format, $"{a["BalanceSheet"]}_{year}", statement, a, Subtitle(context, a, year, 1, period ?? 12), clock, ct);
        });
    }

    private static Task<IResult> Statement(string? format, string name, FinancialStatement statement, IStringLocalizer<AccountingUi> a, string subtitle,
        TimeProvider clock, CancellationToken ct) =>
        TableDownload.FileAsync(format, name, Table.Of([a["Account"], a["Amount"]],
            statement.Lines.Select(l => (IReadOnlyList<object?>)[new string('\u3000', l.Level) + l.Label, l.Amount])), ct, subtitle, clock);

    /// <summary>株式会社サンプル商事 2026年度 2026/04/01 – 2026/11/30.</summary>
    private static string Subtitle(LedgerContext.Loaded context, IStringLocalizer<AccountingUi> a, int year, int from, int to)
    {
        var fy = new FiscalYear(context.Company.Id, year, context.Company.FiscalYearEndMonth);
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0}  {1}  {2:yyyy/MM/dd} – {3:yyyy/MM/dd}",
            context.Company.Name, string.Format(System.Globalization.CultureInfo.CurrentCulture, a["FiscalYearLabel"], year), fy.PeriodStart(from), fy.PeriodEnd(to));
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> JournalRows(JournalSearch search, JournalQueries q, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in Entries(search, q, ct))
        {
            foreach (var l in e.Lines)
            {
                yield return [e.Date, e.Number, l.AccountCode, l.AccountName, l.SubAccountName, l.DepartmentName, l.PartnerName, l.TaxCode,
                    l.Debit, l.Credit, l.TaxAmount, l.Description];
            }
        }
    }

    /// <summary>Every entry the search finds, page after page in date and number order.</summary>
    private static async IAsyncEnumerable<JournalEntryDto> Entries(JournalSearch search, JournalQueries q, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        do
        {
            var page = await q.SearchAsync(search with { After = after, PageSize = JournalQueries.MaxPageSize }, ct);
            foreach (var e in page.Entries)
            {
                yield return e;
            }
            after = page.NextCursor;
        }
        while (after is not null);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> LedgerRows(GeneralLedgerReport r, string account, int year, int from, int to, string? sub,
        string broughtForward, [EnumeratorCancellation] CancellationToken ct)
    {
        var first = await r.PageAsync(account, year, from, to, sub, null, 1, ct);
        yield return [first.From, null, broughtForward, null, null, null, null, first.Opening];
        await foreach (var l in r.AllAsync(account, year, from, to, sub, ct))
        {
            yield return [l.Date, l.EntryNumber, l.Counterpart, l.Description, l.TaxCode, l.Debit, l.Credit, l.Balance];
        }
    }
}
