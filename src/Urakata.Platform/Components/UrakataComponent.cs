using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Components;

/// <summary>
/// Base of interactive pages: each page gets its own DI scope (a fresh DbContext, not one that lives as long
/// as the circuit) whose <see cref="CurrentUser"/> is the circuit's user; rule failures become snackbar
/// messages in the user's language.
/// </summary>
public abstract class UrakataComponent : OwningComponentBase
{
    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] protected Task<AuthenticationState>? AuthState { get; set; }

    protected T Service<T>() where T : notnull => ScopedServices.GetRequiredService<T>();

    protected override async Task OnInitializedAsync()
    {
        if (AuthState is not null)
        {
            Service<CurrentUser>().SetFrom((await AuthState).User, null);
        }
        await OnPageInitializedAsync();
    }

    protected virtual Task OnPageInitializedAsync() => Task.CompletedTask;

    /// <summary>Shows a broken rule; a form page overrides this to put each message at its field.</summary>
    protected virtual void ShowError(DomainException error) => Snackbar.Add(error.Message, Severity.Error);

    /// <summary>Runs a user action; a broken rule, a stale version or a missing record is shown, not thrown.</summary>
    protected async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }
            return true;
        }
        catch (DomainException ex)
        {
            ShowError(ex);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            Snackbar.Add(Messages.ConcurrencyConflict, Severity.Warning);
        }
        catch (NotFoundException)
        {
            Snackbar.Add(Messages.NotFound, Severity.Warning);
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(L["Forbidden"], Severity.Error);
        }
        // A failed save leaves the scope's change tracker in an unknown state: start clean.
        Service<Data.UrakataDbContext>().ChangeTracker.Clear();
        return false;
    }
}
