using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.HasIndex(m => m.MemberNumber).IsUnique();
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.NameKana).HasMaxLength(200);
        b.Property(m => m.ContactPersonName).HasMaxLength(200);
        b.Property(m => m.ContactPersonKana).HasMaxLength(200);
        b.Property(m => m.StatusReason).HasMaxLength(500);
        b.Property(m => m.PostalCode).HasMaxLength(8);
        b.Property(m => m.Prefecture).HasMaxLength(10);
        b.Property(m => m.City).HasMaxLength(100);
        b.Property(m => m.Street).HasMaxLength(200);
        b.Property(m => m.Building).HasMaxLength(200);
        b.Property(m => m.Phone).HasMaxLength(30);
        b.Property(m => m.MobilePhone).HasMaxLength(30);
        b.Property(m => m.Email).HasMaxLength(254);
        b.Property(m => m.BestTimeToCall).HasMaxLength(200);
        b.Property(m => m.AssignedStaffUserId).HasMaxLength(450);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Hobbies).HasMaxLength(1000);
        b.Property(m => m.Likes).HasMaxLength(1000);
        b.Property(m => m.Dislikes).HasMaxLength(1000);
        b.Property(m => m.FamilyNotes).HasMaxLength(2000);
        b.Property(m => m.Notes).HasMaxLength(4000);
        b.Property(m => m.SearchText).HasMaxLength(1000);
        b.Property(m => m.SortKana).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();

        b.HasOne(m => m.MemberClass).WithMany().HasForeignKey(m => m.MemberClassId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Tags).WithOne().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.ContactRecords).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);

        b.HasIndex(m => m.SortKana);
        // The member list filters by status, class and prefecture and counts the result: each index starts
        // with its filter and carries the others (and the sort keys), so a count never reads table rows.
        b.HasIndex(m => new { m.Status, m.SortKana, m.MemberNumber, m.IsArchived, m.MemberClassId, m.Prefecture }).HasDatabaseName("IX_Members_Status_Filter");
        b.HasIndex(m => new { m.MemberClassId, m.Status, m.IsArchived, m.Prefecture, m.SortKana, m.MemberNumber }).HasDatabaseName("IX_Members_Class_Filter");
        b.HasIndex(m => new { m.Prefecture, m.Status, m.IsArchived, m.MemberClassId, m.SortKana, m.MemberNumber }).HasDatabaseName("IX_Members_Prefecture_Filter");
        // "Newest members first": read backwards.
        b.HasIndex(m => new { m.JoinedOn, m.MemberNumber });
        // One account opens one member's マイページ. Partial, so the many members without an account do not
        // share one key: with all of them in the index as NULL, SQLite's planner would rather scan the table.
        b.HasIndex(m => m.UserId).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        b.HasIndex(m => m.Email);
        b.Property(m => m.PhoneDigits).HasMaxLength(20);
        b.Property(m => m.MobileDigits).HasMaxLength(20);
        // Today's list and the caller lookup: partial where most members have no value, so NULLs do not fill the index.
        b.HasIndex(m => m.BirthMonthDay).HasFilter("\"BirthMonthDay\" IS NOT NULL");
        b.HasIndex(m => m.JoinedMonthDay);
        b.HasIndex(m => m.PhoneDigits).HasFilter("\"PhoneDigits\" IS NOT NULL");
        b.HasIndex(m => m.MobileDigits).HasFilter("\"MobileDigits\" IS NOT NULL");
    }
}
