using MemberHub.Auditing;
using MemberHub.Banking;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Documents;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Organisation;
using MemberHub.Volunteers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MemberHub.Data;

public class MemberHubDbContext(DbContextOptions<MemberHubDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The keys that protect sign-in cookies and antiforgery tokens, kept in the database so that sessions
    /// survive a restart and several app instances on one PostgreSQL database accept each other's cookies.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberClass> MemberClasses => Set<MemberClass>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<MemberTag> MemberTags => Set<MemberTag>();
    public DbSet<ContactRecord> ContactRecords => Set<ContactRecord>();
    public DbSet<MemberRelation> MemberRelations => Set<MemberRelation>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();
    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();

    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
    public DbSet<BillingRun> BillingRuns => Set<BillingRun>();
    public DbSet<DuesReminder> DuesReminders => Set<DuesReminder>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAllocation> PaymentAllocations => Set<PaymentAllocation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<DocumentJob> DocumentJobs => Set<DocumentJob>();

    public DbSet<BankImport> BankImports => Set<BankImport>();
    public DbSet<BankStatementLine> BankStatementLines => Set<BankStatementLine>();
    public DbSet<BankCsvMapping> BankCsvMappings => Set<BankCsvMapping>();
    public DbSet<PayerAlias> PayerAliases => Set<PayerAlias>();
    public DbSet<VolunteerArea> VolunteerAreas => Set<VolunteerArea>();
    public DbSet<VolunteerProfile> VolunteerProfiles => Set<VolunteerProfile>();
    public DbSet<VolunteerSkill> VolunteerSkills => Set<VolunteerSkill>();
    public DbSet<VolunteerAbsence> VolunteerAbsences => Set<VolunteerAbsence>();
    public DbSet<VolunteerRequest> VolunteerRequests => Set<VolunteerRequest>();
    public DbSet<VolunteerRequestArea> VolunteerRequestAreas => Set<VolunteerRequestArea>();
    public DbSet<VolunteerAssignment> VolunteerAssignments => Set<VolunteerAssignment>();
    public DbSet<EquipmentItem> EquipmentItems => Set<EquipmentItem>();
    public DbSet<EquipmentLoan> EquipmentLoans => Set<EquipmentLoan>();
    public DbSet<VolunteerGoal> VolunteerGoals => Set<VolunteerGoal>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MemberHubDbContext).Assembly);

        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // The member search is LIKE '%q%' over SearchText, ordered by furigana. On SQLite an index that
            // holds the sort keys, the list's filters and SearchText lets one pass over the (small) index find
            // a page and the count without touching the wide table rows: under 100 ms at 100,000 members. Not on
            // PostgreSQL, where a long SearchText could exceed the btree entry size limit.
            builder.Entity<Member>()
                .HasIndex(m => new { m.SortKana, m.MemberNumber, m.IsArchived, m.Status, m.MemberClassId, m.Prefecture, m.SearchText })
                .HasDatabaseName("IX_Members_Search");
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefreshDerivedColumns();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshDerivedColumns();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The search columns follow the name, number, phones and e-mail whichever code saved the member, so no
    /// handler can forget them and leave a member the search cannot find.
    /// </summary>
    private void RefreshDerivedColumns()
    {
        foreach (var entry in ChangeTracker.Entries<Member>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.RefreshSearchText();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Yen>().HaveConversion<YenConverter>();
    }

    private sealed class YenConverter() : ValueConverter<Yen, long>(y => y.Value, v => new Yen(v));
}
