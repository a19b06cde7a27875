using MemberHub.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class DocumentJobConfiguration : IEntityTypeConfiguration<DocumentJob>
{
    public void Configure(EntityTypeBuilder<DocumentJob> b)
    {
        b.Property(j => j.Kind).HasMaxLength(50);
        b.Property(j => j.Parameters).HasMaxLength(200000);
        b.Property(j => j.Title).HasMaxLength(200);
        b.Property(j => j.StoredFileName).HasMaxLength(200);
        b.Property(j => j.DownloadFileName).HasMaxLength(200);
        b.Property(j => j.Error).HasMaxLength(2000);
        b.Property(j => j.CreatedByUserId).HasMaxLength(450);
        b.Property(j => j.CreatedByName).HasMaxLength(200);
        b.HasIndex(j => new { j.Status, j.CreatedAt });
        b.HasIndex(j => new { j.Kind, j.RelatedId });
    }
}
