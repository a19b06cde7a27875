using MemberHub.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MemberHub.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Category).HasMaxLength(50);
        b.Property(m => m.ToAddress).HasMaxLength(254);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(400);
        b.Property(m => m.Body).HasMaxLength(20000);
        b.Property(m => m.AttachmentFileName).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.ContactSummary).HasMaxLength(500);
        b.Property(m => m.ListUnsubscribeUrl).HasMaxLength(1000);
        b.Property(m => m.CreatedByName).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.Category, m.RelatedId });
        b.HasIndex(m => m.MemberId);
        b.HasIndex(m => m.MessageId).IsUnique();
    }
}

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.Property(t => t.Key).HasMaxLength(50);
        b.HasIndex(t => t.Key).IsUnique();
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Subject).HasMaxLength(400);
        b.Property(t => t.Body).HasMaxLength(20000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasData(DefaultTemplates.All.Select(t => new MessageTemplate
        {
            Id = t.Id, Key = t.Key, Name = t.Name, Subject = t.Subject, Body = t.Body.ReplaceLineEndings("\n"),
            UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
    }
}
