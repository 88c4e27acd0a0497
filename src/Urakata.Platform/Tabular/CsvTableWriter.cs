using System.Globalization;
using CsvHelper;
using Urakata.Platform.Kernel;

namespace Urakata.Platform.Tabular;

public enum CsvTextEncoding
{
    /// <summary>UTF-8 with a byte order mark, without which Excel reads the file as Shift_JIS and garbles it.</summary>
    Utf8Bom,
    /// <summary>Shift_JIS (CP932), what older Japanese software (弥生, banks, 給与 software) reads and writes.</summary>
    ShiftJis,
}

/// <param name="WriteHeader">
/// Whether the headers are the first record. Without it (弥生's file has none) the headers still name the columns in
/// errors, and row 1 is the first row of data.
/// </param>
public sealed record CsvWriteOptions(CsvTextEncoding Encoding = CsvTextEncoding.Utf8Bom, bool WriteHeader = true,
    string DateFormat = "yyyy/MM/dd", string DateTimeFormat = "yyyy/MM/dd HH:mm:ss")
{
    public static CsvWriteOptions Default { get; } = new();
}

/// <summary>
/// Writes a <see cref="Table"/> as RFC 4180 CSV (comma, CRLF, quotes where needed), culture-independent: numbers as
/// plain digits, dates in <see cref="CsvWriteOptions.DateFormat"/>.
/// </summary>
public static class CsvTableWriter
{
    /// <summary>After this many, the rest of the file is not looked at: a person fixes these first.</summary>
    public const int MaxErrors = 100;

    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="output"/> row by row. In Shift_JIS, every cell with a character
    /// CP932 lacks and cannot be mapped (<see cref="ShiftJis"/>) is collected, and <see cref="TabularException"/> names
    /// them all at the end: the output is then incomplete and must be discarded (write to a file or a buffer, not to a
    /// response that has started).
    /// </summary>
    public static async Task WriteAsync(Stream output, Table table, CsvWriteOptions? options = null, CancellationToken ct = default)
    {
        options ??= CsvWriteOptions.Default;
        var shiftJis = options.Encoding == CsvTextEncoding.ShiftJis;
        var writerOptions = CsvWriterOptions.Default with
        {
            Separator = ',',
            NewLine = "\r\n",
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = !shiftJis,
        };
        // CsvHelper writes UTF-8 to a stream; for Shift_JIS it hands text to a writer whose encoder throws rather than
        // write '?' (the cells were checked before, so it never does).
        await using var csv = shiftJis
            ? CsvWriter.Create(new StreamWriter(output, ShiftJis.Encoding, 1 << 16, leaveOpen: true), writerOptions, leaveOpen: false)
            : CsvWriter.Create(output, writerOptions, leaveOpen: true);
        var errors = new List<RowError>();
        var row = 0;
        if (options.WriteHeader)
        {
            row++;
            WriteRecord(csv, table.Headers, table.Headers, row, shiftJis, options, errors);
            await csv.EndRecordAsync(ct);
        }
        await foreach (var cells in table.ReadAsync(ct))
        {
            row++;
            WriteRecord(csv, cells, table.Headers, row, shiftJis, options, errors);
            await csv.EndRecordAsync(ct);
            if (errors.Count >= MaxErrors)
            {
                break;
            }
        }
        await csv.FlushAsync(ct);
        if (errors.Count > 0)
        {
            throw new TabularException(errors);
        }
    }

    /// <summary>A cell as CSV text: invariant numbers, the options' date formats, TRUE/FALSE as Excel writes them.</summary>
    public static string? Text(object? value, CsvWriteOptions options) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString(options.DateFormat, CultureInfo.InvariantCulture),
        DateTime t => t.ToString(options.DateTimeFormat, CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        Money m => m.Amount.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void WriteRecord<T>(CsvWriter csv, IReadOnlyList<T> cells, IReadOnlyList<string> headers, int row, bool shiftJis,
        CsvWriteOptions options, List<RowError> errors)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var text = Text(cells[i], options);
            if (shiftJis && text is not null)
            {
                text = ShiftJis.Map(text);
                var bad = ShiftJis.Unencodable(text);
                if (bad.Count > 0)
                {
                    var column = i < headers.Count ? headers[i] : (i + 1).ToString(CultureInfo.InvariantCulture);
                    errors.AddRange(bad.Select(c => new RowError(row, column, Messages.TabularCharacterNotInShiftJis(c))));
                    text = "";
                }
            }
            csv.WriteField(text);
        }
    }
}
