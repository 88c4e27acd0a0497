namespace Urakata.Platform.Tabular;

/// <summary>
/// One problem in a file, where a person finds it: <paramref name="Row"/> is 1-based and counts every record of the file
/// (the header too, and empty lines), as a spreadsheet numbers its rows; <paramref name="Column"/> is the column's name.
/// </summary>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>A file that cannot be written or read as a whole; <see cref="Errors"/> says where and why.</summary>
public sealed class TabularException(IReadOnlyList<RowError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => $"{e.Row}: {e.Column}: {e.Message}")))
{
    public IReadOnlyList<RowError> Errors { get; } = errors;
}
