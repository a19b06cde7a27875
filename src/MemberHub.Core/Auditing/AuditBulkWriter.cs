using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MemberHub.Auditing;

/// <summary>
/// Inserts many audit rows with multi-row INSERT statements on the context's connection and transaction.
/// The same rows as through EF (same columns, same values), only without tracking a quarter of a million entities.
/// </summary>
internal static class AuditBulkWriter
{
    private const int RowsPerStatement = 200;

    private static readonly (string Property, Func<AuditEntry, object?> Value)[] Columns =
    [
        (nameof(AuditEntry.OccurredAt), a => a.OccurredAt),
        (nameof(AuditEntry.UserId), a => a.UserId),
        (nameof(AuditEntry.UserName), a => a.UserName),
        (nameof(AuditEntry.EntityType), a => a.EntityType),
        (nameof(AuditEntry.EntityId), a => a.EntityId),
        (nameof(AuditEntry.MemberId), a => a.MemberId),
        (nameof(AuditEntry.Action), a => a.Action),
        (nameof(AuditEntry.Field), a => a.Field),
        (nameof(AuditEntry.Before), a => a.Before),
        (nameof(AuditEntry.After), a => a.After),
    ];

    public static void Write(DbContext context, IReadOnlyList<AuditEntry> rows)
    {
        foreach (var command in Commands(context, rows))
            using (command)
                command.ExecuteNonQuery();
    }

    public static async Task WriteAsync(DbContext context, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        foreach (var command in Commands(context, rows))
            await using (command)
                await command.ExecuteNonQueryAsync(ct);
    }

    private static IEnumerable<DbCommand> Commands(DbContext context, IReadOnlyList<AuditEntry> rows)
    {
        var entity = context.Model.FindEntityType(typeof(AuditEntry))!;
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        var sqlHelper = context.GetService<ISqlGenerationHelper>();
        var columnList = string.Join(", ", Columns.Select(c =>
            sqlHelper.DelimitIdentifier(entity.FindProperty(c.Property)!.GetColumnName(store)!)));
        var prefix = $"INSERT INTO {sqlHelper.DelimitIdentifier(table, entity.GetSchema())} ({columnList}) VALUES ";
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(prefix);
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Length; c++)
                {
                    var name = "@p" + n++;
                    if (c > 0) sql.Append(", ");
                    sql.Append(name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = Columns[c].Value(chunk[r]) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            yield return command;
        }
    }
}
