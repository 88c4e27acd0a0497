using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Workflow.Requests;

namespace Urakata.Workflow.Pdf;

/// <summary>Renders an approved request the caller may see to its 稟議書 PDF, with names for the ids in its form.</summary>
public sealed class ApprovalPdfs(UrakataDbContext db, RequestViews views)
{
    public async Task<(byte[] Pdf, string FileName)> RenderAsync(Guid requestId, CancellationToken ct = default)
    {
        var view = await views.GetAsync(requestId, ct);
        var ids = view.Form.References(view.Values).Select(r => r.Id).Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        if (ids.Count > 0)
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            {
                names[u.Id] = u.DisplayName;
            }
            foreach (var d in await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            {
                names[d.Id] = d.Name;
            }
            foreach (var f in await db.Files.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.FileName }).ToListAsync(ct))
            {
                names[f.Id] = f.FileName;
            }
        }
        return (ApprovalDocument.Render(view, id => names.GetValueOrDefault(id)), $"{view.Number}.pdf");
    }
}
