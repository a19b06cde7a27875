using MemberHub.Banking;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class BankImportConfiguration : IEntityTypeConfiguration<BankImport>
{
    public void Configure(EntityTypeBuilder<BankImport> b)
    {
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.CsvLayoutName).HasMaxLength(100);
        b.Property(i => i.Encoding).HasMaxLength(20);
        b.Property(i => i.ImportedByUserId).HasMaxLength(450);
        b.Property(i => i.ImportedByName).HasMaxLength(200);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.HasIndex(i => i.ImportedAt);
        b.HasIndex(i => i.Sha256);
    }
}

public sealed class BankStatementLineConfiguration : IEntityTypeConfiguration<BankStatementLine>
{
    public void Configure(EntityTypeBuilder<BankStatementLine> b)
    {
        b.Property(l => l.AccountKey).HasMaxLength(120);
        b.Property(l => l.BankCode).HasMaxLength(4);
        b.Property(l => l.BranchCode).HasMaxLength(3);
        b.Property(l => l.AccountNumber).HasMaxLength(20);
        b.Property(l => l.AccountLabel).HasMaxLength(200);
        b.Property(l => l.LineKey).HasMaxLength(300);
        b.Property(l => l.PayerName).HasMaxLength(200);
        b.Property(l => l.Description).HasMaxLength(400);
        b.Property(l => l.TransactionType).HasMaxLength(20);
        // Nothing twice: the same line of the same account, from any later download, is refused by the database,
        // which also stops two simultaneous confirmations of one file.
        b.HasIndex(l => new { l.AccountKey, l.LineKey }).IsUnique().HasDatabaseName("UX_BankStatementLines_Account_Key");
        b.HasIndex(l => new { l.AccountKey, l.BookedOn });
        b.HasIndex(l => l.BankImportId);
        b.HasIndex(l => new { l.Status, l.IsMatchCandidate });
        b.Property(l => l.CancelsLineKey).HasMaxLength(300);
        b.Property(l => l.DecidedByName).HasMaxLength(200);
        b.Property(l => l.DecisionNote).HasMaxLength(500);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<BankImport>().WithMany().HasForeignKey(l => l.BankImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BankCsvMappingConfiguration : IEntityTypeConfiguration<BankCsvMapping>
{
    public void Configure(EntityTypeBuilder<BankCsvMapping> b)
    {
        b.Property(m => m.Name).HasMaxLength(60);
        b.HasIndex(m => m.Name).IsUnique();
        b.Property(m => m.Encoding).HasMaxLength(20);
        b.Property(m => m.AccountName).HasMaxLength(100);
        b.Property(m => m.DateColumn).HasMaxLength(100);
        b.Property(m => m.AmountColumn).HasMaxLength(100);
        b.Property(m => m.CreditColumn).HasMaxLength(100);
        b.Property(m => m.DebitColumn).HasMaxLength(100);
        b.Property(m => m.PayerColumn).HasMaxLength(100);
        b.Property(m => m.DescriptionColumn).HasMaxLength(100);
        b.Property(m => m.BalanceColumn).HasMaxLength(100);
        b.Property(m => m.CreatedByName).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
    }
}

public sealed class PayerAliasConfiguration : IEntityTypeConfiguration<PayerAlias>
{
    public void Configure(EntityTypeBuilder<PayerAlias> b)
    {
        b.Property(a => a.PayerKey).HasMaxLength(200);
        b.Property(a => a.PayerName).HasMaxLength(200);
        b.Property(a => a.CreatedByUserId).HasMaxLength(450);
        b.Property(a => a.CreatedByName).HasMaxLength(200);
        b.HasIndex(a => new { a.PayerKey, a.MemberId }).IsUnique();
        b.HasIndex(a => a.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
