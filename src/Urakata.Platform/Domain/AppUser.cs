using Microsoft.AspNetCore.Identity;

namespace Urakata.Platform.Domain;

/// <summary>A person who signs in. Belongs to companies through <see cref="CompanyMembership"/>.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = "";
    public string? DisplayNameKana { get; set; }
    /// <summary>A disabled user cannot sign in and loses open sessions within a minute.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>The company the user last switched to; validated against memberships at sign-in.</summary>
    public Guid? CurrentCompanyId { get; set; }
    /// <summary>"ja" or "en"; empty means the browser/cookie choice.</summary>
    public string? PreferredCulture { get; set; }
    /// <summary>ASVS 6.5.1: the last accepted TOTP time step, so a code is accepted only once.</summary>
    public long? LastTotpTimeStep { get; set; }
    public DateTime CreatedAt { get; set; }
}
