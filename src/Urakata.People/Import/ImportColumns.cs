using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.People.Import;

/// <summary>A column of an import file: its place in the template, its Japanese and English header, and its label in errors.</summary>
internal sealed record ImportColumn(int Ordinal, string Japanese, string English, bool Required, Func<string> Label);

/// <summary>The header row of an import file: columns in any order, named in Japanese or English (full-width letters folded).</summary>
internal static class ImportColumns
{
    /// <summary>The field index of each column (−1 when absent), or null with an error per missing required column.</summary>
    public static int[]? MapHeader(CsvRecord header, IReadOnlyList<ImportColumn> columns, List<RowError> errors)
    {
        var map = new int[columns.Count];
        Array.Fill(map, -1);
        for (var i = header.Fields.Count - 1; i >= 0; i--)
        {
            var name = JapaneseText.Narrow(header.Fields[i]);
            if (columns.FirstOrDefault(c => c.Japanese == name || string.Equals(c.English, name, StringComparison.OrdinalIgnoreCase)) is { } column)
            {
                map[column.Ordinal] = i;
            }
        }
        var missing = columns.Where(c => c.Required && map[c.Ordinal] < 0).ToList();
        foreach (var column in missing)
        {
            errors.Add(new RowError(header.Row, column.Label(), PeopleMessages.Format(PeopleMessages.ImportHeaderMissing, column.Japanese)));
        }
        return missing.Count == 0 ? map : null;
    }
}
