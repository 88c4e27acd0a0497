using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.ToTable("pf_companies");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.NameKana).HasMaxLength(200);
        b.Property(c => c.CorporateNumber).HasMaxLength(13);
        b.Property(c => c.InvoiceRegistrationNumber).HasMaxLength(14);
        b.Property(c => c.PostalCode).HasMaxLength(10);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.TimeZone).HasMaxLength(60);
    }
}
