using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class ContactRecordConfiguration : IEntityTypeConfiguration<ContactRecord>
{
    public void Configure(EntityTypeBuilder<ContactRecord> b)
    {
        b.Property(c => c.StaffName).HasMaxLength(200);
        b.Property(c => c.StaffUserId).HasMaxLength(450);
        b.Property(c => c.Summary).HasMaxLength(4000);
        b.HasIndex(c => new { c.MemberId, c.OccurredOn });
        b.HasIndex(c => new { c.FollowUpNeeded, c.FollowUpBy });
    }
}
