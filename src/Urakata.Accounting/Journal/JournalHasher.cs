using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Urakata.Accounting.Journal;

/// <summary>
/// The hash of a posted entry: SHA-256 over its header, every line and the previous entry's hash, so a changed
/// amount, date or account, a deleted line or a deleted entry breaks the chain from that entry on.
/// </summary>
public static class JournalHasher
{
    public static string Compute(JournalEntry e)
    {
        var text = new StringBuilder(512);
        Append(text, e.Id.ToString("D"), e.CompanyId.ToString("D"), Int(e.FiscalYear), Int(e.Period), Date(e.Date), Long(e.Number), Long(e.TotalAmount),
            e.Kind.ToString(), e.Description, e.ReversalOf?.ToString("D") ?? "", e.Source, e.SourceKey ?? "",
            e.PostedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            e.PostedBy?.ToString("D") ?? "", e.PostedByName, Long(e.ChainSequence), e.PreviousHash);
        foreach (var l in e.Lines.OrderBy(l => l.LineNo))
        {
            Append(text, "L", Int(l.LineNo), Long(l.EntryNumber), Date(l.Date), Int(l.Period), l.AccountId.ToString("D"), l.SubAccountId?.ToString("D") ?? "",
                l.DepartmentId?.ToString("D") ?? "", l.PartnerId?.ToString("D") ?? "", Long(l.Debit), Long(l.Credit), l.TaxCode ?? "",
                l.TaxRate?.ToString("0.######", CultureInfo.InvariantCulture) ?? "", Long(l.TaxAmount), l.IsTaxLine ? "1" : "0", l.Description);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, params string[] fields)
    {
        foreach (var field in fields)
        {
            text.Append(field).Append('\u001f');
        }
        text.Append('\u001e');
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
