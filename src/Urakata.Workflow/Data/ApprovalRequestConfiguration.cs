using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
        b.Property<List<RequestStep>>("_steps").HasColumnName("steps").HasColumnType("text")
            .HasConversion(new StepsConverter(), Comparer<List<RequestStep>>(StepsConverter.Write, StepsConverter.Read));
        b.Property<List<RequestEvent>>("_history").HasColumnName("history").HasColumnType("text")
            .HasConversion(v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<RequestEvent>>(v, Json) ?? new List<RequestEvent>(),
                Comparer<List<RequestEvent>>(v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<RequestEvent>>(v, Json)!));
        b.Ignore(r => r.Steps);
        b.Ignore(r => r.History);
        b.Ignore(r => r.CurrentStep);
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Changes inside the lists are detected by comparing their JSON.</summary>
    private static ValueComparer<T> Comparer<T>(Func<T, string> write, Func<string, T> read) where T : class =>
        new((a, b) => write(a!) == write(b!), v => write(v).GetHashCode(StringComparison.Ordinal), v => read(write(v)));

    private sealed record ApproverState(Guid UserId, string DisplayName, Decision? Decision, Guid? ActedBy, DateTime? DecidedAt, string? Comment);

    private sealed record StepState(int Index, string Name, StepMode Mode, int RequiredCount, StepStatus Status, List<ApproverState> Approvers);

    private sealed class StepsConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<RequestStep>, string>(v => Write(v), v => Read(v))
    {
        public static string Write(List<RequestStep> steps) => JsonSerializer.Serialize(steps.Select(s => new StepState(s.Index, s.Name, s.Mode, s.RequiredCount, s.Status,
            s.Approvers.Select(a => new ApproverState(a.UserId, a.DisplayName, a.Decision, a.ActedBy, a.DecidedAt, a.Comment)).ToList())).ToList(), Json);

        public static List<RequestStep> Read(string json) => (JsonSerializer.Deserialize<List<StepState>>(json, Json) ?? [])
            .Select(s => new RequestStep(s.Index, s.Name, s.Mode, s.RequiredCount, s.Status,
                s.Approvers.Select(a => new StepApprover(a.UserId, a.DisplayName, a.Decision, a.ActedBy, a.DecidedAt, a.Comment)))).ToList();
    }
}
