using System.Globalization;
using System.Text.Json.Nodes;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.Workflow.Forms;

/// <summary>An id a form value points at, for the service to check it belongs to the company.</summary>
public sealed record FormReference(FieldType Type, Guid Id, string Field);

/// <summary>
/// The fields of a request kind at one version. <see cref="Normalize"/> turns what a person or an API client
/// sent into the stored values — trimmed, full-width digits read, computed totals recomputed — or refuses it
/// with a message per field (<c>lines[2].quantity</c> for a table cell).
/// </summary>
public sealed record FormDefinition(IReadOnlyList<FormField> Fields, string? AmountField = null)
{
    private const int DefaultTextLength = 200;
    private const int DefaultLongTextLength = 4000;
    private const int MaxRows = 500;

    public FormField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>Fields with an <see cref="FormField.OptionSource"/>.</summary>
    public bool HasOptionSources => Fields.Any(f => f.OptionSource is not null);

    /// <summary>The form with the options of its sourced selects filled from <paramref name="options"/> (by source name).</summary>
    public FormDefinition WithOptions(IReadOnlyDictionary<string, IReadOnlyList<string>> options) => !HasOptionSources ? this : this with
    {
        Fields = [.. Fields.Select(f => f.OptionSource is { } source ? f with { Options = options.TryGetValue(source, out var o) ? o : [] } : f)],
    };

    /// <summary>Checks the definition itself (an administrator saving a form).</summary>
    public void EnsureValid()
    {
        var errors = new Dictionary<string, string[]>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Fields)
        {
            if (string.IsNullOrWhiteSpace(f.Key) || !f.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || !keys.Add(f.Key))
            {
                errors[$"fields.{f.Key}"] = [WorkflowMessages.Format(WorkflowMessages.FormKeyInvalid, f.Key)];
            }
            if (string.IsNullOrWhiteSpace(f.Label))
            {
                errors[$"fields.{f.Key}.label"] = [WorkflowMessages.Format(WorkflowMessages.FieldRequired, "Label")];
            }
            if (f.Type == FieldType.Select && f.OptionSource is null && (f.Options is null || f.Options.Count == 0))
            {
                errors[$"fields.{f.Key}.options"] = [WorkflowMessages.Format(WorkflowMessages.FormSelectNeedsOptions, f.Label)];
            }
            if (f.Type == FieldType.Table && (f.Columns is null || f.Columns.Count == 0 || f.Columns.Any(c => c.Type == FieldType.Table)))
            {
                errors[$"fields.{f.Key}.columns"] = [WorkflowMessages.Format(WorkflowMessages.FormTableNeedsColumns, f.Label)];
            }
            if (f.IsComputed && ParseCompute(f.Compute!) is null)
            {
                errors[$"fields.{f.Key}.compute"] = [WorkflowMessages.Format(WorkflowMessages.FormComputeInvalid, f.Compute)];
            }
        }
        if (AmountField is not null && Field(AmountField) is not { Type: FieldType.Money or FieldType.Number })
        {
            errors["amountField"] = [WorkflowMessages.Format(WorkflowMessages.FormKeyInvalid, AmountField)];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    /// <summary>Reads, checks and completes the values; throws <see cref="ValidationException"/> naming every bad field.</summary>
    public JsonObject Normalize(JsonObject? input)
    {
        input ??= [];
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var errors = new Dictionary<string, string[]>();
        foreach (var key in input.Select(p => p.Key).Where(k => Field(k) is null))
        {
            errors[key] = [WorkflowMessages.Format(WorkflowMessages.FieldUnknown, key)];
        }
        var result = new JsonObject();
        foreach (var field in Fields.Where(f => !f.IsComputed))
        {
            var value = field.Type == FieldType.Table
                ? ReadTable(field, input[field.Key], english, errors)
                : ReadScalar(field, input[field.Key], field.Key, field.LabelFor(english), errors);
            if (value is not null)
            {
                result[field.Key] = value;
            }
        }
        foreach (var field in Fields)
        {
            var required = field.Required || (field.RequiredIf is { } rule && ConditionHolds(rule, result));
            if (required && !field.IsComputed && IsEmpty(result[field.Key]) && !errors.ContainsKey(field.Key))
            {
                errors[field.Key] = [WorkflowMessages.Format(WorkflowMessages.FieldRequired, field.LabelFor(english))];
            }
        }
        foreach (var field in Fields.Where(f => f.IsComputed))
        {
            result[field.Key] = ComputeTotal(field, result);
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        // Stored and compared as JSON text: read it back so every value has the same representation.
        return JsonNode.Parse(result.ToJsonString())!.AsObject();
    }

    /// <summary>
    /// Computed values for a form being typed (no checks): row amounts and totals from whatever parses, so the
    /// page shows them as the user types. The server recomputes on save.
    /// </summary>
    public void FillComputed(JsonObject values)
    {
        foreach (var table in Fields.Where(f => f.Type == FieldType.Table && f.Columns is not null))
        {
            foreach (var row in (values[table.Key] as JsonArray ?? []).OfType<JsonObject>())
            {
                var parsed = new JsonObject();
                foreach (var col in table.Columns!.Where(c => !c.IsComputed && c.Type is FieldType.Number or FieldType.Money))
                {
                    if (ParseNumber(row[col.Key]?.ToString()) is { } n)
                    {
                        parsed[col.Key] = n;
                    }
                }
                foreach (var col in table.Columns!.Where(c => c.IsComputed))
                {
                    row[col.Key] = ComputeRow(col, parsed);
                }
            }
        }
        var numbers = new JsonObject();
        foreach (var field in Fields.Where(f => !f.IsComputed))
        {
            numbers[field.Key] = field.Type is FieldType.Number or FieldType.Money && ParseNumber(values[field.Key]?.ToString()) is { } n
                ? JsonValue.Create(n)
                : values[field.Key]?.DeepClone();
        }
        foreach (var field in Fields.Where(f => f.IsComputed))
        {
            values[field.Key] = ComputeTotal(field, numbers);
        }
    }

    /// <summary>The request's amount for routing and search (whole yen), when the form has one.</summary>
    public long? AmountOf(JsonObject values) =>
        AmountField is not null && Number(values[AmountField]) is { } d ? (long)decimal.Truncate(d) : null;

    /// <summary>Every user, department and file id in the values.</summary>
    public IEnumerable<FormReference> References(JsonObject values)
    {
        foreach (var field in Fields)
        {
            if (field.Type == FieldType.Table && values[field.Key] is JsonArray rows)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var col in field.Columns!)
                    {
                        if (Reference(col, rows[i]?[col.Key], $"{field.Key}[{i + 1}].{col.Key}") is { } r)
                        {
                            yield return r;
                        }
                    }
                }
            }
            else if (Reference(field, values[field.Key], field.Key) is { } r)
            {
                yield return r;
            }
        }
    }

    private static FormReference? Reference(FormField field, JsonNode? value, string path) =>
        field.Type is FieldType.User or FieldType.Department or FieldType.File && value is JsonValue v && Guid.TryParse(v.ToString(), out var id)
            ? new FormReference(field.Type, id, path)
            : null;

    private JsonArray? ReadTable(FormField field, JsonNode? node, bool english, Dictionary<string, string[]> errors)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not JsonArray rows || rows.Count > MaxRows)
        {
            errors[field.Key] = [WorkflowMessages.Format(WorkflowMessages.FieldInvalid, field.LabelFor(english))];
            return null;
        }
        var result = new JsonArray();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row)
            {
                errors[$"{field.Key}[{i + 1}]"] = [WorkflowMessages.Format(WorkflowMessages.FieldInvalid, field.LabelFor(english))];
                continue;
            }
            if (row.All(p => IsEmpty(p.Value)))
            {
                continue; // a blank line left in the table is not a row
            }
            var clean = new JsonObject();
            foreach (var col in field.Columns!.Where(c => !c.IsComputed))
            {
                var label = WorkflowMessages.Format(WorkflowMessages.RowLabel, field.LabelFor(english), i + 1, col.LabelFor(english));
                var path = $"{field.Key}[{i + 1}].{col.Key}";
                if (ReadScalar(col, row[col.Key], path, label, errors) is { } v)
                {
                    clean[col.Key] = v;
                }
                else if (col.Required && !errors.ContainsKey(path))
                {
                    errors[path] = [WorkflowMessages.Format(WorkflowMessages.FieldRequired, label)];
                }
            }
            foreach (var col in field.Columns!.Where(c => c.IsComputed))
            {
                clean[col.Key] = ComputeRow(col, clean);
            }
            result.Add(clean);
        }
        return result.Count == 0 ? null : result;
    }

    private static JsonNode? ReadScalar(FormField field, JsonNode? node, string path, string label, Dictionary<string, string[]> errors)
    {
        if (IsEmpty(node))
        {
            return null;
        }
        var text = node is JsonValue jv && jv.TryGetValue<string>(out var s) ? s.Trim() : node!.ToJsonString();
        JsonNode? Fail(string template)
        {
            errors[path] = [WorkflowMessages.Format(template, label)];
            return null;
        }
        switch (field.Type)
        {
            case FieldType.Text or FieldType.LongText:
                var max = field.MaxLength ?? (field.Type == FieldType.Text ? DefaultTextLength : DefaultLongTextLength);
                if (node is not JsonValue || text.Length > max)
                {
                    errors[path] = [WorkflowMessages.Format(WorkflowMessages.FieldTooLong, label, max)];
                    return null;
                }
                return JsonValue.Create(text);
            case FieldType.Number:
                return ParseNumber(text) is { } n ? JsonValue.Create(n) : Fail(WorkflowMessages.FieldNotNumber);
            case FieldType.Money:
                return ParseNumber(text) is { } m && m >= 0 && m == decimal.Truncate(m) && m < 1_000_000_000_000_000m
                    ? JsonValue.Create((long)m)
                    : Fail(WorkflowMessages.FieldNotMoney);
            case FieldType.Date:
                return ParseDate(text) is { } d ? JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : Fail(WorkflowMessages.FieldNotDate);
            case FieldType.DateRange:
                if (node is not JsonObject range || ParseDate(range["from"]?.ToString()) is not { } from || ParseDate(range["to"]?.ToString()) is not { } to)
                {
                    return Fail(WorkflowMessages.FieldNotDate);
                }
                if (to < from)
                {
                    return Fail(WorkflowMessages.DateRangeOrder);
                }
                return new JsonObject
                {
                    ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
            case FieldType.Select:
                return field.Options!.Contains(text, StringComparer.Ordinal) ? JsonValue.Create(text) : Fail(WorkflowMessages.FieldNotInOptions);
            case FieldType.Checkbox:
                return node is JsonValue b && b.TryGetValue<bool>(out var flag) ? JsonValue.Create(flag)
                    : bool.TryParse(text, out flag) ? JsonValue.Create(flag) : Fail(WorkflowMessages.FieldInvalid);
            case FieldType.User or FieldType.Department or FieldType.File:
                return Guid.TryParse(text, out var id) ? JsonValue.Create(id.ToString()) : Fail(WorkflowMessages.FieldInvalid);
            default:
                return Fail(WorkflowMessages.FieldInvalid);
        }
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        JsonArray a => a.Count == 0,
        _ => false,
    };

    private static bool ConditionHolds(string rule, JsonObject values)
    {
        var eq = rule.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return !IsEmpty(values[rule.Trim()]);
        }
        var other = values[rule[..eq].Trim()];
        return other is JsonValue v && string.Equals(v.ToString(), rule[(eq + 1)..].Trim(), StringComparison.Ordinal);
    }

    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var narrow = JapaneseText.Narrow(text).Replace(",", "", StringComparison.Ordinal).Replace("¥", "", StringComparison.Ordinal)
            .Replace("円", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(narrow, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var narrow = JapaneseText.Narrow(text).Replace('/', '-');
        return DateOnly.TryParseExact(narrow, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary><c>a*b</c> → ("*", a, b); <c>sum(table.column)</c> → ("sum", table, column).</summary>
    internal static (string Op, string A, string B)? ParseCompute(string expression)
    {
        var e = expression.Replace(" ", "", StringComparison.Ordinal);
        if (e.StartsWith("sum(", StringComparison.Ordinal) && e.EndsWith(')') && e[4..^1].Split('.') is [var table, var column])
        {
            return ("sum", table, column);
        }
        return e.Split('*') is [var a, var b] && a.Length > 0 && b.Length > 0 ? ("*", a, b) : null;
    }

    private static JsonNode? ComputeRow(FormField column, JsonObject row)
    {
        if (ParseCompute(column.Compute!) is not ("*", var a, var b) || Number(row[a]) is not { } x || Number(row[b]) is not { } y)
        {
            return null;
        }
        var product = x * y;
        // Whole yen: a fraction of a yen is cut off (切り捨て), as on a Japanese quotation.
        return column.Type == FieldType.Money ? JsonValue.Create((long)decimal.Truncate(product)) : JsonValue.Create(product);
    }

    private JsonNode? ComputeTotal(FormField field, JsonObject values)
    {
        if (ParseCompute(field.Compute!) is not ("sum", var table, var column))
        {
            return ParseCompute(field.Compute!) is ("*", var a, var b) && Number(values[a]) is { } x && Number(values[b]) is { } y
                ? JsonValue.Create(field.Type == FieldType.Money ? decimal.Truncate(x * y) : x * y)
                : null;
        }
        var rows = values[table] as JsonArray ?? [];
        var total = rows.Sum(r => Number(r?[column]) ?? 0m);
        return field.Type == FieldType.Money ? JsonValue.Create((long)decimal.Truncate(total)) : JsonValue.Create(total);
    }

    private static decimal? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
        : node is JsonValue l && l.TryGetValue<long>(out var n) ? n : null;
}
