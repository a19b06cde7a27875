using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class MemberClassConfiguration : IEntityTypeConfiguration<MemberClass>
{
    public void Configure(EntityTypeBuilder<MemberClass> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}
