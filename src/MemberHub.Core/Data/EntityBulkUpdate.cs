using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MemberHub.Data;

/// <summary>
/// Writes the changed columns of many tracked, modified entities of one type with prepared UPDATEs (one statement per
/// set of changed columns), checking the key and the concurrency tokens' original values as SaveChanges does. The entries
/// stay Modified: the caller accepts them once everything of its save has succeeded. For <see cref="MemberHubDbContext.SaveNewPaymentsAsync"/>, which writes the audit rows: the
/// invoices a batch of 1,000 payments pays took EF 80 ms a chunk, a tenth of the import.
/// </summary>
internal static class EntityBulkUpdate
{
    public static async Task UpdateAsync(DbContext context, IReadOnlyList<EntityEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        var entity = entries[0].Metadata;
        if (entries.Any(e => e.Metadata != entity || e.State != EntityState.Modified))
            throw new ArgumentException("Modified entries of one entity type only.", nameof(entries));
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()!.Properties;
        var tokens = entity.GetProperties().Where(p => p.IsConcurrencyToken).ToArray();
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Bulk updates run inside the caller's transaction.");
        var commands = new Dictionary<string, (DbCommand Command, IProperty[] Set, DbParameter[] Parameters)>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in entries)
            {
                var set = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToArray();
                if (set.Length == 0) continue;
                var shape = string.Join(",", set.Select(p => p.Name));
                if (!commands.TryGetValue(shape, out var prepared))
                {
                    var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    var parameters = new List<DbParameter>();
                    string Parameter(IProperty p)
                    {
                        var parameter = p.GetRelationalTypeMapping().CreateParameter(command, "@p" + parameters.Count, null, p.IsNullable);
                        command.Parameters.Add(parameter);
                        parameters.Add(parameter);
                        return parameter.ParameterName;
                    }
                    var text = new StringBuilder("UPDATE ").Append(sql.DelimitIdentifier(table, entity.GetSchema())).Append(" SET ");
                    text.AppendJoin(", ", set.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!) + " = " + Parameter(p)));
                    text.Append(" WHERE ");
                    text.AppendJoin(" AND ", key.Concat(tokens).Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!) + " = " + Parameter(p)));
                    command.CommandText = text.ToString();
                    prepared = commands[shape] = (command, set, parameters.ToArray());
                }
                var n = 0;
                foreach (var p in prepared.Set) prepared.Parameters[n++].Value = ToProvider(p, entry.Property(p.Name).CurrentValue);
                foreach (var p in key) prepared.Parameters[n++].Value = ToProvider(p, entry.Property(p.Name).CurrentValue);
                foreach (var p in tokens) prepared.Parameters[n++].Value = ToProvider(p, entry.Property(p.Name).OriginalValue);
                if (await prepared.Command.ExecuteNonQueryAsync(ct) != 1)
                    throw new DbUpdateConcurrencyException($"{entity.ClrType.Name} {entry.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue} was changed by someone else meanwhile.");
            }
        }
        finally
        {
            foreach (var (command, _, _) in commands.Values) await command.DisposeAsync();
        }
    }

    private static object ToProvider(IProperty property, object? value) => EntityBulkInsert.ProviderValue(property.GetRelationalTypeMapping(), value);
}
