using System.Globalization;
using System.Text;

namespace Urakata.Bench;

/// <summary>Latency of one measure, in milliseconds (nearest-rank percentiles).</summary>
public sealed record Latency(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, sorted.Average(), Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }
}

/// <summary>The figures of one run: printed as aligned tables and written as Markdown.</summary>
public sealed class Report
{
    private readonly List<(string Section, string Measure, string Value)> _facts = [];
    private readonly List<(string Measure, Latency Latency, string Note)> _latencies = [];
    private readonly List<string> _notes = [];

    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public void Fact(string section, string measure, FormattableString value) => _facts.Add((section, measure, F(value)));

    public void Fact(string section, string measure, string value) => _facts.Add((section, measure, value));

    public void Latency(string measure, Latency latency, string note = "") => _latencies.Add((measure, latency, note));

    public void Note(string note) => _notes.Add(note);

    private readonly List<string> _markdown = [];

    /// <summary>A Markdown block (a summary table) printed before the facts and written at the top of the results file.</summary>
    public void Markdown(string block) => _markdown.Add(block);

    public IReadOnlyList<(string Measure, Latency Latency, string Note)> Latencies => _latencies;

    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var block in _markdown)
        {
            sb.AppendLine(block);
        }
        var width = _facts.Select(f => f.Measure.Length).DefaultIfEmpty(10).Max();
        foreach (var group in _facts.GroupBy(f => f.Section))
        {
            sb.AppendLine(F($"== {group.Key}"));
            foreach (var (_, measure, value) in group)
            {
                sb.AppendLine(F($"  {measure.PadRight(width)} {value}"));
            }
        }
        if (_latencies.Count > 0)
        {
            var name = _latencies.Max(l => l.Measure.Length);
            sb.AppendLine("== Latency (ms, one caller at a time)");
            sb.AppendLine(F($"  {"measure".PadRight(name)}  {"n",6} {"mean",8} {"p50",8} {"p95",8} {"p99",8} {"max",8}  note"));
            foreach (var (measure, l, note) in _latencies)
            {
                sb.AppendLine(F($"  {measure.PadRight(name)}  {l.Count,6} {l.Mean,8:0.00} {l.P50,8:0.00} {l.P95,8:0.00} {l.P99,8:0.00} {l.Max,8:0.00}  {note}"));
            }
        }
        foreach (var note in _notes)
        {
            sb.AppendLine(F($"note: {note}"));
        }
        return sb.ToString();
    }

    public string ToMarkdown(string title, string command)
    {
        var sb = new StringBuilder();
        sb.AppendLine(F($"# {title}")).AppendLine();
        sb.AppendLine("Written by `bench/Urakata.Bench` (see `bench/README.md`); numbers are from one run on the machine described below.").AppendLine();
        sb.AppendLine("```").AppendLine(command).AppendLine("```").AppendLine();
        foreach (var block in _markdown)
        {
            sb.AppendLine(block);
        }
        foreach (var group in _facts.GroupBy(f => f.Section))
        {
            sb.AppendLine(F($"## {group.Key}")).AppendLine();
            sb.AppendLine("| measure | value |").AppendLine("|---|---|");
            foreach (var (_, measure, value) in group)
            {
                sb.AppendLine(F($"| {measure} | {value} |"));
            }
            sb.AppendLine();
        }
        if (_latencies.Count > 0)
        {
            sb.AppendLine("## Latency (ms, one caller at a time)").AppendLine();
            sb.AppendLine("| measure | n | mean | p50 | p95 | p99 | max | note |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
            foreach (var (measure, l, note) in _latencies)
            {
                sb.AppendLine(F($"| {measure} | {l.Count} | {l.Mean:0.00} | {l.P50:0.00} | {l.P95:0.00} | {l.P99:0.00} | {l.Max:0.00} | {note} |"));
            }
            sb.AppendLine();
        }
        if (_notes.Count > 0)
        {
            sb.AppendLine("## Notes").AppendLine();
            foreach (var note in _notes)
            {
                sb.AppendLine(F($"- {note}"));
            }
        }
        return sb.ToString();
    }
}
