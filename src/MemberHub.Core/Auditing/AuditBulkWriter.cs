using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MemberHub.Auditing;

/// <summary>
/// Inserts many audit rows with plain INSERT statements on the context's connection and transaction.
/// The same rows as through EF (same columns, same values), only without tracking a quarter of a million entities.
/// </summary>
internal static class AuditBulkWriter
{
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

    public static void Write(DbContext context, IReadOnlyList<AuditEntry> rows) =>
        WriteAsync(context, rows, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    public static Task WriteAsync(DbContext context, IReadOnlyList<AuditEntry> rows, CancellationToken ct) =>
        WriteAsync(context, rows, sync: false, ct);

    private static async Task WriteAsync(DbContext context, IReadOnlyList<AuditEntry> rows, bool sync, CancellationToken ct)
    {
        // Microsoft.Data.Sqlite looks parameters up by name one by one, so a statement with thousands of parameters
        // costs quadratic time, while SQLite runs a prepared one-row INSERT in microseconds. PostgreSQL pays a round
        // trip per statement, so there many rows go into each.
        var rowsPerStatement = context.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? 1 : 200;
        var (prefix, connection, transaction) = Statement(context);
        DbCommand? command = null;
        var parameters = new List<DbParameter>();
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                if (command is null || chunk.Length != parameters.Count / Columns.Length)
                {
                    if (command is not null) await command.DisposeAsync();
                    (command, parameters) = Prepare(connection, transaction, prefix, chunk.Length);
                }
                var n = 0;
                foreach (var row in chunk)
                    foreach (var column in Columns)
                        parameters[n++].Value = column.Value(row) ?? DBNull.Value;
                if (sync) command.ExecuteNonQuery();
                else await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    private static (DbCommand, List<DbParameter>) Prepare(DbConnection connection, DbTransaction? transaction, string prefix, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(prefix);
        var parameters = new List<DbParameter>(rowCount * Columns.Length);
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + parameters.Count;
                if (c > 0) sql.Append(", ");
                sql.Append(parameter.ParameterName);
                command.Parameters.Add(parameter);
                parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return (command, parameters);
    }

    private static (string Prefix, DbConnection Connection, DbTransaction? Transaction) Statement(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(AuditEntry))!;
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        var sqlHelper = context.GetService<ISqlGenerationHelper>();
        var columnList = string.Join(", ", Columns.Select(c =>
            sqlHelper.DelimitIdentifier(entity.FindProperty(c.Property)!.GetColumnName(store)!)));
        return ($"INSERT INTO {sqlHelper.DelimitIdentifier(table, entity.GetSchema())} ({columnList}) VALUES ",
            context.Database.GetDbConnection(), context.Database.CurrentTransaction?.GetDbTransaction());
    }
}
