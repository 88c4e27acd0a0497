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

    /// <summary>
    /// Every data row after the header through <paramref name="read"/> (null: the row had errors, already added), with its
    /// row number. A file with no data row is an error at row 2; a file that cannot be read (encoding, quoting) gives its errors.
    /// </summary>
    public static List<(int Row, T Item)> ReadRows<T>(Stream file, IReadOnlyList<ImportColumn> columns, List<RowError> errors, Func<CsvRecord, int[], T?> read)
        where T : class
    {
        var rows = new List<(int Row, T Item)>();
        try
        {
            using var reader = CsvTableReader.Open(file, leaveOpen: true);
            int[]? map = null;
            foreach (var record in reader.ReadRecords())
            {
                if (map is null)
                {
                    map = MapHeader(record, columns, errors);
                    if (map is null)
                    {
                        break;
                    }
                    continue;
                }
                if (read(record, map) is { } item)
                {
                    rows.Add((record.Row, item));
                }
            }
            if (map is not null && rows.Count == 0 && errors.Count == 0)
            {
                errors.Add(new RowError(2, "", PeopleMessages.ImportEmpty));
            }
        }
        catch (TabularException ex)
        {
            errors.AddRange(ex.Errors);
        }
        return rows;
    }
}
