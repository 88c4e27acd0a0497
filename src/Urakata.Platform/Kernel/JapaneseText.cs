using System.Text;

namespace Urakata.Platform.Kernel;

/// <summary>Normalisation of what Japanese users type or paste.</summary>
public static class JapaneseText
{
    /// <summary>
    /// NFKC: full-width digits and letters become half-width and half-width kana become full-width,
    /// so "１２３４" from a PDF and "1234" typed by hand compare equal.
    /// </summary>
    public static string Narrow(string value) => value.Trim().Normalize(NormalizationForm.FormKC);
}
