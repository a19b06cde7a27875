using System.Globalization;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MemberHub.Auditing;

/// <summary>
/// Writes audit rows for every <see cref="IAudited"/> entity in the same SaveChanges, so no handler can
/// forget to audit and no change is saved without its rows. Audit rows themselves can only be added.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NotAudited = ["Version", "SearchText", "SortKana", "BirthMonthDay", "JoinedMonthDay", "PhoneDigits", "MobileDigits", "UpdatedAt", "CreatedAt"];

    private readonly List<(EntityEntry Entry, string Action, List<(string Field, string? Before, string? After)> Changes)> _pending = [];

    // The audit rows are saved in a second round (after the database has assigned ids), so both rounds
    // run in one transaction: a change is never committed without its audit rows.
    private IDbContextTransaction? _ownTransaction;
    private bool _flushing;

    /// <summary>
    /// Above this many rows (a billing run of 10,000 invoices makes ~230,000) the rows are inserted with plain
    /// multi-row INSERTs instead of through the change tracker, which would take most of the run's time.
    /// </summary>
    public const int BulkThreshold = 500;
    private readonly List<AuditEntry> _bulk = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!_flushing && Capture(eventData.Context) && eventData.Context!.Database.CurrentTransaction is null)
            _ownTransaction = eventData.Context.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!_flushing && Capture(eventData.Context) && eventData.Context!.Database.CurrentTransaction is null)
            _ownTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_flushing) return result;
        try
        {
            if (Flush(eventData.Context))
            {
                _flushing = true;
                eventData.Context!.SaveChanges();
            }
            else if (_bulk.Count > 0)
            {
                EntityBulkInsert.Insert(eventData.Context!, _bulk);
            }
            _ownTransaction?.Commit();
        }
        catch
        {
            _ownTransaction?.Rollback();
            throw;
        }
        finally
        {
            _flushing = false;
            _bulk.Clear();
            EndTransaction();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_flushing) return result;
        try
        {
            if (Flush(eventData.Context))
            {
                _flushing = true;
                await eventData.Context!.SaveChangesAsync(cancellationToken);
            }
            else if (_bulk.Count > 0)
            {
                await EntityBulkInsert.InsertAsync(eventData.Context!, _bulk, cancellationToken);
            }
            if (_ownTransaction is not null) await _ownTransaction.CommitAsync(cancellationToken);
        }
        catch
        {
            if (_ownTransaction is not null) await _ownTransaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            _flushing = false;
            _bulk.Clear();
            EndTransaction();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (_flushing) return;
        _pending.Clear();
        _ownTransaction?.Rollback();
        EndTransaction();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_flushing) return;
        _pending.Clear();
        if (_ownTransaction is not null) await _ownTransaction.RollbackAsync(cancellationToken);
        EndTransaction();
    }

    private void EndTransaction()
    {
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    /// <summary>Notes what is about to change; true if anything audited is in the save.</summary>
    private bool Capture(DbContext? context)
    {
        _pending.Clear();
        if (context is null) return false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit log is append-only.");
            if (entry.Entity is not IAudited) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    _pending.Add((entry, AuditActions.Create, entry.Properties
                        .Where(p => Recorded(p.Metadata, p.CurrentValue))
                        .Select(p => (p.Metadata.Name, (string?)null, Format(p.CurrentValue))).ToList()));
                    break;
                case EntityState.Modified:
                    if (Changes(entry) is { Count: > 0 } changes) _pending.Add((entry, ActionOf(changes), changes));
                    break;
                case EntityState.Deleted:
                    // What was removed, field by field, so the log says which relation or record it was.
                    _pending.Add((entry, AuditActions.Delete, entry.Properties
                        .Where(p => Recorded(p.Metadata, p.OriginalValue))
                        .Select(p => (p.Metadata.Name, Format(p.OriginalValue), (string?)null)).ToList()));
                    break;
            }
        }
        return _pending.Count > 0;
    }

    /// <summary>Adds the captured rows after the first save, when generated ids are known. True if there is something to save.</summary>
    private bool Flush(DbContext? context)
    {
        if (context is null || _pending.Count == 0) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<AuditEntry>();
        foreach (var (entry, action, captured) in _pending)
        {
            // A new row's foreign keys to other new rows held temporary values when captured; they are real now.
            var changes = action == AuditActions.Create
                ? captured.Select(c => (c.Field, c.Before, Format(entry.Property(c.Field).CurrentValue))).ToList()
                : captured;
            AddRows(rows, entry.Metadata.ClrType, (IAudited)entry.Entity, action, changes, now);
        }
        _pending.Clear();
        if (rows.Count > BulkThreshold)
        {
            _bulk.AddRange(rows);
            return false;
        }
        context.AddRange(rows);
        return true;
    }

    /// <summary>The time a save's audit rows carry (one for the whole save).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The rows SaveChanges would have written for new records that were inserted without the change tracker
    /// (<see cref="MemberHubDbContext.SaveNewPaymentsAsync"/>), read after the insert so that their ids are real.
    /// </summary>
    public List<AuditEntry> RowsForCreated<T>(IEntityType type, IReadOnlyList<T> created, DateTime now) where T : class, IAudited
    {
        var properties = type.GetProperties().Select(p => (Property: p, Getter: p.GetGetter())).ToArray();
        var rows = new List<AuditEntry>();
        foreach (var entity in created)
        {
            var changes = new List<(string Field, string? Before, string? After)>();
            foreach (var (property, getter) in properties)
                if (getter.GetClrValueUsingContainingEntity(entity) is var value && Recorded(property, value))
                    changes.Add((property.Name, null, Format(value)));
            AddRows(rows, type.ClrType, entity, AuditActions.Create, changes, now);
        }
        return rows;
    }

    /// <summary>The rows SaveChanges would write for modified entries that are written without it (EntityBulkUpdate), before they are.</summary>
    public List<AuditEntry> RowsForModified(IReadOnlyList<EntityEntry> modified, DateTime now)
    {
        var rows = new List<AuditEntry>();
        foreach (var entry in modified)
            if (entry.Entity is IAudited audited && Changes(entry) is { Count: > 0 } changes)
                AddRows(rows, entry.Metadata.ClrType, audited, ActionOf(changes), changes, now);
        return rows;
    }

    private static List<(string Field, string? Before, string? After)> Changes(EntityEntry entry) => entry.Properties
        .Where(p => p.IsModified && !NotAudited.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
        .Select(p => (p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue))).ToList();

    private static string ActionOf(List<(string Field, string? Before, string? After)> changes) =>
        changes.Any(c => c.Field == nameof(Member.Status)) ? AuditActions.StatusChange : AuditActions.Update;

    private void AddRows(List<AuditEntry> rows, Type type, IAudited entity, string action, List<(string Field, string? Before, string? After)> changes, DateTime now)
    {
        // A relation concerns both members, so it shows in both members' logs.
        long?[] memberIds = entity switch
        {
            Member m => [m.Id],
            ContactRecord c => [c.MemberId],
            MemberRelation r => [r.MemberId, r.RelatedMemberId],
            IConcernsMember c => [c.AuditMemberId],
            _ => [null],
        };
        // A record created many at a time is one row holding every field.
        var fields = action == AuditActions.Create && entity is IAuditedCompactlyOnCreate
            ? [("", null, string.Join("; ", changes.Select(c => c.Field + "=" + c.After)))]
            : changes;
        foreach (var memberId in memberIds)
        foreach (var (field, before, after) in fields.DefaultIfEmpty(("", null, null)))
        {
            rows.Add(new AuditEntry
            {
                OccurredAt = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = type.Name,
                EntityId = entity.AuditKey,
                MemberId = memberId,
                Action = action,
                Field = field.Length == 0 ? null : field,
                Before = before,
                After = after,
            });
        }
    }

    /// <summary>A field a creation or removal row names: not the key, not bookkeeping, not empty.</summary>
    private static bool Recorded(IProperty property, object? value) =>
        !property.IsPrimaryKey() && !NotAudited.Contains(property.Name) && value is not null && !IsDefault(value);

    private static bool IsDefault(object value) => value switch
    {
        bool b => !b,
        string s => s.Length == 0,
        _ => false,
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
