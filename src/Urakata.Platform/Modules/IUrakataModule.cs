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
}

/// <summary>A link in the navigation menu, shown when the user holds <see cref="Permission"/> (or always when null).</summary>
/// <param name="TitleKey">Key in the module's shared UI resources.</param>
/// <param name="Icon">A MudBlazor icon (SVG path string).</param>
public sealed record MenuItem(string Group, string TitleKey, string Href, string Icon, string? Permission = null, int Order = 0);

/// <summary>The loaded modules, in dependency order (Platform first).</summary>
public sealed class ModuleCatalog(IEnumerable<IUrakataModule> modules)
{
    public IReadOnlyList<IUrakataModule> Modules { get; } = modules.ToList();

    public IEnumerable<Assembly> Assemblies => Modules.Select(m => m.Assembly).Distinct();

    /// <summary>Assemblies other than Platform's: the Blazor router adds them as additional assemblies.</summary>
    public IEnumerable<Assembly> PageAssemblies(Assembly hostAssembly) =>
        Assemblies.Where(a => a != hostAssembly);

    public IEnumerable<MenuItem> Menu => Modules.SelectMany(m => m.MenuItems).OrderBy(i => i.Order);
}
