using System.Globalization;
using System.Runtime.CompilerServices;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Urakata.Platform.Kernel;

namespace Urakata.Platform.Tabular;

/// <summary>
/// Writes a <see cref="Table"/> as an .xlsx workbook of one sheet (MiniExcel, streamed row by row): numbers stay numbers,
/// dates are date cells, the header row is frozen. MiniExcel finishes the zip with synchronous writes, so give it a
/// file or a buffer rather than an HTTP response body.
/// </summary>
public static class XlsxTableWriter
{
    public static Task WriteAsync(Stream output, Table table, string sheetName = "Sheet1", CancellationToken ct = default)
    {
        var configuration = new OpenXmlConfiguration
        {
            // Text that happens to be a file path or bytes must stay text, not become an embedded picture.
            EnableWriteFilePath = false,
            EnableConvertByteArray = false,
            FreezeRowCount = 1,
        };
        // The header goes in as the first row of values: MiniExcel's own header comes from the first row's keys, so an
        // empty table would have none and two columns could not share a name.
        return MiniExcel.SaveAsAsync(output, Rows(table, ct), printHeader: false, sheetName: sheetName, configuration: configuration,
            cancellationToken: ct);
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Rows(Table table, [EnumeratorCancellation] CancellationToken ct)
    {
        var keys = Enumerable.Range(0, table.Headers.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        yield return Row(keys, table.Headers);
        await foreach (var cells in table.ReadAsync(ct))
        {
            yield return Row(keys, cells);
        }
    }

    private static Dictionary<string, object?> Row<T>(string[] keys, IReadOnlyList<T> cells)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            row[keys[i]] = i < cells.Count ? Cell(cells[i]) : null;
        }
        return row;
    }

    private static object? Cell(object? value) => value switch
    {
        Money m => m.Amount,
        DateTimeOffset o => o.DateTime,
        null or string or bool or DateOnly or DateTime or byte or short or int or long or decimal or double or float => value,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
