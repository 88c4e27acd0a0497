using Microsoft.Extensions.DependencyInjection;

namespace Urakata.Workflow.Forms;

/// <summary>
/// The options of a select that change with the company's data, registered by the module that owns the data
/// (<see cref="FormOptionSourceRegistration.AddFormOptionSource{T}"/>) and named by <see cref="FormField.OptionSource"/>.
/// Scoped: it reads the current company.
/// </summary>
public interface IFormOptionSource
{
    string Name { get; }

    Task<IReadOnlyList<string>> OptionsAsync(CancellationToken ct);
}

public static class FormOptionSourceRegistration
{
    public static IServiceCollection AddFormOptionSource<T>(this IServiceCollection services)
        where T : class, IFormOptionSource => services.AddScoped<IFormOptionSource, T>();
}
