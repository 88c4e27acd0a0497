using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Features;

namespace Urakata.Accounting.Ledger;

/// <summary>The company's 経理方式, 課税方式 and 端数処理.</summary>
public sealed class LedgerSettingsService(UrakataDbContext db, LedgerContext ledger)
{
    public async Task<LedgerSettingsDto> GetAsync(CancellationToken ct = default) => ToDto((await ledger.LoadAsync(ct)).Settings);

    public async Task<LedgerSettingsDto> UpdateAsync(LedgerSettingsDto input, CancellationToken ct = default)
    {
        await ledger.LoadAsync(ct);
        var settings = await db.Set<LedgerSettings>().SingleAsync(ct);
        db.ExpectVersion(settings, input.Version);
        settings.Update(input.Bookkeeping, input.TaxMethod, input.Rounding, input.SimplifiedBusinessCategory);
        await db.SaveChangesAsync(ct);
        ledger.Reset();
        return ToDto(settings);
    }

    private static LedgerSettingsDto ToDto(LedgerSettings s) => new(s.Bookkeeping, s.TaxMethod, s.Rounding, s.SimplifiedBusinessCategory, s.Version);
}
