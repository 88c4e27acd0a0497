using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Urakata.Platform.Security;

namespace Urakata.Platform.Modules;

/// <summary>
/// The one class through which a module plugs into the host: services, endpoints, Blazor pages (its
/// assembly), EF configurations (its assembly), menu entries, permissions and jobs. The host loops over
/// the modules and knows nothing else about them.
/// </summary>
public interface IUrakataModule
{
    /// <summary>Short, stable name (<c>platform</c>, <c>workflow</c>, <c>accounting</c>…).</summary>
    string Name { get; }

    /// <summary>Holds the module's pages and its <c>IEntityTypeConfiguration</c>s.</summary>
    Assembly Assembly => GetType().Assembly;

    IEnumerable<PermissionDefinition> Permissions { get; }

    IEnumerable<MenuItem> MenuItems { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder api);

    void AddJobs(IQuartzBuilder quartz)
    {
    }

    /// <summary>Permissions the demo company's roles get (role keys: <c>hr</c>, <c>accounting</c>, <c>staff</c>).</summary>
    IEnumerable<(string RoleKey, string Permission)> DemoGrants => [];

    /// <summary>
    /// Adds the module's demo records to the freshly seeded demo company. <paramref name="services"/> is a scope acting as the
    /// company's administrator; the call runs once, right after the company and its people were created.
    /// </summary>
    Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Components the home page shows for the signed-in user (the 打刻 card, requests waiting…), in module order. Each is
    /// a Razor component without parameters that renders nothing when it has nothing for the user.
    /// </summary>
    IEnumerable<Type> HomeCards => [];
}

/// <summary>A link in the navigation menu, shown when the user holds <see cref="Permission"/> (or always when null).</summary>
/// <param name="TitleKey">Key in the module's shared UI resources.</param>
/// <param name="Icon">A MudBlazor icon (SVG path string).</param>
/// <param name="BadgeKey">A count from an <see cref="IMenuBadgeSource"/> shown next to the entry when not zero.</param>
public sealed record MenuItem(string Group, string TitleKey, string Href, string Icon, string? Permission = null, int Order = 0, string? BadgeKey = null);

/// <summary>The loaded modules, in dependency order (Platform first).</summary>
public sealed class ModuleCatalog(IEnumerable<IUrakataModule> modules)
{
    public IReadOnlyList<IUrakataModule> Modules { get; } = modules.ToList();

    public IEnumerable<Assembly> Assemblies => Modules.Select(m => m.Assembly).Distinct();

    /// <summary>Assemblies other than Platform's: the Blazor router adds them as additional assemblies.</summary>
    public IEnumerable<Assembly> PageAssemblies(Assembly hostAssembly) =>
        Assemblies.Where(a => a != hostAssembly);

    public IEnumerable<MenuItem> Menu => Modules.SelectMany(m => m.MenuItems).OrderBy(i => i.Order);

    public IEnumerable<Type> HomeCards => Modules.SelectMany(m => m.HomeCards);
}

/// <summary>
/// Counts shown next to menu entries (e.g. requests waiting for me), keyed by <see cref="MenuItem.BadgeKey"/>.
/// A module registers its source as a scoped service; the layout asks every source on each navigation.
/// </summary>
public interface IMenuBadgeSource
{
    Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken ct = default);
}
