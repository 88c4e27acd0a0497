using Urakata.Accounting.Tax;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Import;

/// <summary>One 弥生 税区分 text and our tax code for it (null: no tax code, 対象外).</summary>
public sealed record YayoiTaxEntry(string YayoiName, string? TaxCode);

/// <summary>
/// 弥生's 税区分 texts ↔ our tax codes. A table, not code: the texts of the invoice era are unconfirmed (reference §8.2
/// and §9.6 mark them [U]), 弥生 editions differ, and a company that finds another text adds a row. The first entry of
/// a code is what an export writes.
/// </summary>
public sealed class YayoiTaxMap
{
    private readonly Dictionary<string, string?> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byCode = new(StringComparer.OrdinalIgnoreCase);

    public YayoiTaxMap(IEnumerable<YayoiTaxEntry> entries)
    {
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            if (entry.TaxCode is not null && TaxCodes.Find(entry.TaxCode) is null)
            {
                throw new ArgumentException($"'{entry.TaxCode}' (for 弥生's '{entry.YayoiName}') is not a tax code.", nameof(entries));
            }
            _byName[Key(entry.YayoiName)] = entry.TaxCode;
            _byCode.TryAdd(entry.TaxCode ?? "", entry.YayoiName);
        }
    }

    public IReadOnlyList<YayoiTaxEntry> Entries { get; }

    /// <summary>
    /// The texts 弥生会計 uses as far as they are known. Only the pre-invoice basics are [GK]; every text marked [U] below
    /// (the transitional 控80 purchases, 不課税, the 内税 spellings) is a guess to be checked against a real 弥生 export.
    /// </summary>
    public static YayoiTaxMap Default { get; } = new(
    [
        new("課税売上10%", "S-10"),
        new("課税売上8%(軽)", "S-08R"),
        new("課対仕入10%", "P-10"),
        new("課対仕入8%(軽)", "P-08R"),
        new("課対仕入(控80)10%", "P-10-T"), // [U]
        new("課対仕入(控80)8%(軽)", "P-08R-T"), // [U]
        new("非課売上", "S-NT"),
        new("非課仕入", "P-NT"),
        new("輸出売上", "S-EX"),
        new("課税売返10%", "S-RET-10"),
        new("課税売返8%(軽)", "S-RET-08R"),
        new("課対仕返10%", "P-RET-10"),
        new("課対仕返8%(軽)", "P-RET-08R"),
        new("不課税売上", "S-OUT"), // [U]
        new("不課税仕入", "P-OUT"), // [U]
        new("対象外", null),
        // 内税 spellings some editions write under 税込経理. [U]
        new("課税売上内10%", "S-10"),
        new("課税売上内8%(軽)", "S-08R"),
        new("課対仕入内10%", "P-10"),
        new("課対仕入内8%(軽)", "P-08R"),
    ]);

    /// <summary>A copy with <paramref name="yayoiName"/> meaning <paramref name="taxCode"/> (added, or replacing its row).</summary>
    public YayoiTaxMap With(string yayoiName, string? taxCode) =>
        new([.. Entries.Where(e => Key(e.YayoiName) != Key(yayoiName)), new YayoiTaxEntry(yayoiName, taxCode)]);

    /// <summary>
    /// Our tax code for a 弥生 text (full-width ％ and （） match too); our own codes are accepted as well, which is what
    /// <see cref="YayoiName"/> writes for a code the table lacks. False when the text is unknown.
    /// </summary>
    public bool TryFind(string yayoiName, out string? taxCode)
    {
        if (_byName.TryGetValue(Key(yayoiName), out taxCode))
        {
            return true;
        }
        taxCode = TaxCodes.Find(yayoiName)?.Code;
        return taxCode is not null;
    }

    /// <summary>The 弥生 text for our code: the table's first row for it, else the code itself (弥生 then rejects the row visibly).</summary>
    public string YayoiName(string? taxCode) => _byCode.TryGetValue(taxCode ?? "", out var name) ? name : taxCode ?? "";

    private static string Key(string text) => JapaneseText.Narrow(text);
}
