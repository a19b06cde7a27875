using MemberHub.Auditing;
using MemberHub.Banking;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Documents;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Organisation;
using MemberHub.Thanks;
using MemberHub.Volunteers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MemberHub.Data;

/// <param name="statsRefresher">Keeps <see cref="MemberStats"/> current on every save of the facts it is made of; absent in bulk contexts and at design time.</param>
public class MemberHubDbContext(DbContextOptions<MemberHubDbContext> options, IMemberStatsRefresher? statsRefresher = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
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

    public DbSet<ThankYouNote> ThankYouNotes => Set<ThankYouNote>();
    public DbSet<IssuedReceipt> IssuedReceipts => Set<IssuedReceipt>();

    public DbSet<MemberStats> MemberStats => Set<MemberStats>();
    public DbSet<FollowUpSettings> FollowUpSettings => Set<FollowUpSettings>();
    public DbSet<OrganisationEvent> OrganisationEvents => Set<OrganisationEvent>();
    public DbSet<EventAttendance> EventAttendances => Set<EventAttendance>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<MailingList> MailingLists => Set<MailingList>();
    public DbSet<MailingListOptOut> MailingListOptOuts => Set<MailingListOptOut>();
    public DbSet<Mailing> Mailings => Set<Mailing>();

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

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here. The hooks below, the audit interceptor and EF itself each read the change
        // tracker, and with automatic detection every one of them would scan every tracked entity again: a fifth of the
        // time of a bank import's batch of 1,000 payments. Whatever a hook changes on a tracked entity it detects itself.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            RefreshDerivedColumns();
            // Thank-you notes for new payments and withdrawals, skipped ones for reversals: in this save, or not at all.
            var thanks = await ThanksOnSave.PrepareAsync(this, cancellationToken);
            try
            {
                return await SaveWithStatsAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch
            {
                thanks?.Undo();
                throw;
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Saves many new payments at once (a bank import's automatic batch, several confirmations) with prepared statements
    /// instead of the change tracker, whose bookkeeping was most of a 10,000-line import's time. It writes what SaveChanges
    /// writes for them: the payments with their allocations, their thank-you notes, the new balances of the invoices they
    /// pay (tracked, changed by the caller; the version checked as SaveChanges checks it), the audit rows of all of these
    /// (built by the same <see cref="AuditInterceptor"/>) and the members' figures. Whatever else the caller changed on
    /// tracked entities (the bank lines, remembered payers) is saved through SaveChanges, in the same transaction.
    /// A database refusal (a unique index, a concurrent change) is a <see cref="DbUpdateException"/>, as from SaveChanges.
    /// Reversals are not for this path: they withdraw thanks and void receipts, which only SaveChanges does.
    /// </summary>
    public async Task SaveNewPaymentsAsync(IReadOnlyList<Payment> payments, CancellationToken ct = default)
    {
        if (payments.Any(p => p.ReversesPaymentId is not null || p.Id != 0))
            throw new ArgumentException("Only new payments that reverse nothing are saved in bulk.", nameof(payments));
        var audit = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?
                        .Interceptors?.OfType<AuditInterceptor>().SingleOrDefault()
                    ?? throw new InvalidOperationException("Payments are saved in bulk only by a context that audits them.");
        // In the caller's transaction a savepoint makes the batch all or nothing, as SaveChanges does there.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        if (own is null) await Database.CurrentTransaction!.CreateSavepointAsync(BulkSavepoint, ct);
        var allocations = payments.SelectMany(p => p.Allocations).ToList();
        // The invoices the payments pay (tracked and changed by the caller), written the same way.
        var invoices = ChangeTracker.Entries<Invoice>().Where(e => e.State == EntityState.Modified).Cast<EntityEntry>().ToList();
        var invoicesBefore = invoices.Select(e => e.OriginalValues.Clone()).ToList();
        try
        {
            var notes = await ThanksOnSave.NotesForNewPaymentsAsync(this, payments, ct);
            await EntityBulkInsert.InsertWithIdsAsync(this, payments, ct);
            foreach (var payment in payments)
                foreach (var allocation in payment.Allocations)
                    allocation.PaymentId = payment.Id;
            await EntityBulkInsert.InsertWithIdsAsync(this, allocations, ct);
            foreach (var (note, payment) in notes) note.PaymentId = payment.Id;
            var noteRows = notes.Select(n => n.Note).ToList();
            await EntityBulkInsert.InsertWithIdsAsync(this, noteRows, ct);

            var at = audit.Now;
            var rows = audit.RowsForCreated(Model.FindEntityType(typeof(Payment))!, payments, at);
            rows.AddRange(audit.RowsForCreated(Model.FindEntityType(typeof(PaymentAllocation))!, allocations, at));
            rows.AddRange(audit.RowsForCreated(Model.FindEntityType(typeof(ThankYouNote))!, noteRows, at));
            rows.AddRange(audit.RowsForModified(invoices, at));
            await EntityBulkInsert.InsertAsync(this, rows, ct);
            await EntityBulkUpdate.UpdateAsync(this, invoices, ct);
            // Written: what the context holds for them is now what the database holds (SaveChanges leaves nothing else to do).
            foreach (var entry in invoices)
            {
                entry.OriginalValues.SetValues(entry.CurrentValues);
                entry.State = EntityState.Unchanged;
            }
            await SaveChangesAsync(ct);
            if (statsRefresher is not null)
            {
                var members = payments.SelectMany(MembersCountedBy).ToHashSet();
                await statsRefresher.RefreshAsync(this, members, ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            else await Database.CurrentTransaction!.ReleaseSavepointAsync(BulkSavepoint, ct);
        }
        catch (Exception failure)
        {
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            else await Database.CurrentTransaction!.RollbackToSavepointAsync(BulkSavepoint, CancellationToken.None);
            // As after a failed SaveChanges: nothing was saved, the payments have no ids and the invoices are still to be written.
            foreach (var payment in payments) payment.Id = 0;
            foreach (var allocation in allocations) (allocation.Id, allocation.PaymentId) = (0, 0);
            for (var i = 0; i < invoices.Count; i++)
            {
                invoices[i].OriginalValues.SetValues(invoicesBefore[i]);
                invoices[i].State = EntityState.Modified;
            }
            if (failure is System.Data.Common.DbException refused)
                throw new DbUpdateException("The database refused a payment of the batch.", refused);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private const string BulkSavepoint = "bulk_payments";

    private async Task<int> SaveWithStatsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var touched = MembersWhoseStatsChange();
        var newMembers = statsRefresher is null ? [] : ChangeTracker.Entries<Member>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (touched.Count == 0 && newMembers.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The member's figures change in the same transaction as the payment, contact or attendance: never one without the other.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // Every member has a figures row from the start (見込み), so lists and segments need no outer join.
            touched.UnionWith(newMembers.Select(m => m.Id));
            await statsRefresher!.RefreshAsync(this, touched, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The members whose figures a payment counts in: the payer and, reversed or re-attributed, everyone its allocations are for.</summary>
    private static IEnumerable<long> MembersCountedBy(Payment payment) =>
        payment.Allocations.Select(a => a.MemberId).Prepend(payment.MemberId).OfType<long>().Where(id => id != 0);

    private HashSet<long> MembersWhoseStatsChange()
    {
        var ids = new HashSet<long>();
        if (statsRefresher is null) return ids;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            long? id = entry.Entity switch
            {
                PaymentAllocation a => a.MemberId,
                ContactRecord c => c.MemberId,
                EventAttendance a => a.MemberId,
                VolunteerAssignment v => v.MemberId,
                _ => null,
            };
            if (id is { } memberId) ids.Add(memberId);
            if (entry.Entity is Payment payment)
                foreach (var m in MembersCountedBy(payment)) ids.Add(m);
            // A member's dormancy depends on their joining date and the staff's keep-mailing decision.
            if (entry.Entity is Member member && entry.State == EntityState.Modified
                && (entry.Property(nameof(Member.JoinedOn)).IsModified || entry.Property(nameof(Member.KeepMailingWhenDormant)).IsModified))
                ids.Add(member.Id);
        }
        // A cancelled event changes the figures of everyone who came.
        foreach (var entry in ChangeTracker.Entries<OrganisationEvent>())
            if (entry.State == EntityState.Modified && entry.Property(e => e.IsCancelled).IsModified)
                ids.UnionWith(EventAttendances.Where(a => a.EventId == entry.Entity.Id).Select(a => a.MemberId).ToList());
        ids.Remove(0);
        return ids;
    }

    /// <summary>
    /// The search columns follow the name, number, phones and e-mail whichever code saved the member, so no
    /// handler can forget them and leave a member the search cannot find.
    /// </summary>
    private void RefreshDerivedColumns()
    {
        foreach (var entry in ChangeTracker.Entries<Member>())
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.RefreshSearchText();
                entry.DetectChanges();
            }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Yen>().HaveConversion<YenConverter>();
    }

    private sealed class YenConverter() : ValueConverter<Yen, long>(y => y.Value, v => new Yen(v));
}
