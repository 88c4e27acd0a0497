using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Urakata.Platform;
using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.Tests.Platform;

/// <summary>CSV out: UTF-8 that Excel opens, Shift_JIS that never writes '?' (DESIGN.md, Parts: CSV).</summary>
public sealed class CsvExportTests
{
    private static readonly string[] Headers = ["取引先", "金額", "日付", "摘要"];

    internal static Table Sample(params IReadOnlyList<object?>[] rows) => Table.Of(Headers, rows);

    internal static async Task<byte[]> Write(Table table, CsvWriteOptions? options = null)
    {
        using var output = new MemoryStream();
        await CsvTableWriter.WriteAsync(output, table, options);
        return output.ToArray();
    }

    [Fact]
    public async Task Utf8_StartsWithTheByteOrderMark_AndEndsRecordsWithCrLf()
    {
        var bytes = await Write(Sample(["株式会社サンプル", 12_345L, new DateOnly(2026, 4, 1), "「見積」, \"特急\"\n2行目"]));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal("取引先,金額,日付,摘要\r\n株式会社サンプル,12345,2026/04/01,\"「見積」, \"\"特急\"\"\n2行目\"\r\n", text);
    }

    [Fact]
    public async Task NumbersAndDates_DoNotDependOnTheServersCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var bytes = await Write(Table.Of(["a", "b", "c", "d"], [[1234.5m, 1_000_000L, new DateTime(2026, 4, 1, 9, 5, 0), Money.Yen(-300)]]),
                new CsvWriteOptions(WriteHeader: false));
            Assert.Equal("1234.5,1000000,2026/04/01 09:05:00,-300\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task ShiftJis_WritesCp932Bytes_WithoutBom_AndReadsBack()
    {
        const string name = "株式会社サンプル／ｶﾀｶﾅ";
        var bytes = await Write(Sample([name, 1L, null, "①㈱"]), new CsvWriteOptions(CsvTextEncoding.ShiftJis));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(ShiftJis.Encoding.GetBytes($"取引先,金額,日付,摘要\r\n{name},1,,①㈱\r\n"), bytes);
        // ｶﾀｶﾅ stays half-width: one byte each (B6 C0 B6 C5), as bank and 弥生 files expect.
        Assert.True(bytes.AsSpan().IndexOf((byte[])[0xB6, 0xC0, 0xB6, 0xC5]) > 0);

        using var reader = CsvTableReader.Open(bytes);
        Assert.Equal(CsvTextEncoding.ShiftJis, reader.DetectedEncoding);
        Assert.Equal(name, reader.ReadRecords().ElementAt(1)[0]);
    }

    [Theory]
    [InlineData("10〜20", "10～20")] // WAVE DASH → FULLWIDTH TILDE
    [InlineData("−500", "－500")] // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
    [InlineData("A—B", "A―B")] // EM DASH → HORIZONTAL BAR
    [InlineData("‖", "∥")]
    [InlineData("¢£¬¦¥‾", "￠￡￢￤￥￣")]
    [InlineData("a\u00A0b", "a b")]
    public async Task ShiftJis_MapsCharactersThatHaveAStandardCp932Form(string text, string expected)
    {
        var bytes = await Write(Table.Of(["摘要"], [[text]]), new CsvWriteOptions(CsvTextEncoding.ShiftJis, WriteHeader: false));
        Assert.DoesNotContain((byte)'?', bytes);
        Assert.Equal(expected + "\r\n", ShiftJis.Encoding.GetString(bytes));
    }

    [Fact]
    public void ShiftJis_WaveDash_BecomesTheBytesWindowsWrites()
    {
        Assert.Equal([0x81, 0x60], ShiftJis.Encoding.GetBytes(ShiftJis.Map("〜")));
    }

    [Fact]
    public async Task ShiftJis_ACharacterWithoutAnyForm_IsReportedByRowAndColumn_NeverWrittenAsQuestionMark()
    {
        var ex = await Assert.ThrowsAsync<TabularException>(() => Write(
            Sample(["吉田商店", 1L, null, "ok"], ["𠮷野家", 2L, null, "€100 と 𠮷 と €"]), new CsvWriteOptions(CsvTextEncoding.ShiftJis)));
        Assert.Equal([(3, "取引先"), (3, "摘要"), (3, "摘要")], ex.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("𠮷", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("U+20BB7", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("€", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("𠮷", ex.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShiftJis_WithoutHeader_CountsRowsFromTheFirstDataRow()
    {
        var ex = await Assert.ThrowsAsync<TabularException>(() => Write(Sample(["a", 1L, null, "é"]),
            new CsvWriteOptions(CsvTextEncoding.ShiftJis, WriteHeader: false)));
        Assert.Equal(new RowError(1, "摘要", Messages.TabularCharacterNotInShiftJis('é')), Assert.Single(ex.Errors));
    }

    [Fact]
    public async Task Rows_AreStreamed_FromAnAsyncSource()
    {
        static async IAsyncEnumerable<(string Name, long Amount)> Source()
        {
            for (var i = 1; i <= 3; i++)
            {
                await Task.Yield();
                yield return ($"取引先{i}", i * 1_000L);
            }
        }
        var bytes = await Write(Table.Of(Source(), [new TableColumn<(string Name, long Amount)>("名前", x => x.Name), new("金額", x => x.Amount)]));
        Assert.Equal("名前,金額\r\n取引先1,1000\r\n取引先2,2000\r\n取引先3,3000\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }
}

/// <summary>CSV in: the encoding is recognised, quoted fields and CRLF are handled, and rows are numbered as Excel shows them.</summary>
public sealed class CsvReadTests
{
    private const string Text = "名前,金額,メモ\r\n株式会社サンプル,1000,\"改行\r\nあり\"\r\n\r\n\"カンマ,と\"\"引用符\"\"\",2000,\r\n";

    public static TheoryData<string, byte[], CsvTextEncoding> Encodings() => new()
    {
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)], CsvTextEncoding.Utf8Bom },
        { "UTF-8 without BOM", Encoding.UTF8.GetBytes(Text), CsvTextEncoding.Utf8Bom },
        { "Shift_JIS", ShiftJis.Encoding.GetBytes(Text), CsvTextEncoding.ShiftJis },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Open_DetectsTheEncoding_AndReadsTheSameRecords(string name, byte[] bytes, CsvTextEncoding expected)
    {
        using var reader = CsvTableReader.Open(new MemoryStream(bytes));
        Assert.True(reader.DetectedEncoding == expected, $"{name} read as {reader.DetectedEncoding}");
        var records = reader.ReadRecords().ToList();
        Assert.Equal([1, 2, 4], records.Select(r => r.Row)); // the empty line is row 3, as in Excel
        Assert.Equal(["名前", "金額", "メモ"], records[0].Fields);
        Assert.Equal(["株式会社サンプル", "1000", "改行\r\nあり"], records[1].Fields);
        Assert.Equal(["カンマ,と\"引用符\"", "2000", ""], records[2].Fields);
        Assert.Equal("", records[2][7]);
    }

    [Fact]
    public void ReadRecords_LfLineEnds_AreReadToo()
    {
        using var reader = CsvTableReader.Open(Encoding.UTF8.GetBytes("a,b\n\nc,d\n"));
        Assert.Equal([(1, "a"), (3, "c")], reader.ReadRecords().Select(r => (r.Row, r[0])));
    }

    [Fact]
    public void Open_AStreamThatCannotSeek_IsBufferedFirst()
    {
        using var reader = CsvTableReader.Open(new ForwardOnlyStream(ShiftJis.Encoding.GetBytes("ｶﾀｶﾅ,～\r\n")));
        Assert.Equal(CsvTextEncoding.ShiftJis, reader.DetectedEncoding);
        Assert.Equal(["ｶﾀｶﾅ", "～"], Assert.Single(reader.ReadRecords()).Fields);
    }

    [Fact]
    public void Open_BytesThatAreNeitherUtf8NorShiftJis_AreRejectedWithTheirRow()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("a,b\r\nc,d\r\n"), 0x81, 0x20, 0xFF, 0xFF];
        var ex = Assert.Throws<TabularException>(() => CsvTableReader.Open(bytes));
        Assert.Equal(new RowError(3, "", Messages.TabularEncodingUnknown), Assert.Single(ex.Errors));
    }

    [Fact]
    public void ReadRecords_QuotesThatDoNotPairUp_NameTheRow()
    {
        using var reader = CsvTableReader.Open(Encoding.UTF8.GetBytes("a,b\r\n\"x\"y,z\r\n"));
        var ex = Assert.Throws<TabularException>(() => reader.ReadRecords().ToList());
        Assert.Equal(2, Assert.Single(ex.Errors).Row);
    }

    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Excel out: the workbook opens back with the same values and types, headers in Japanese.</summary>
public sealed class XlsxExportTests
{
    private static async Task<List<IDictionary<string, object?>>> RoundTrip(Table table)
    {
        using var output = new MemoryStream();
        await XlsxTableWriter.WriteAsync(output, table, "仕訳");
        output.Position = 0;
        Assert.Equal(["仕訳"], MiniExcel.GetSheetNames(output));
        output.Position = 0;
        return [.. MiniExcel.Query(output, useHeaderRow: false).Cast<IDictionary<string, object?>>()];
    }

    [Fact]
    public async Task Values_KeepTheirTypes_NumbersAsNumbers_DatesAsDates()
    {
        var rows = await RoundTrip(Table.Of(["取引先", "金額", "日付", "税率", "確定", "残高"],
        [
            ["株式会社サンプル／ｶﾀｶﾅ", 1_234_567L, new DateOnly(2026, 4, 1), 0.10m, true, Money.Yen(-5_000)],
            ["𠮷野家 〜 €", 0L, new DateTime(2026, 4, 2, 9, 30, 0), null, false, Money.Yen(0)],
        ]));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["取引先", "金額", "日付", "税率", "確定", "残高"], rows[0].Values);
        Assert.Equal<object?>(["株式会社サンプル／ｶﾀｶﾅ", 1_234_567d, new DateTime(2026, 4, 1), 0.1d, true, -5_000d], rows[1].Values);
        Assert.Equal<object?>(["𠮷野家 〜 €", 0d, new DateTime(2026, 4, 2, 9, 30, 0), null, false, 0d], rows[2].Values);
    }

    [Fact]
    public async Task AnEmptyTable_StillHasItsHeaderRow_AndColumnsMayShareAName()
    {
        var rows = await RoundTrip(Table.Of(["金額", "金額"], Array.Empty<object?[]>()));
        Assert.Equal(["金額", "金額"], Assert.Single(rows).Values);
    }
}
