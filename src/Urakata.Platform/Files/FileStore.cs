using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Files;

public sealed class FileStoreOptions
{
    /// <summary>Folder holding the blobs (one file per SHA-256, in two levels of sub-folders).</summary>
    public string Root { get; set; } = "data/files";
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>
/// Content-addressed local file store: bytes are kept once under their SHA-256, metadata in <c>pf_files</c>.
/// The declared type must match the content (a <c>.pdf</c> that is not a PDF is refused), and names given
/// by users never become paths.
/// </summary>
public sealed class FileStore(UrakataDbContext db, IOptions<FileStoreOptions> options, TimeProvider clock, CurrentUser currentUser, PermissionService permissions)
{
    public async Task<StoredFile> SaveAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.FilesUpload, ct);
        var limit = options.Value.MaxBytes;
        var safeName = SafeFileName(fileName);
        var kind = FileTypes.ForName(safeName) ?? throw new DomainException(
            Messages.Format(Messages.FileTypeNotAllowed, Path.GetExtension(safeName)), "file");
        Directory.CreateDirectory(options.Value.Root);
        var temp = Path.Combine(options.Value.Root, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size;
            string sha;
            byte[] head = new byte[16];
            int headLength;
            await using (var output = File.Create(temp))
            using (var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                headLength = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > limit)
                    {
                        throw new DomainException(Messages.Format(Messages.FileTooLarge, FormatSize(limit)), "file");
                    }
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    hasher.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                sha = Convert.ToHexStringLower(hasher.GetHashAndReset());
            }
            if (!kind.Matches(head.AsSpan(0, headLength)))
            {
                throw new DomainException(Messages.Format(Messages.FileTypeMismatch, Path.GetExtension(safeName), kind.Label), "file");
            }
            var path = BlobPath(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                File.Move(temp, path);
            }
            var stored = new StoredFile(currentUser.RequireCompany(), sha, size, kind.ContentType, safeName, clock.GetUtcNow().UtcDateTime, currentUser.UserId);
            db.Files.Add(stored);
            await db.SaveChangesAsync(ct);
            return stored;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Stream OpenRead(StoredFile file) => File.OpenRead(BlobPath(file.Sha256));

    private string BlobPath(string sha) => Path.Combine(options.Value.Root, sha[..2], sha[2..4], sha);

    /// <summary>Keeps the last path segment and drops control characters; the result is only ever metadata.</summary>
    public static string SafeFileName(string name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').Last();
        var clean = new string(last.Where(c => !char.IsControl(c) && c != '"').ToArray()).Trim();
        return clean.Length == 0 ? "file" : clean.Length > 200 ? clean[..200] : clean;
    }

    private static string FormatSize(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB");
}
