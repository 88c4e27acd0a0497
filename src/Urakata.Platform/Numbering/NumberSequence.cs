namespace Urakata.Platform.Numbering;

/// <summary>The next free number of one sequence (company × kind × fiscal year).</summary>
public sealed class NumberSequence
{
    public Guid CompanyId { get; init; }
    public string Kind { get; init; } = "";
    public int FiscalYear { get; init; }
    public long NextValue { get; set; } = 1;
}
