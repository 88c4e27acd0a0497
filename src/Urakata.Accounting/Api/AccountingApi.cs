using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Partners;
using Urakata.Accounting.Reports;
using Urakata.Accounting.Tax;
using Urakata.Platform.Api;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Api;

public sealed record SubAccountUpdate(string Code, string Name, string? Kana, bool IsActive = true, int? Version = null);

public sealed record ReverseBody(DateOnly? Date = null, string? Reason = null);

public sealed record EvidenceBody(Guid FileId);

public sealed record LockBody(int Period);

public sealed record ReopenBody(string Reason);

public sealed record OpeningBalancesBody(int FiscalYear, IReadOnlyList<JournalLineInput> Lines, string? Description = null);

public sealed record TaxCodeView(string Code, string Name, string EnglishName, TaxDirection Direction, TaxTreatment Treatment, decimal? RateToday);

/// <summary>REST endpoints of the general ledger under <c>/api/v1/accounting</c>. Every route needs a ledger permission; another company's records answer 404.</summary>
internal static class AccountingApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/accounting").WithTags("Accounting");
        var read = g.MapGroup("").RequirePermission(AccountingPermissions.JournalRead);
        var masters = g.MapGroup("").RequirePermission(AccountingPermissions.MastersManage);
        var post = g.MapGroup("").RequirePermission(AccountingPermissions.JournalPost);
        var periods = g.MapGroup("").RequirePermission(AccountingPermissions.PeriodsManage);

        read.MapGet("/accounts", (string? q, bool? includeInactive, ChartOfAccounts c, CancellationToken ct) => c.ListAsync(q, includeInactive ?? true, ct));
        masters.MapPost("/accounts", async (AccountInput body, ChartOfAccounts c, CancellationToken ct) =>
        {
            var created = await c.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/accounting/accounts/{created.Id}", created);
        });
        masters.MapPut("/accounts/{id:guid}", (Guid id, AccountInput body, HttpRequest http, ChartOfAccounts c, CancellationToken ct) =>
            c.UpdateAsync(id, body with { Version = http.IfMatchVersion() ?? body.Version }, ct)).ForResource<Account>();
        masters.MapPost("/accounts/{id:guid}/deactivate", (Guid id, ChartOfAccounts c, CancellationToken ct) => c.SetActiveAsync(id, false, ct)).ForResource<Account>();
        masters.MapPost("/accounts/{id:guid}/activate", (Guid id, ChartOfAccounts c, CancellationToken ct) => c.SetActiveAsync(id, true, ct)).ForResource<Account>();
        masters.MapPost("/accounts/{id:guid}/sub-accounts", async (Guid id, SubAccountInput body, ChartOfAccounts c, CancellationToken ct) =>
        {
            var created = await c.AddSubAccountAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/accounting/accounts/{id}/sub-accounts/{created.Id}", created);
        }).ForResource<Account>();
        masters.MapPut("/sub-accounts/{id:guid}", (Guid id, SubAccountUpdate body, HttpRequest http, ChartOfAccounts c, CancellationToken ct) =>
            c.UpdateSubAccountAsync(id, new SubAccountInput(body.Code, body.Name, body.Kana, http.IfMatchVersion() ?? body.Version), body.IsActive, ct))
            .ForResource<SubAccount>();

        read.MapGet("/partners", (string? q, int? limit, PartnerDirectory p, CancellationToken ct) => p.SearchAsync(q, limit ?? 50, ct));
        read.MapGet("/partners/{id:guid}", (Guid id, PartnerDirectory p, CancellationToken ct) => p.GetAsync(id, ct)).ForResource<Partner>();
        masters.MapPost("/partners", async (PartnerInput body, PartnerDirectory p, CancellationToken ct) =>
        {
            var created = await p.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/accounting/partners/{created.Id}", created);
        });
        masters.MapPut("/partners/{id:guid}", (Guid id, PartnerInput body, HttpRequest http, PartnerDirectory p, CancellationToken ct) =>
            p.UpdateAsync(id, body with { Version = http.IfMatchVersion() ?? body.Version }, ct)).ForResource<Partner>();

        read.MapGet("/tax-codes", async (LedgerContext ledger, TimeProvider clock, CancellationToken ct) =>
        {
            var rates = (await ledger.LoadAsync(ct)).Rates;
            var today = Platform.Kernel.JapanTime.Today(clock);
            return TaxCodes.All.Select(c => new TaxCodeView(c.Code, c.Name, c.EnglishName, c.Direction, c.Treatment,
                c.RateKind == RateKind.None ? null : rates.Rates.FirstOrDefault(r => r.Kind == c.RateKind && r.ValidFrom <= today && (r.ValidTo is null || today <= r.ValidTo))?.Rate));
        });
        read.MapGet("/settings", (LedgerSettingsService s, CancellationToken ct) => s.GetAsync(ct));
        masters.MapPut("/settings", (LedgerSettingsDto body, HttpRequest http, LedgerSettingsService s, CancellationToken ct) =>
            s.UpdateAsync(body with { Version = http.IfMatchVersion() ?? body.Version }, ct));

        read.MapGet("/fiscal-years", (FiscalYears y, CancellationToken ct) => y.ListAsync(ct));
        periods.MapPost("/fiscal-years/{year:int}/lock", (int year, LockBody body, FiscalYears y, CancellationToken ct) => y.LockThroughAsync(year, body.Period, ct));
        periods.MapPost("/fiscal-years/{year:int}/close", (int year, YearEndClose c, CancellationToken ct) => c.CloseAsync(year, ct));
        periods.MapPost("/fiscal-years/{year:int}/reopen", (int year, ReopenBody body, YearEndClose c, CancellationToken ct) => c.ReopenAsync(year, body.Reason, ct));

        read.MapGet("/journal", ([AsParameters] JournalSearch search, JournalQueries q, CancellationToken ct) => q.SearchAsync(search, ct));
        read.MapGet("/journal/{id:guid}", (Guid id, JournalQueries q, CancellationToken ct) => q.GetAsync(id, ct)).ForResource<JournalEntry>();
        post.MapPost("/journal", async (JournalEntryInput body, JournalPosting p, JournalQueries q, CancellationToken ct) =>
        {
            var entry = await p.PostAsync(body, ct);
            return TypedResults.Created($"/api/v1/accounting/journal/{entry.Id}", await q.GetAsync(entry.Id, ct));
        });
        post.MapPost("/journal/opening-balances", async (OpeningBalancesBody body, JournalPosting p, FiscalYears years, JournalQueries q, CancellationToken ct) =>
        {
            var year = await years.ForYearAsync(body.FiscalYear, ct);
            var entry = await p.PostAsync(new JournalEntryInput(year.StartDate, body.Description ?? AccountingMessages.OpeningBalances, body.Lines), EntryKind.Opening, "opening", null, ct);
            return TypedResults.Created($"/api/v1/accounting/journal/{entry.Id}", await q.GetAsync(entry.Id, ct));
        });
        post.MapPost("/journal/{id:guid}/reverse", async (Guid id, ReverseBody body, JournalPosting p, JournalQueries q, CancellationToken ct) =>
        {
            var reversal = await p.ReverseAsync(id, body.Date, body.Reason, ct);
            return TypedResults.Created($"/api/v1/accounting/journal/{reversal.Id}", await q.GetAsync(reversal.Id, ct));
        }).ForResource<JournalEntry>();
        post.MapPost("/journal/{id:guid}/evidence", async (Guid id, EvidenceBody body, JournalEvidence e, JournalQueries q, CancellationToken ct) =>
        {
            await e.AttachAsync(id, body.FileId, ct);
            return await q.GetAsync(id, ct);
        }).ForResource<JournalEntry>();

        post.MapGet("/drafts", (JournalDrafts d, CancellationToken ct) => d.MineAsync(ct));
        post.MapGet("/drafts/{id:guid}", (Guid id, JournalDrafts d, CancellationToken ct) => d.GetAsync(id, ct)).ForResource<JournalDraft>();
        post.MapPost("/drafts", async (JournalEntryInput body, JournalDrafts d, CancellationToken ct) =>
        {
            var created = await d.SaveAsync(null, body, null, ct);
            return TypedResults.Created($"/api/v1/accounting/drafts/{created.Id}", created);
        });
        post.MapPut("/drafts/{id:guid}", (Guid id, JournalEntryInput body, HttpRequest http, JournalDrafts d, CancellationToken ct) =>
            d.SaveAsync(id, body, http.IfMatchVersion(), ct)).ForResource<JournalDraft>();
        post.MapDelete("/drafts/{id:guid}", async (Guid id, JournalDrafts d, CancellationToken ct) =>
        {
            await d.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).ForResource<JournalDraft>();
        post.MapPost("/drafts/{id:guid}/post", async (Guid id, JournalDrafts d, JournalQueries q, CancellationToken ct) =>
        {
            var entry = await d.PostAsync(id, ct);
            return TypedResults.Created($"/api/v1/accounting/journal/{entry.Id}", await q.GetAsync(entry.Id, ct));
        }).ForResource<JournalDraft>();

        g.MapPost("/imports/journal", async (IFormFile file, string? format, Import.JournalFileImporter importer, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var result = await importer.ImportAsync(stream, format == "generic" ? Import.JournalFileFormat.Generic : Import.JournalFileFormat.Yayoi, null, ct);
            return result.Succeeded
                ? Results.Ok(result)
                : TypedResults.ValidationProblem(result.Errors.GroupBy(e => $"row {e.Row}.{e.Column}").ToDictionary(e => e.Key, e => e.Select(x => x.Message).ToArray()),
                    title: AccountingMessages.ImportNothingImported);
        }).RequirePermission(AccountingPermissions.Import).DisableAntiforgery();

        read.MapGet("/recurring", (Recurring.RecurringEntries r, CancellationToken ct) => r.ListAsync(ct));
        masters.MapPost("/recurring", async (Recurring.RecurringEntryInput body, Recurring.RecurringEntries r, CancellationToken ct) =>
        {
            var created = await r.SaveAsync(null, body, ct);
            return TypedResults.Created($"/api/v1/accounting/recurring/{created.Id}", created);
        });
        masters.MapPut("/recurring/{id:guid}", (Guid id, Recurring.RecurringEntryInput body, HttpRequest http, Recurring.RecurringEntries r, CancellationToken ct) =>
            r.SaveAsync(id, body with { Version = http.IfMatchVersion() ?? body.Version }, ct)).ForResource<Recurring.RecurringEntry>();
        post.MapPost("/recurring/run", async (Recurring.RecurringEntries r, CancellationToken ct) => new { Posted = await r.PostDueAsync(ct) });

        var reports = read.MapGroup("/reports");
        reports.MapGet("/trial-balance", (int year, int? from, int? to, Guid? department, TrialBalanceReport r, CancellationToken ct) =>
            r.RunAsync(year, from ?? 1, to ?? 12, department, ct));
        reports.MapGet("/profit-and-loss", async (int year, int? from, int? to, TrialBalanceReport r, CancellationToken ct) =>
            FinancialStatements.ProfitAndLoss(await r.RunAsync(year, from ?? 1, to ?? 12, null, ct)));
        reports.MapGet("/balance-sheet", async (int year, int? period, TrialBalanceReport r, LedgerContext ledger, CancellationToken ct) =>
            FinancialStatements.BalanceSheet(await r.RunAsync(year, 1, period ?? 12, null, ct), (await ledger.LoadAsync(ct)).RetainedEarnings));
        reports.MapGet("/monthly", (int year, MonthlyReports r, CancellationToken ct) => r.TrendAsync(year, ct));
        reports.MapGet("/departments", (int year, int? from, int? to, MonthlyReports r, CancellationToken ct) => r.DepartmentsAsync(year, from ?? 1, to ?? 12, ct));
        reports.MapGet("/general-ledger", (string account, int year, int? from, int? to, string? sub, string? after, int? size, GeneralLedgerReport r, CancellationToken ct) =>
            r.PageAsync(account, year, from ?? 1, to ?? 12, sub, after, size ?? 100, ct));
        reports.MapGet("/tax-summary", (int year, int? from, int? to, TaxSummaryReport r, CancellationToken ct) => r.RunAsync(year, from ?? 1, to ?? 12, ct));
    }
}
