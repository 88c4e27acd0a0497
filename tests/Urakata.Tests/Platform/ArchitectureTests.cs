using Urakata.Platform;

namespace Urakata.Tests.Platform;

/// <summary>Arrows point down only (DESIGN.md): a module may use the modules below it, never the host or a module above.</summary>
public sealed class ArchitectureTests
{
    // Module assembly → the Urakata assemblies it may reference. Add a line per new module.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Urakata.Platform"] = [],
        ["Urakata.Workflow"] = ["Urakata.Platform"],
        ["Urakata.Accounting"] = ["Urakata.Platform"],
        ["Urakata.People"] = ["Urakata.Platform", "Urakata.Workflow"],
    };

    [Fact]
    public void Modules_ReferenceOnlyTheModulesBelowThem()
    {
        foreach (var module in Urakata.Web.UrakataApp.Modules)
        {
            var name = module.Assembly.GetName().Name!;
            Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} is not in the dependency table of this test");
            var references = module.Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Urakata", StringComparison.Ordinal) || n == "urakata");
            Assert.Empty(references.Except(allowed));
        }
    }

    [Fact]
    public void PlatformComesFirst_AndEveryModuleNameIsUnique()
    {
        var modules = Urakata.Web.UrakataApp.Modules;
        Assert.IsType<PlatformModule>(modules[0]);
        Assert.Equal(modules.Count, modules.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void IgnoreQueryFilters_IsUsedOnlyInsidePlatform()
    {
        var root = ResourceTests.RepoRoot();
        var offenders = Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Urakata.Platform{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Urakata.Web{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryCompanyOwnedEntity_HasTheCompanyQueryFilter()
    {
        using var db = new Urakata.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        var owned = db.Model.GetEntityTypes().Where(t => typeof(Urakata.Platform.Domain.ICompanyOwned).IsAssignableFrom(t.ClrType)).ToList();
        Assert.True(owned.Count >= 8, $"only {owned.Count} company-owned entities found");
        Assert.All(owned, t => Assert.True(t.GetDeclaredQueryFilters().Count > 0, $"{t.ClrType.Name} has no company filter"));
    }
}
