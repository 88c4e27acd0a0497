using System.Text.Json.Serialization;

namespace Urakata.Workflow.Forms;

/// <summary>What a form field holds; decides how a value is read, checked and shown.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    Text,
    LongText,
    Number,
    /// <summary>Whole yen.</summary>
    Money,
    Date,
    /// <summary><c>{"from": "2026-12-01", "to": "2026-12-03"}</c>.</summary>
    DateRange,
    Select,
    Checkbox,
    /// <summary>A member of the company (user id).</summary>
    User,
    /// <summary>A department of the company (department id).</summary>
    Department,
    /// <summary>An uploaded file (stored file id).</summary>
    File,
    /// <summary>Rows of <see cref="FormField.Columns"/> (明細).</summary>
    Table,
}

/// <summary>
/// One field of a request form, as an administrator defines it.
/// <para><see cref="RequiredIf"/>: <c>other</c> (a checkbox is ticked) or <c>other=value</c>.</para>
/// <para><see cref="Compute"/>: <c>quantity*unit_price</c> (a table column from two others in the row) or
/// <c>sum(lines.amount)</c> (a total of a table column). Computed values are always recomputed on the server.</para>
/// <para><see cref="OptionSource"/>: a select whose options are the company's current data (休暇の種類…), asked of the
/// <see cref="IFormOptionSource"/> of that name each time the kind is read, so the form offers and accepts what is
/// current; <see cref="Options"/> then holds what the source answered.</para>
/// </summary>
public sealed record FormField(
    string Key,
    string Label,
    FieldType Type,
    bool Required = false,
    string? LabelEn = null,
    string? RequiredIf = null,
    IReadOnlyList<string>? Options = null,
    IReadOnlyList<FormField>? Columns = null,
    string? Compute = null,
    int? MaxLength = null,
    string? Help = null,
    string? OptionSource = null)
{
    public string LabelFor(bool english) => english && !string.IsNullOrEmpty(LabelEn) ? LabelEn : Label;

    [JsonIgnore]
    public bool IsComputed => !string.IsNullOrWhiteSpace(Compute);
}
