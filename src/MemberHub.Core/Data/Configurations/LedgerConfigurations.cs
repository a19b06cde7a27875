using MemberHub.Billing;
using MemberHub.Ledger;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.PayerName).HasMaxLength(200);
        b.Property(p => p.Note).HasMaxLength(1000);
        b.Property(p => p.ReversalReason).HasMaxLength(500);
        b.Property(p => p.CreatedByUserId).HasMaxLength(450);
        b.Property(p => p.CreatedByName).HasMaxLength(200);
        b.Ignore(p => p.IsReversed);
        b.HasIndex(p => new { p.MemberId, p.ReceivedOn });
        b.HasIndex(p => p.ReceivedOn);
        // A bank line is posted once: the database refuses a second live payment for it (two people confirming
        // the same line, a double click). Once the posting is reversed the line may be posted again.
        b.HasIndex(p => p.BankLineId).IsUnique()
            .HasFilter("\"BankLineId\" IS NOT NULL AND \"ReversesPaymentId\" IS NULL AND \"ReversedByPaymentId\" IS NULL")
            .HasDatabaseName("UX_Payments_LiveBankLine");
        b.Property(p => p.SubmissionKey).HasMaxLength(64);
        b.HasIndex(p => p.SubmissionKey).IsUnique();
        // A payment is reversed at most once.
        b.HasIndex(p => p.ReversesPaymentId).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Payment>().WithMany().HasForeignKey(p => p.ReversesPaymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> b)
    {
        b.HasIndex(a => a.InvoiceId);
        b.HasIndex(a => new { a.MemberId, a.Kind });
        b.HasOne<Invoice>().WithMany().HasForeignKey(a => a.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
