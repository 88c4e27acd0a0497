using System.Globalization;
using System.Text.Json.Nodes;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Pdf;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Pdf;

/// <summary>
/// The paperless 稟議書: an approved request on A4 in Japanese — number and dates, applicant, title and amount,
/// the 承認欄 with a 日付印 (red circle, surname, date) for each approval and the applicant, the form content,
/// and the route with every decision. Always Japanese (the document a company files), whatever the reader's
/// language; deterministic for a given request (created at its decision time).
/// </summary>
public static class ApprovalDocument
{
    private const double Left = 15, Right = 195, BoxWidth = 20, BoxHeight = 26, LabelWidth = 8;
    private const int BoxesPerRow = 7;
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>One box of the 承認欄.</summary>
    public sealed record Stamp(string Heading, string Surname, DateOnly Date, bool ByDeputy);

    public static byte[] Render(RequestView request, Func<Guid, string?> nameOf)
    {
        if (request.Status != RequestStatus.Approved || request.DecidedAt is not { } decidedAt)
        {
            throw new ConflictException(WorkflowMessages.PdfOnlyWhenApproved);
        }
        var title = DocumentTitle(request);
        var pdf = new PdfDocumentBuilder($"{title} {request.Number}", decidedAt) { Subject = request.Number };
        var page = pdf.AddPage();
        var small = PdfTextStyle.Default with { SizePt = 9, Color = PdfColor.Gray };

        page.DrawText(105, 14, title, PdfTextStyle.Default with { SizePt = 22, Bold = true }, PdfTextAlign.Center);
        page.DrawText(Right, 28, $"申請番号 {request.Number}", small, PdfTextAlign.Right);
        page.DrawText(Right, 33, $"申請日 {Date(request.SubmittedAt)}", small, PdfTextAlign.Right);
        page.DrawText(Right, 38, $"決裁日 {Date(decidedAt)}", small, PdfTextAlign.Right);

        page.DrawText(Left, 30, $"申請者　{request.ApplicantName}" + (request.FiledBy != request.ApplicantId ? $"（代理申請: {request.FiledByName}）" : ""));
        page.DrawText(Left, 37, $"種別　　{request.KindName}");
        var y = 44 + page.DrawTextBox(Left, 44, 110, $"件名　　{request.Title}");
        if (request.Amount is { } amount)
        {
            page.DrawText(Left, y + 1, $"金額　　{Yen(amount)}", PdfTextStyle.Default with { SizePt = 12, Bold = true });
        }

        y = DrawStamps(page, Stamps(request), 48);
        y = DrawContent(page, request, nameOf, Math.Max(y, 72) + 6);
        DrawRoute(page, request, y + 6);
        return pdf.Build();
    }

    /// <summary>Approvals in the order of the route, then the applicant (the 承認欄 shows them right to left).</summary>
    public static IReadOnlyList<Stamp> Stamps(RequestView request)
    {
        var stamps = new List<Stamp>();
        foreach (var step in request.Steps.Where(s => s.Status == StepStatus.Approved && s.Mode != StepMode.Circulate))
        {
            foreach (var a in step.Approvers.Where(a => a.Decision == Decision.Approved && a.DecidedAt is not null))
            {
                var deputy = a.ActedBy is { } by && by != a.UserId;
                stamps.Add(new Stamp(step.Name, Surname(deputy ? a.ActedByName ?? a.DisplayName : a.DisplayName), JapanDate(a.DecidedAt!.Value), deputy));
            }
        }
        stamps.Add(new Stamp("申請者", Surname(request.ApplicantName), JapanDate(request.History.LastOrDefault(h => h.Action == "submit")?.At ?? request.SubmittedAt!.Value), false));
        return stamps;
    }

    /// <summary>The family name a seal carries: the part before the space (山田 太郎 → 山田).</summary>
    public static string Surname(string displayName)
    {
        var name = displayName.Trim();
        var space = name.IndexOfAny([' ', '\u3000']);
        return space > 0 ? name[..space] : name.Length > 4 ? name[..4] : name;
    }

    private static double DrawStamps(PdfPageCanvas page, IReadOnlyList<Stamp> stamps, double top)
    {
        // Highest approver on the left, the applicant on the right, as on a paper 稟議書.
        var ordered = stamps.Take(stamps.Count - 1).Reverse().Append(stamps[^1]).ToList();
        var rows = ordered.Chunk(BoxesPerRow).ToList();
        var y = top;
        foreach (var row in rows)
        {
            var width = LabelWidth + row.Length * BoxWidth;
            var x = Right - width;
            page.FillRectangle(x, y, LabelWidth, BoxHeight, PdfColor.LightGray);
            page.StrokeRectangle(x, y, width, BoxHeight);
            page.DrawTextBox(x, y + BoxHeight / 2 - 5, LabelWidth, "承\n認", PdfTextStyle.Default with { SizePt = 9 }, PdfTextAlign.Center);
            for (var i = 0; i < row.Length; i++)
            {
                var stamp = row[i];
                var bx = x + LabelWidth + i * BoxWidth;
                page.DrawLine(bx, y, bx, y + BoxHeight);
                page.DrawLine(bx, y + 5, bx + BoxWidth, y + 5);
                page.DrawTextBox(bx, y + 0.8, BoxWidth, Fit(stamp.Heading, 7), PdfTextStyle.Default with { SizePt = 7 }, PdfTextAlign.Center);
                page.DrawDateStamp(bx + BoxWidth / 2, y + 5 + (BoxHeight - 5) / 2, 17, stamp.Surname, stamp.Date, stamp.ByDeputy ? "代理" : null);
            }
            y += BoxHeight + 3;
        }
        return y;
    }

    private static double DrawContent(PdfPageCanvas page, RequestView request, Func<Guid, string?> nameOf, double y)
    {
        page.DrawText(Left, y, "申請内容", PdfTextStyle.Default with { Bold = true });
        var table = new PdfTable(new PdfTableColumn("項目", 40), new PdfTableColumn("内容", Right - Left - 40));
        foreach (var field in request.Form.Fields.Where(f => f.Type != FieldType.Table))
        {
            table.AddRow(field.Label, Text(field, request.Values[field.Key], nameOf));
        }
        var position = page.DrawTable(Left, y + 6, table);
        foreach (var field in request.Form.Fields.Where(f => f.Type == FieldType.Table && request.Values[f.Key] is JsonArray))
        {
            var columns = field.Columns!;
            var fixedWidth = (Right - Left - 8) / columns.Count;
            var lines = new PdfTable([new PdfTableColumn("#", 8, PdfTextAlign.Right),
                .. columns.Select(c => new PdfTableColumn(c.Label, fixedWidth, c.Type is FieldType.Money or FieldType.Number ? PdfTextAlign.Right : PdfTextAlign.Left))]);
            var n = 0;
            foreach (var row in ((JsonArray)request.Values[field.Key]!).OfType<JsonObject>())
            {
                lines.AddRow([(++n).ToString(CultureInfo.InvariantCulture), .. columns.Select(c => Text(c, row[c.Key], nameOf))]);
            }
            position.Page.DrawText(Left, position.YMm + 4, field.Label, PdfTextStyle.Default with { Bold = true });
            position = position.Page.DrawTable(Left, position.YMm + 10, lines);
        }
        return position.YMm;
    }

    private static void DrawRoute(PdfPageCanvas page, RequestView request, double y)
    {
        page.DrawText(Left, y, $"承認経路（{request.RouteName}）", PdfTextStyle.Default with { Bold = true });
        var table = new PdfTable(new PdfTableColumn("順", 8, PdfTextAlign.Right), new PdfTableColumn("ステップ", 24), new PdfTableColumn("承認者", 54),
            new PdfTableColumn("結果", 14), new PdfTableColumn("日時", 30), new PdfTableColumn("コメント", Right - Left - 130))
        {
            BodyStyle = PdfTextStyle.Default with { SizePt = 9 },
            HeaderStyle = PdfTextStyle.Default with { SizePt = 9, Bold = true },
        };
        foreach (var step in request.Steps)
        {
            foreach (var a in step.Approvers.DefaultIfEmpty())
            {
                var who = a is null ? "—" : a.ActedBy is { } by && by != a.UserId ? $"{a.DisplayName}（代理: {a.ActedByName}）" : a.DisplayName;
                var result = step.Status == StepStatus.Skipped ? "スキップ" : a?.Decision switch
                {
                    Decision.Approved => "承認",
                    Decision.Confirmed => "確認",
                    _ => "—",
                };
                table.AddRow((step.Index + 1).ToString(CultureInfo.InvariantCulture), step.Name, who, result, a?.DecidedAt is { } at ? Instant(at) : "", a?.Comment ?? "");
            }
        }
        page.DrawTable(Left, y + 6, table);
    }

    private static string Text(FormField field, JsonNode? value, Func<Guid, string?> nameOf)
    {
        if (value is null)
        {
            return "—";
        }
        var raw = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        return field.Type switch
        {
            FieldType.Money when long.TryParse(raw, CultureInfo.InvariantCulture, out var yen) => Yen(yen),
            FieldType.Number when decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n.ToString("#,0.###", Japanese),
            FieldType.Date when DateOnly.TryParse(raw, CultureInfo.InvariantCulture, out var d) => Date(d),
            FieldType.DateRange => $"{DateText(value["from"])} 〜 {DateText(value["to"])}",
            FieldType.Checkbox => raw == "true" ? "はい" : "いいえ",
            FieldType.User or FieldType.Department or FieldType.File when Guid.TryParse(raw, out var id) => nameOf(id) ?? "—",
            _ => raw,
        };
    }

    private static string DocumentTitle(RequestView r) => r.KindCode == "ringi" ? "稟議書" : r.KindName.EndsWith('書') ? r.KindName : r.KindName + "書";

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..max];

    private static string Yen(long amount) => MoneyFormatter.Format(Money.Yen(amount), Japanese);

    private static DateOnly JapanDate(DateTime utc) => JapanTime.DateOf(utc);

    private static string Date(DateOnly d) => d.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static string Date(DateTime? utc) => utc is { } u ? Date(JapanDate(u)) : "";

    private static string DateText(JsonNode? node) => DateOnly.TryParse(node?.ToString(), CultureInfo.InvariantCulture, out var d) ? Date(d) : "";

    private static string Instant(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, JapanTime.Zone).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
}
