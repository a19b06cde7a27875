using MemberHub.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.DisplayName).HasMaxLength(200);
        b.Property(i => i.Role).HasMaxLength(50);
        b.Property(i => i.TokenHash).HasMaxLength(100);
        b.Property(i => i.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(i => i.TokenHash).IsUnique();
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
