using MemberHub.Billing;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.Property(i => i.InvoiceNumber).HasMaxLength(20);
        b.HasIndex(i => i.InvoiceNumber).IsUnique();
        // Nothing is billed twice: one live invoice per member, fiscal year and class, enforced by the
        // database. Cancelled invoices (Status 3) step aside so that a corrected one can be issued.
        b.HasIndex(i => new { i.MemberId, i.FiscalYear, i.MemberClassId })
            .IsUnique()
            .HasFilter("\"Status\" <> 3")
            .HasDatabaseName("UX_Invoices_Member_Year_Class");
        b.HasIndex(i => new { i.FiscalYear, i.Status, i.MemberClassId });
        b.HasIndex(i => new { i.Status, i.DueOn });
        b.HasIndex(i => i.BillingRunId);
        b.Property(i => i.TaxRegistrationNumber).HasMaxLength(14);
        b.Property(i => i.RecipientName).HasMaxLength(200);
        b.Property(i => i.RecipientContactName).HasMaxLength(200);
        b.Property(i => i.RecipientHonorific).HasMaxLength(10);
        b.Property(i => i.RecipientPostalCode).HasMaxLength(8);
        b.Property(i => i.RecipientAddress).HasMaxLength(400);
        b.Property(i => i.RecipientEmail).HasMaxLength(254);
        b.Property(i => i.CancelReason).HasMaxLength(500);
        b.Property(i => i.WriteOffReason).HasMaxLength(500);
        b.Property(i => i.CreatedByName).HasMaxLength(200);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.Balance);
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MemberClass>().WithMany().HasForeignKey(i => i.MemberClassId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BillingRun>().WithMany().HasForeignKey(i => i.BillingRunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CorrectsInvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> b)
    {
        b.Property(l => l.Description).HasMaxLength(200);
        b.Property(l => l.Note).HasMaxLength(200);
        b.HasIndex(l => new { l.InvoiceId, l.LineNumber }).IsUnique();
    }
}

public sealed class BillingRunConfiguration : IEntityTypeConfiguration<BillingRun>
{
    public void Configure(EntityTypeBuilder<BillingRun> b)
    {
        b.Property(r => r.MemberClassIds).HasMaxLength(400);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.HasIndex(r => r.FiscalYear);
    }
}

public sealed class DuesReminderConfiguration : IEntityTypeConfiguration<DuesReminder>
{
    public void Configure(EntityTypeBuilder<DuesReminder> b)
    {
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.HasIndex(r => new { r.InvoiceId, r.Sequence }).IsUnique();
        b.HasIndex(r => new { r.MemberId, r.SentOn });
        b.HasOne<Invoice>().WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> b)
    {
        b.Property(a => a.BankName).HasMaxLength(100);
        b.Property(a => a.BankCode).HasMaxLength(4);
        b.Property(a => a.BranchName).HasMaxLength(100);
        b.Property(a => a.BranchCode).HasMaxLength(3);
        b.Property(a => a.AccountNumber).HasMaxLength(20);
        b.Property(a => a.AccountHolderKana).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Display);
    }
}
