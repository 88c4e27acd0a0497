using System.Runtime.CompilerServices;

namespace Urakata.Platform.Tabular;

/// <summary>A column of an export: its header and how a row item gives its cell.</summary>
public sealed record TableColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// What an export writes: headers and rows of cells, read once and lazily (a query's rows go to the file as they come,
/// nothing is held twice). A cell is a string, a number, a <see cref="DateOnly"/> or <see cref="DateTime"/>, a bool,
/// <see cref="Kernel.Money"/> or null; anything else is written as its invariant text.
/// </summary>
public sealed class Table
{
    private readonly IEnumerable<IReadOnlyList<object?>>? _rows;
    private readonly IAsyncEnumerable<IReadOnlyList<object?>>? _asyncRows;

    private Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>>? rows, IAsyncEnumerable<IReadOnlyList<object?>>? asyncRows)
    {
        Headers = headers;
        _rows = rows;
        _asyncRows = asyncRows;
    }

    public IReadOnlyList<string> Headers { get; }

    public static Table Of(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) => new(headers, rows, null);

    public static Table Of(IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows) => new(headers, null, rows);

    public static Table Of<T>(IEnumerable<T> items, IReadOnlyList<TableColumn<T>> columns) =>
        new([.. columns.Select(c => c.Header)], items.Select(item => Cells(item, columns)), null);

    public static Table Of<T>(IAsyncEnumerable<T> items, IReadOnlyList<TableColumn<T>> columns) =>
        new([.. columns.Select(c => c.Header)], null, items.Select(item => Cells(item, columns)));

    /// <summary>The rows, whichever way they were given.</summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (_asyncRows is not null)
        {
            await foreach (var row in _asyncRows.WithCancellation(ct))
            {
                yield return row;
            }
            yield break;
        }
        foreach (var row in _rows!)
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static object?[] Cells<T>(T item, IReadOnlyList<TableColumn<T>> columns)
    {
        var cells = new object?[columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = columns[i].Value(item);
        }
        return cells;
    }
}
