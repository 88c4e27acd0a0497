namespace Urakata.Platform.Files;

/// <summary>A file type Urakata accepts, with the magic bytes its content must start with.</summary>
public sealed record FileKind(string Label, string ContentType, string[] Extensions, byte[][] Signatures)
{
    public bool Matches(ReadOnlySpan<byte> head)
    {
        if (Signatures.Length == 0)
        {
            // Text types have no signature; binary content (a ZIP or an EXE renamed .csv) has NUL bytes.
            return !head.Contains((byte)0);
        }
        foreach (var signature in Signatures)
        {
            if (head.StartsWith(signature))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The allow-list of uploadable types (ASVS 5.2.2: the extension must match the content).</summary>
public static class FileTypes
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static IReadOnlyList<FileKind> All { get; } =
    [
        new("PDF", "application/pdf", [".pdf"], [[0x25, 0x50, 0x44, 0x46, 0x2D]]),
        new("PNG", "image/png", [".png"], [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        new("JPEG", "image/jpeg", [".jpg", ".jpeg"], [[0xFF, 0xD8, 0xFF]]),
        new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], [Zip]),
        new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], [Zip]),
        new("CSV", "text/csv", [".csv"], []),
        new("Text", "text/plain", [".txt"], []),
    ];

    public static FileKind? ForName(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return All.FirstOrDefault(k => k.Extensions.Contains(extension));
    }
}
