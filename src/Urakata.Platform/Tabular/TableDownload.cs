using Microsoft.AspNetCore.Http;

namespace Urakata.Platform.Tabular;

/// <summary>
/// A <see cref="Table"/> as the file a user downloads: <c>xlsx</c>, <c>csv-sjis</c> (Shift_JIS, as Excel on Japanese Windows
/// saves it), <c>pdf</c> (A4 with a title, a subtitle and the time it was printed) or, by default, UTF-8 CSV
/// with a BOM. A value Shift_JIS cannot hold answers 400 naming the row and column, not a file with "?" in it.
/// </summary>
public static class TableDownload
{
    public static async Task<IResult> FileAsync(string? format, string name, Table table, CancellationToken ct, string? subtitle = null,
        TimeProvider? clock = null)
    {
        var buffer = new MemoryStream();
        try
        {
            switch (format)
            {
                case "pdf":
                    var pdf = await PdfTableWriter.RenderAsync(name.Replace('_', ' '), subtitle, table, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, ct);
                    return TypedResults.File(pdf, "application/pdf", name + ".pdf");
                case "xlsx":
                    await XlsxTableWriter.WriteAsync(buffer, table, "Sheet1", ct);
                    return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
                case "csv-sjis":
                    await CsvTableWriter.WriteAsync(buffer, table, new CsvWriteOptions(CsvTextEncoding.ShiftJis), ct);
                    return TypedResults.File(buffer.ToArray(), "text/csv; charset=shift_jis", name + ".csv");
                default:
                    await CsvTableWriter.WriteAsync(buffer, table, CsvWriteOptions.Default, ct);
                    return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
            }
        }
        catch (TabularException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.GroupBy(e => $"row {e.Row}.{e.Column}").ToDictionary(e => e.Key, e => e.Select(x => x.Message).ToArray()));
        }
    }
}
