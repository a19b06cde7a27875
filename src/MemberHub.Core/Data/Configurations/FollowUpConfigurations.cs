using MemberHub.FollowUp;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class MemberStatsConfiguration : IEntityTypeConfiguration<MemberStats>
{
    public void Configure(EntityTypeBuilder<MemberStats> b)
    {
        b.HasKey(s => s.MemberId);
        b.Property(s => s.MemberId).ValueGeneratedNever();
        b.HasOne<Member>().WithOne().HasForeignKey<MemberStats>(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        // Segments and today's list filter on these.
        b.HasIndex(s => s.LastPaymentOn);
        b.HasIndex(s => s.LastContactOn);
        b.HasIndex(s => new { s.Class, s.Stage });
        b.HasIndex(s => s.Dormancy);
    }
}

public sealed class FollowUpSettingsConfiguration : IEntityTypeConfiguration<FollowUpSettings>
{
    public void Configure(EntityTypeBuilder<FollowUpSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.RulesJson).HasMaxLength(4000);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

public sealed class OrganisationEventConfiguration : IEntityTypeConfiguration<OrganisationEvent>
{
    public void Configure(EntityTypeBuilder<OrganisationEvent> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.Description).HasMaxLength(4000);
        b.Property(e => e.Keywords).HasMaxLength(500);
        b.Property(e => e.CreatedByName).HasMaxLength(200);
        b.HasIndex(e => e.HeldOn);
    }
}

public sealed class EventAttendanceConfiguration : IEntityTypeConfiguration<EventAttendance>
{
    public void Configure(EntityTypeBuilder<EventAttendance> b)
    {
        b.Property(a => a.Note).HasMaxLength(500);
        b.Property(a => a.RecordedByName).HasMaxLength(200);
        b.HasIndex(a => new { a.EventId, a.MemberId }).IsUnique();
        b.HasIndex(a => a.MemberId);
        b.HasOne<OrganisationEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> b)
    {
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Note).HasMaxLength(2000);
        b.Property(t => t.AssignedUserId).HasMaxLength(450);
        b.Property(t => t.AssignedName).HasMaxLength(200);
        b.Property(t => t.CompletedByName).HasMaxLength(200);
        b.Property(t => t.BatchKey).HasMaxLength(64);
        b.Property(t => t.CreatedByName).HasMaxLength(200);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.Status, t.AssignedUserId, t.DueOn });
        b.HasIndex(t => new { t.MemberId, t.Status });
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContactRecord>().WithMany().HasForeignKey(t => t.ContactRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> b)
    {
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Description).HasMaxLength(500);
        b.Property(s => s.CriteriaJson).HasMaxLength(8000);
        b.Property(s => s.CreatedByName).HasMaxLength(200);
    }
}

public sealed class MailingListConfiguration : IEntityTypeConfiguration<MailingList>
{
    public void Configure(EntityTypeBuilder<MailingList> b)
    {
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Description).HasMaxLength(500);
        b.HasIndex(l => l.Name).IsUnique();
        b.HasData(
            new MailingList { Id = 1, Name = "会報", Description = "定期的にお届けする会報・ニュースレター", SortOrder = 10 },
            new MailingList { Id = 2, Name = "イベントのご案内", Description = "イベント・講座・ボランティア募集のお知らせ", SortOrder = 20 });
    }
}

public sealed class MailingListOptOutConfiguration : IEntityTypeConfiguration<MailingListOptOut>
{
    public void Configure(EntityTypeBuilder<MailingListOptOut> b)
    {
        b.Property(o => o.Source).HasMaxLength(200);
        b.HasIndex(o => new { o.MemberId, o.MailingListId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MailingList>().WithMany().HasForeignKey(o => o.MailingListId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MailingConfiguration : IEntityTypeConfiguration<Mailing>
{
    public void Configure(EntityTypeBuilder<Mailing> b)
    {
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.CriteriaJson).HasMaxLength(8000);
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.Body).HasMaxLength(20000);
        b.Property(m => m.ExcludedSummary).HasMaxLength(1000);
        b.Property(m => m.CreatedByName).HasMaxLength(200);
        b.Property(m => m.SentByName).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<MailingList>().WithMany().HasForeignKey(m => m.MailingListId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
