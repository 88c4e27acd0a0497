using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Partners;

public sealed record PartnerDto(Guid Id, string Code, string Name, string? Kana, bool IsIndividual, string? CorporateNumber, string? InvoiceRegistrationNumber,
    DateOnly? RegisteredFrom, DateOnly? RegisteredUntil, bool IsActive, int Version);

public sealed record PartnerInput(string Code, string Name, string? Kana, bool IsIndividual, string? CorporateNumber, string? InvoiceRegistrationNumber,
    DateOnly? RegisteredFrom, DateOnly? RegisteredUntil, bool IsActive = true, int? Version = null);

/// <summary>取引先: search by code, name or reading (ｶﾅ, かな and カナ alike), add and edit.</summary>
public sealed class PartnerDirectory(UrakataDbContext db)
{
    public async Task<List<PartnerDto>> SearchAsync(string? query, int limit = 50, CancellationToken ct = default)
    {
        var key = JapaneseText.SearchKey(query);
        var code = JapaneseText.Narrow(query ?? "");
        var found = db.Set<Partner>().AsNoTracking();
        if (key.Length > 0)
        {
            found = found.Where(p => p.Code.StartsWith(code) || p.SearchKey.Contains(key));
        }
        return await found.OrderBy(p => p.Code).Take(Math.Clamp(limit, 1, 500)).Select(p => ToDto(p)).ToListAsync(ct);
    }

    public async Task<PartnerDto> GetAsync(Guid id, CancellationToken ct = default) => ToDto(await db.Set<Partner>().FindOrThrowAsync(id, ct));

    public async Task<PartnerDto> CreateAsync(PartnerInput input, CancellationToken ct = default)
    {
        var partner = new Partner(input.Code, input.Name, input.Kana);
        partner.Update(Details(input));
        await EnsureCodeFreeAsync(partner.Code, null, ct);
        db.Add(partner);
        await db.SaveChangesAsync(ct);
        return ToDto(partner);
    }

    public async Task<PartnerDto> UpdateAsync(Guid id, PartnerInput input, CancellationToken ct = default)
    {
        var partner = await db.Set<Partner>().FindOrThrowAsync(id, ct);
        db.ExpectVersion(partner, input.Version);
        partner.Update(Details(input));
        if (input.IsActive)
        {
            partner.Activate();
        }
        else
        {
            partner.Deactivate();
        }
        await EnsureCodeFreeAsync(partner.Code, id, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(partner);
    }

    private async Task EnsureCodeFreeAsync(string code, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Partner>().AnyAsync(p => p.Code == code && p.Id != except, ct))
        {
            throw new DomainException(AccountingMessages.CodeTaken, "code");
        }
    }

    private static Partner.Details Details(PartnerInput i) =>
        new(i.Code, i.Name, i.Kana, i.IsIndividual, i.CorporateNumber, i.InvoiceRegistrationNumber, i.RegisteredFrom, i.RegisteredUntil);

    private static PartnerDto ToDto(Partner p) => new(p.Id, p.Code, p.Name, p.Kana, p.IsIndividual, p.CorporateNumber, p.InvoiceRegistrationNumber,
        p.RegisteredFrom, p.RegisteredUntil, p.IsActive, p.Version);
}
