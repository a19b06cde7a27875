using MemberHub.Members;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class VolunteerAreaConfiguration : IEntityTypeConfiguration<VolunteerArea>
{
    public void Configure(EntityTypeBuilder<VolunteerArea> b)
    {
        b.Property(a => a.GroupName).HasMaxLength(50);
        b.Property(a => a.Name).HasMaxLength(50);
        b.HasIndex(a => new { a.GroupName, a.Name }).IsUnique();
        b.HasData(VolunteerArea.Defaults.Select((d, i) => new VolunteerArea { Id = i + 1, GroupName = d.Group, Name = d.Name, SortOrder = (i + 1) * 10 }));
    }
}

public sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> b)
    {
        b.Property(p => p.Note).HasMaxLength(1000);
        b.HasIndex(p => p.MemberId).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

public sealed class VolunteerSkillConfiguration : IEntityTypeConfiguration<VolunteerSkill>
{
    public void Configure(EntityTypeBuilder<VolunteerSkill> b)
    {
        b.Property(s => s.Note).HasMaxLength(200);
        b.HasIndex(s => new { s.MemberId, s.AreaId }).IsUnique();
        b.HasIndex(s => s.AreaId);
        b.HasOne(s => s.Area).WithMany().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerAbsenceConfiguration : IEntityTypeConfiguration<VolunteerAbsence>
{
    public void Configure(EntityTypeBuilder<VolunteerAbsence> b)
    {
        b.Property(a => a.Note).HasMaxLength(200);
        b.HasIndex(a => new { a.MemberId, a.To });
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerRequestConfiguration : IEntityTypeConfiguration<VolunteerRequest>
{
    public void Configure(EntityTypeBuilder<VolunteerRequest> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.Place).HasMaxLength(200);
        b.Property(r => r.OutsideBody).HasMaxLength(200);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Occasion);
        b.Ignore(r => r.FirstDay);
        b.Ignore(r => r.LastDay);
        b.HasIndex(r => new { r.Status, r.Date });
        b.HasMany(r => r.Areas).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VolunteerRequestAreaConfiguration : IEntityTypeConfiguration<VolunteerRequestArea>
{
    public void Configure(EntityTypeBuilder<VolunteerRequestArea> b)
    {
        b.HasKey(a => new { a.RequestId, a.AreaId });
        b.HasOne(a => a.Area).WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerAssignmentConfiguration : IEntityTypeConfiguration<VolunteerAssignment>
{
    public void Configure(EntityTypeBuilder<VolunteerAssignment> b)
    {
        b.HasIndex(a => new { a.RequestId, a.MemberId }).IsUnique();
        b.HasIndex(a => new { a.MemberId, a.InvitedOn });
        b.HasOne(a => a.Request).WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class EquipmentItemConfiguration : IEntityTypeConfiguration<EquipmentItem>
{
    public void Configure(EntityTypeBuilder<EquipmentItem> b)
    {
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Code).HasMaxLength(50);
        b.Property(i => i.Note).HasMaxLength(1000);
    }
}

public sealed class EquipmentLoanConfiguration : IEntityTypeConfiguration<EquipmentLoan>
{
    public void Configure(EntityTypeBuilder<EquipmentLoan> b)
    {
        b.Property(l => l.Note).HasMaxLength(500);
        b.HasIndex(l => new { l.ItemId, l.LentOn });
        b.HasIndex(l => new { l.MemberId, l.LentOn });
        b.HasIndex(l => new { l.ReturnedOn, l.DueOn });
        b.HasOne(l => l.Item).WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerGoalConfiguration : IEntityTypeConfiguration<VolunteerGoal>
{
    public void Configure(EntityTypeBuilder<VolunteerGoal> b)
    {
        b.Property(g => g.Title).HasMaxLength(200);
        b.Property(g => g.Message).HasMaxLength(2000);
    }
}
