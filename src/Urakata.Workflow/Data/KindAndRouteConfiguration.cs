using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.Platform.Data;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Data;

/// <summary><c>wf_kinds</c>: administrator-defined request kinds with their form versions (JSON).</summary>
internal sealed class RequestKindConfiguration : IEntityTypeConfiguration<RequestKind>
{
    public void Configure(EntityTypeBuilder<RequestKind> b)
    {
        b.ToTable("wf_kinds");
        b.Property(k => k.Code).HasMaxLength(40);
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.NameEn).HasMaxLength(100);
        b.Property(k => k.NumberPrefix).HasMaxLength(6);
        b.HasIndex(k => new { k.CompanyId, k.Code }).IsUnique();
        b.JsonList<RequestKind, FormVersion>("_forms", "forms");
        b.Ignore(k => k.Forms);
        b.Ignore(k => k.CurrentFormVersion);
    }
}

/// <summary><c>wf_routes</c>: a company's routes per kind (and department) with their versions (JSON).</summary>
internal sealed class ApprovalRouteConfiguration : IEntityTypeConfiguration<ApprovalRoute>
{
    public void Configure(EntityTypeBuilder<ApprovalRoute> b)
    {
        b.ToTable("wf_routes");
        b.Property(r => r.KindCode).HasMaxLength(40);
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => new { r.CompanyId, r.KindCode, r.DepartmentId });
        b.JsonList<ApprovalRoute, RouteVersion>("_versions", "versions");
        b.Ignore(r => r.Versions);
        b.Ignore(r => r.CurrentVersion);
        b.Ignore(r => r.Current);
    }
}

/// <summary><c>wf_proxy_approvals</c> and <c>wf_absences</c>: 代理承認 and the absences that switch it on.</summary>
internal sealed class ProxyApprovalConfiguration : IEntityTypeConfiguration<ProxyApprovals.ProxyApproval>, IEntityTypeConfiguration<ProxyApprovals.Absence>
{
    public void Configure(EntityTypeBuilder<ProxyApprovals.ProxyApproval> b)
    {
        b.ToTable("wf_proxy_approvals");
        b.Property(d => d.KindCodes).HasMaxLength(400);
        b.Property(d => d.Reason).HasMaxLength(200);
        b.HasIndex(d => new { d.CompanyId, d.DeputyId, d.From });
        b.HasIndex(d => new { d.CompanyId, d.DelegatorId });
    }

    public void Configure(EntityTypeBuilder<ProxyApprovals.Absence> b)
    {
        b.ToTable("wf_absences");
        b.Property(a => a.Source).HasMaxLength(100);
        b.HasIndex(a => new { a.CompanyId, a.UserId, a.From });
    }
}
