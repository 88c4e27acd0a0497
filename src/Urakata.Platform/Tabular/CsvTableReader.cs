using System.Buffers;
using System.Text;
using CsvHelper;

namespace Urakata.Platform.Tabular;

/// <summary>One record of a CSV file; <see cref="Row"/> is 1-based and counts the header and empty lines, as Excel does.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Fields)
{
    /// <summary>Field <paramref name="index"/>, or "" past the end of a short record.</summary>
    public string this[int index] => index < Fields.Count ? Fields[index] : "";
}

/// <summary>
/// Reads a CSV file that a person or another program made: UTF-8 (with or without a byte order mark) or, when the bytes
/// are not valid UTF-8, Shift_JIS (CP932); comma separated, quoted fields may hold commas, quotes and line breaks.
/// Empty lines are passed over but counted, so row numbers match what the user sees.
/// </summary>
public sealed class CsvTableReader : IDisposable
{
    private const int ChunkSize = 1 << 16;
    private readonly Stream _input;
    private readonly bool _leaveOpen;

    private CsvTableReader(Stream input, bool leaveOpen, CsvTextEncoding encoding)
    {
        _input = input;
        _leaveOpen = leaveOpen;
        DetectedEncoding = encoding;
    }

    /// <summary>UTF-8 (BOM or not) is reported as <see cref="CsvTextEncoding.Utf8Bom"/>.</summary>
    public CsvTextEncoding DetectedEncoding { get; }

    public static CsvTableReader Open(byte[] content) => Open(new MemoryStream(content, writable: false), leaveOpen: false);

    /// <summary>
    /// Detects the encoding by reading <paramref name="input"/> once and rewinding it; a stream that cannot seek is copied
    /// into memory first. Throws <see cref="TabularException"/> when the bytes are neither UTF-8 nor Shift_JIS.
    /// </summary>
    public static CsvTableReader Open(Stream input, bool leaveOpen = false)
    {
        if (!input.CanSeek)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            copy.Position = 0;
            if (!leaveOpen)
            {
                input.Dispose();
            }
            (input, leaveOpen) = (copy, false);
        }
        var start = input.Position;
        var utf8 = Validate(input, new UTF8Encoding(false, true), out _);
        input.Position = start;
        if (!utf8)
        {
            var shiftJis = Validate(input, ShiftJis.Encoding, out var badRow);
            input.Position = start;
            if (!shiftJis)
            {
                if (!leaveOpen)
                {
                    input.Dispose();
                }
                throw new TabularException([new RowError(badRow, "", Messages.TabularEncodingUnknown)]);
            }
        }
        return new CsvTableReader(input, leaveOpen, utf8 ? CsvTextEncoding.Utf8Bom : CsvTextEncoding.ShiftJis);
    }

    /// <summary>
    /// The non-empty records, in order, read as they are enumerated (once). Quotes that do not pair up stop the reading
    /// with a <see cref="TabularException"/> naming the row: what follows cannot be trusted.
    /// </summary>
    public IEnumerable<CsvRecord> ReadRecords()
    {
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            Encoding = DetectedEncoding == CsvTextEncoding.ShiftJis ? ShiftJis.Encoding : null,
        };
        using var reader = CsvReader.Create(_input, options, leaveOpen: true);
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }
            }
            catch (CsvFormatException ex)
            {
                throw new TabularException([new RowError((int)ex.RecordNumber, "", Messages.TabularQuotesMalformed)]);
            }
            if (reader.FieldCount == 1 && reader.IsEmpty(0))
            {
                continue;
            }
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }
            yield return new CsvRecord((int)reader.RowNumber, fields);
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _input.Dispose();
        }
    }

    /// <summary>Whether the rest of <paramref name="input"/> decodes strictly; if not, the line where it failed.</summary>
    private static bool Validate(Stream input, Encoding encoding, out int badRow)
    {
        var decoder = encoding.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(ChunkSize));
        badRow = 1;
        try
        {
            int read;
            while ((read = input.Read(bytes, 0, ChunkSize)) > 0)
            {
                try
                {
                    decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                }
                catch (DecoderFallbackException ex)
                {
                    badRow += bytes.AsSpan(0, Math.Clamp(ex.Index, 0, read)).Count((byte)'\n');
                    return false;
                }
                badRow += bytes.AsSpan(0, read).Count((byte)'\n');
            }
            try
            {
                decoder.GetChars([], 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
