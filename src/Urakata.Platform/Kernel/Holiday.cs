namespace Urakata.Platform.Kernel;

/// <summary>A day off under 国民の祝日に関する法律 (or one of the special laws that declared a one-off 休日).</summary>
public sealed record Holiday(DateOnly Date, string NameJa, string NameEn, HolidayKind Kind);

public enum HolidayKind
{
    /// <summary>国民の祝日 (祝日法2条), including one-off days that special laws treat as 祝日.</summary>
    National,

    /// <summary>振替休日 (祝日法3条2項).</summary>
    Substitute,

    /// <summary>国民の休日 (祝日法3条3項): a weekday sandwiched between two 国民の祝日.</summary>
    Bridge,
}
