using Urakata.Accounting.Accounts;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Tax;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Journal;

/// <summary>A line with its account and dimensions resolved, its amount as entered (税込 where the code carries tax).</summary>
public sealed record ResolvedLine(Account Account, BalanceSide Side, long Amount, TaxCode? TaxCode, SubAccount? SubAccount, Guid? DepartmentId,
    Guid? PartnerId, string? Description, long? TaxAmount);

/// <summary>
/// Turns entered lines into posting lines. Under 税抜経理 a line whose code carries tax becomes 本体 plus a 仮払/仮受消費税等
/// line on the same side (11,000 → 10,000 + 1,000); under 税込経理 the line keeps the whole amount and records the tax in
/// it. From a non-registered supplier only the transitional share is split out, the rest stays in the cost (§1.5).
/// </summary>
public static class TaxSplitter
{
    public static List<PostingLine> Split(IReadOnlyList<ResolvedLine> lines, DateOnly date, LedgerSettings settings, TaxRateTable rates,
        Account inputTax, Account outputTax)
    {
        var result = new List<PostingLine>(lines.Count * 2);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var code = line.TaxCode;
            if (code is null || !code.CarriesTax)
            {
                var contained = code?.Treatment == TaxTreatment.Import ? line.Amount : 0;
                result.Add(new PostingLine(line.Account, line.Side, line.Amount, line.SubAccount, line.DepartmentId, line.PartnerId, code?.Code,
                    null, contained, false, line.Description));
                continue;
            }
            TaxRate rate;
            try
            {
                rate = rates.RateOn(code.RateKind, date);
            }
            catch (DomainException ex)
            {
                errors[$"lines[{i}].taxCode"] = [ex.Message];
                continue;
            }
            var share = rates.CreditableShare(code, date);
            var tax = line.TaxAmount ?? TaxCalculator.FromInclusive(line.Amount, rate.Rate, settings.Rounding, share).Tax;
            if (tax < 0 || tax > line.Amount)
            {
                errors[$"lines[{i}].taxAmount"] = [AccountingMessages.TaxAmountInvalid];
                continue;
            }
            if (settings.Bookkeeping == TaxBookkeeping.Inclusive || tax == 0)
            {
                result.Add(new PostingLine(line.Account, line.Side, line.Amount, line.SubAccount, line.DepartmentId, line.PartnerId, code.Code,
                    rate.Rate, tax, false, line.Description));
                continue;
            }
            result.Add(new PostingLine(line.Account, line.Side, line.Amount - tax, line.SubAccount, line.DepartmentId, line.PartnerId, code.Code,
                rate.Rate, tax, false, line.Description));
            result.Add(new PostingLine(code.Direction == TaxDirection.Sales ? outputTax : inputTax, line.Side, tax, null, line.DepartmentId,
                line.PartnerId, code.Code, rate.Rate, 0, true, line.Description));
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        return result;
    }
}
