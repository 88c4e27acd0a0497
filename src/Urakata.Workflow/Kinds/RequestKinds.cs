using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Kinds;

/// <summary>A request kind as the company sees it: built in, registered by a module, or defined by an administrator.</summary>
public sealed record KindInfo(string Code, string Name, string NameEn, string NumberPrefix, int CurrentFormVersion, bool IsBuiltIn,
    Func<int, FormDefinition> FormOf, RouteDefinition? DefaultRoute, Type? Handler)
{
    public FormDefinition CurrentForm => FormOf(CurrentFormVersion);

    public string NameFor(bool english) => english ? NameEn : Name;
}

public sealed record KindInput(string Code, string Name, string? NameEn, string NumberPrefix, FormDefinition Form);

/// <summary>
/// Every request kind of the current company: the ones registered in code (<see cref="RequestKindDefinition"/>)
/// and the ones its administrators defined (<see cref="RequestKind"/>). A registered kind's selects with an
/// <see cref="FormField.OptionSource"/> get the source's current options each time the kind is read, so the page
/// offers them and <see cref="FormDefinition.Normalize"/> accepts exactly them.
/// </summary>
public sealed class RequestKinds(UrakataDbContext db, IEnumerable<RequestKindDefinition> registered, IEnumerable<IFormOptionSource> optionSources,
    PermissionService permissions, CurrentUser currentUser, TimeProvider clock)
{
    private readonly IReadOnlyList<RequestKindDefinition> _registered = registered.ToList();

    public async Task<IReadOnlyList<KindInfo>> ListAsync(CancellationToken ct = default)
    {
        var custom = await db.Set<RequestKind>().AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.Code).ToListAsync(ct);
        var options = await OptionsAsync(_registered, ct);
        return _registered.Select(k => Info(k, options)).Concat(custom.Select(Info)).ToList();
    }

    public async Task<KindInfo> FindAsync(string code, CancellationToken ct = default)
    {
        if (_registered.FirstOrDefault(k => k.Code == code) is { } builtIn)
        {
            return Info(builtIn, await OptionsAsync([builtIn], ct));
        }
        var custom = await db.Set<RequestKind>().AsNoTracking().SingleOrDefaultAsync(k => k.Code == code, ct) ?? throw new NotFoundException("Request kind");
        return Info(custom);
    }

    /// <summary>Defines a new kind with its first form version.</summary>
    public async Task<KindInfo> CreateAsync(KindInput input, CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.KindsManage, ct);
        if (_registered.Any(k => k.Code == input.Code) || await db.Set<RequestKind>().AnyAsync(k => k.Code == input.Code, ct))
        {
            throw new DomainException(WorkflowMessages.Format(WorkflowMessages.KindCodeTaken, input.Code), "code");
        }
        var kind = new RequestKind(currentUser.RequireCompany(), input.Code, input.Name, input.NameEn, input.NumberPrefix);
        kind.PublishForm(input.Form, clock.GetUtcNow().UtcDateTime);
        db.Add(kind);
        await db.SaveChangesAsync(ct);
        return Info(kind);
    }

    /// <summary>Publishes a new form version of an administrator-defined kind; open requests keep theirs.</summary>
    public async Task<KindInfo> PublishFormAsync(string code, FormDefinition form, CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.KindsManage, ct);
        var kind = await db.Set<RequestKind>().SingleOrDefaultAsync(k => k.Code == code, ct) ?? throw new NotFoundException("Request kind");
        kind.PublishForm(form, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Info(kind);
    }

    /// <summary>The current options of every source the kinds' forms name, asked once each.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> OptionsAsync(IEnumerable<RequestKindDefinition> kinds, CancellationToken ct)
    {
        var names = kinds.SelectMany(k => k.Forms).SelectMany(f => f.Fields).Select(f => f.OptionSource).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var source in optionSources.Where(s => names.Contains(s.Name)))
        {
            result[source.Name] = await source.OptionsAsync(ct);
        }
        return result;
    }

    private static KindInfo Info(RequestKindDefinition k, IReadOnlyDictionary<string, IReadOnlyList<string>> options) =>
        new(k.Code, k.Name, k.NameEn, k.NumberPrefix, k.CurrentFormVersion, true, v => k.Form(v).WithOptions(options), k.DefaultRoute, k.Handler);

    private static KindInfo Info(RequestKind k) =>
        new(k.Code, k.Name, k.NameEn, k.NumberPrefix, k.CurrentFormVersion, false, k.Form, BuiltInKinds.StandardRoute, null);
}
