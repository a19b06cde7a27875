using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Thanks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class ThankYouNoteConfiguration : IEntityTypeConfiguration<ThankYouNote>
{
    public void Configure(EntityTypeBuilder<ThankYouNote> b)
    {
        b.Property(t => t.SentByName).HasMaxLength(200);
        b.Property(t => t.Note).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        // One thank-you per payment, member and kind (a household transfer thanks both), however often a confirmation is repeated.
        b.HasIndex(t => new { t.PaymentId, t.MemberId, t.Kind }).IsUnique().HasFilter("\"PaymentId\" IS NOT NULL");
        b.HasIndex(t => new { t.Status, t.Channel });
        b.HasIndex(t => t.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Payment>().WithMany().HasForeignKey(t => t.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IssuedReceiptConfiguration : IEntityTypeConfiguration<IssuedReceipt>
{
    public void Configure(EntityTypeBuilder<IssuedReceipt> b)
    {
        b.Property(r => r.Number).HasMaxLength(30);
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.IssuedByName).HasMaxLength(200);
        b.Property(r => r.VoidReason).HasMaxLength(500);
        b.HasIndex(r => new { r.MemberId, r.Kind });
        b.HasIndex(r => r.PaymentId);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}
