using MemberHub.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class OrganisationSettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    public void Configure(EntityTypeBuilder<OrganisationSettings> b)
    {
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.PostalCode).HasMaxLength(8);
        b.Property(o => o.Address).HasMaxLength(400);
        b.Property(o => o.Representative).HasMaxLength(200);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Email).HasMaxLength(254);
        b.Property(o => o.TransferInstruction).HasMaxLength(500);
        b.Property(o => o.NonTaxableWording).HasMaxLength(500);
        b.Property(o => o.TaxRegistrationNumber).HasMaxLength(14);
        b.Property(o => o.SealContentType).HasMaxLength(50);
        b.Property(o => o.CertificationNumber).HasMaxLength(100);
        b.Property(o => o.CompetentAuthority).HasMaxLength(100);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}
