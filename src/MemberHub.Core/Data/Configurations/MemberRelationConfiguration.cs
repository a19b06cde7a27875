using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class MemberRelationConfiguration : IEntityTypeConfiguration<MemberRelation>
{
    public void Configure(EntityTypeBuilder<MemberRelation> b)
    {
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.RelatedMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.MemberId, r.RelatedMemberId }).IsUnique();
        b.HasIndex(r => r.RelatedMemberId);
    }
}
