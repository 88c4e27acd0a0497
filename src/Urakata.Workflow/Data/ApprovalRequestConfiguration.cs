using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.Platform.Data;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Data;

/// <summary>
/// <c>wf_requests</c>: the request row with its steps and history as JSON text columns. They are part of the
/// aggregate and always read and written with it; the same text on SQLite and PostgreSQL.
/// </summary>
internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> b)
    {
        b.ToTable("wf_requests");
        b.Property(r => r.KindCode).HasMaxLength(40);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Number).HasMaxLength(40);
        b.HasIndex(r => new { r.CompanyId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.CompanyId, r.ApplicantId, r.Status });
        // "Mine" and the open count also read the requests filed for someone else (代理申請) by the filer.
        b.HasIndex(r => new { r.CompanyId, r.FiledBy, r.Status });
        b.Property<List<RequestStep>>("_steps").HasColumnName("steps").HasColumnType("text")
            .HasConversion(new StepsConverter(), Comparer<List<RequestStep>>(StepsConverter.Write, StepsConverter.Read));
        b.JsonList<ApprovalRequest, RequestEvent>("_history", "history");
        b.JsonList<ApprovalRequest, RequestRound>("_rounds", "rounds");
        b.Property(r => r.Values).HasColumnName("form_values").HasColumnType("text")
            .HasConversion(v => v.ToJsonString(Json), v => JsonNode.Parse(v, null, default)!.AsObject(),
                Comparer<JsonObject>(v => v.ToJsonString(Json), v => JsonNode.Parse(v, null, default)!.AsObject()));
        b.Property(r => r.ApplicantName).HasMaxLength(100);
        b.Property(r => r.RouteName).HasMaxLength(100);
        b.Property(r => r.CurrentStepName).HasMaxLength(100);
        b.HasIndex(r => new { r.CompanyId, r.Status, r.SubmittedAt });
        b.HasIndex(r => new { r.Status, r.CurrentDueDate });
        b.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Participants).HasField("_participants").AutoInclude();
        b.Ignore(r => r.Steps);
        b.Ignore(r => r.History);
        b.Ignore(r => r.Rounds);
        b.Ignore(r => r.CurrentStep);
        b.Ignore(r => r.IsOpen);
    }

    private static JsonSerializerOptions Json => JsonColumns.Json;

    private static ValueComparer<T> Comparer<T>(Func<T, string> write, Func<string, T> read) where T : class => JsonColumns.Comparer(write, read);

    private sealed record ApproverState(Guid UserId, string DisplayName, Decision? Decision, Guid? ActedBy, DateTime? DecidedAt, string? Comment);

    private sealed record StepState(int Index, string Name, StepMode Mode, int RequiredCount, StepStatus Status, List<ApproverState> Approvers,
        DateTime? ActivatedAt, int? DueDays, int? EscalateAfterDays, bool Escalated, DateOnly? DueDate, bool RemindedBefore, bool RemindedOverdue, bool AllowAddApprover = false, StepDefinition? Definition = null);

    private sealed class StepsConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<RequestStep>, string>(v => Write(v), v => Read(v))
    {
        public static string Write(List<RequestStep> steps) => JsonSerializer.Serialize(steps.Select(s => new StepState(s.Index, s.Name, s.Mode, s.RequiredCount, s.Status,
            s.Approvers.Select(a => new ApproverState(a.UserId, a.DisplayName, a.Decision, a.ActedBy, a.DecidedAt, a.Comment)).ToList(),
            s.ActivatedAt, s.DueDays, s.EscalateAfterDays, s.Escalated, s.DueDate, s.RemindedBefore, s.RemindedOverdue, s.AllowAddApprover, s.Definition)).ToList(), Json);

        public static List<RequestStep> Read(string json) => (JsonSerializer.Deserialize<List<StepState>>(json, Json) ?? [])
            .Select(s => new RequestStep(s.Index, s.Name, s.Mode, s.RequiredCount, s.Status,
                s.Approvers.Select(a => new StepApprover(a.UserId, a.DisplayName, a.Decision, a.ActedBy, a.DecidedAt, a.Comment)),
                s.ActivatedAt, s.DueDays, s.EscalateAfterDays, s.Escalated, s.DueDate, s.RemindedBefore, s.RemindedOverdue, s.AllowAddApprover, s.Definition)).ToList();
    }
}

internal sealed class RequestParticipantConfiguration : IEntityTypeConfiguration<RequestParticipant>
{
    public void Configure(EntityTypeBuilder<RequestParticipant> b)
    {
        b.ToTable("wf_participants");
        b.HasKey(p => p.Id);
        // Set by the aggregate: a new row found in the request's collection is an insert, not an existing row.
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => p.RequestId);
        // The inbox: "waiting for me" is one range of this index.
        b.HasIndex(p => new { p.CompanyId, p.UserId, p.Kind, p.Since });
    }
}
