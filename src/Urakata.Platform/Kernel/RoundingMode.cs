using System.Text.Json.Serialization;
namespace Urakata.Platform.Kernel;

/// <summary>
/// 端数処理 for a computed amount. Every mode acts on the magnitude (away from or towards zero), so a
/// refund or 返品 is the exact mirror of the sale: -¥10.5 half-up is -¥11, not -¥10.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoundingMode>))]
public enum RoundingMode
{
    /// <summary>切り捨て: towards zero (10.9 → 10, -10.9 → -10).</summary>
    Truncate,

    /// <summary>四捨五入: nearest, halves away from zero (10.5 → 11, -10.5 → -11).</summary>
    HalfUp,

    /// <summary>切り上げ: away from zero (10.1 → 11, -10.1 → -11).</summary>
    Ceiling,
}
