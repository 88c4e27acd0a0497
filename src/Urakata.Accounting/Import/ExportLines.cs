using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Tax;

namespace Urakata.Accounting.Import;

/// <summary>
/// A posted line as a file shows it: 税込 amount and its tax (null where the code carries none), whatever the company's
/// 経理方式, and its 摘要 (the entry's where the line has none of its own).
/// </summary>
internal sealed record ExportLine(BalanceSide Side, JournalLineDto Line, long Amount, long? TaxAmount, string Description, bool Folded = false);

internal static class ExportLines
{
    /// <summary>
    /// Under 税抜経理 posting split a line into 本体 and a 仮払/仮受消費税等 line (<see cref="TaxSplitter"/>); a file
    /// carries the 税込 amount and the tax instead, as under 税込経理. So each tax line is added back to the line it was
    /// split from (same side and code, whose tax it is), and importing the file gives the entry that was posted.
    /// </summary>
    public static List<ExportLine> Fold(JournalEntryDto entry)
    {
        var result = new List<ExportLine>(entry.Lines.Count);
        foreach (var line in entry.Lines.OrderBy(l => l.LineNo))
        {
            var side = line.Debit != 0 ? BalanceSide.Debit : BalanceSide.Credit;
            var amount = line.Debit + line.Credit;
            if (line.IsTaxLine)
            {
                var main = result.FindLastIndex(x => !x.Folded && !x.Line.IsTaxLine && x.Side == side && x.Line.TaxCode == line.TaxCode
                    && x.Line.TaxAmount == amount);
                if (main >= 0)
                {
                    result[main] = result[main] with { Amount = checked(result[main].Amount + amount), Folded = true };
                    continue;
                }
            }
            var tax = TaxCodes.Find(line.TaxCode)?.CarriesTax == true && !line.IsTaxLine ? line.TaxAmount : (long?)null;
            result.Add(new ExportLine(side, line, amount, tax, string.IsNullOrEmpty(line.Description) ? entry.Description : line.Description));
        }
        return result;
    }
}

/// <summary>A posted entry as input again: to copy it into a new draft (仕訳の複写) or make it a monthly template.</summary>
public static class PostedEntryInput
{
    /// <summary>税込 amounts and tax codes as the entry was typed; the tax is left to be computed again on the new date.</summary>
    public static JournalEntryInput From(JournalEntryDto entry, DateOnly date) =>
        new(date, entry.Description, [.. ExportLines.Fold(entry).Select(l => new JournalLineInput(l.Side, l.Line.AccountCode, l.Amount, l.Line.TaxCode ?? "-",
            l.Line.SubAccountCode, l.Line.DepartmentCode, l.Line.PartnerCode, l.Description == entry.Description ? null : l.Description))]);
}
