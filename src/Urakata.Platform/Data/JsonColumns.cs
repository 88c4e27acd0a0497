using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Urakata.Platform.Data;

/// <summary>
/// Parts of an aggregate stored as JSON text (the same on SQLite and PostgreSQL), always read and written with
/// it. Changes inside are detected by comparing the JSON.
/// </summary>
public static class JsonColumns
{
    /// <summary>Japanese stays readable in the column (no \u escapes).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Maps the backing field <paramref name="field"/> (a list) to the text column <paramref name="column"/>.</summary>
    public static void JsonList<TEntity, TItem>(this EntityTypeBuilder<TEntity> b, string field, string column)
        where TEntity : class =>
        b.Property<List<TItem>>(field).HasColumnName(column).HasColumnType("text")
            .HasConversion(v => Write(v), v => Read<List<TItem>>(v) ?? new List<TItem>(), Comparer<List<TItem>>(Write, v => Read<List<TItem>>(v)!));

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json);

    public static ValueComparer<T> Comparer<T>(Func<T, string> write, Func<string, T> read) where T : class =>
        new((a, b) => write(a!) == write(b!), v => write(v).GetHashCode(StringComparison.Ordinal), v => read(write(v)));
}
