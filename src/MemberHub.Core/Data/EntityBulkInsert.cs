using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MemberHub.Data;

/// <summary>
/// Inserts many new rows of one entity type with plain prepared INSERTs on the context's connection and transaction,
/// with EF's own column names and value conversions (yen, enums, dates), so the rows are the ones EF would write.
/// For rows whose generated ids nobody needs back and that are not themselves audited: the lines of a bank import
/// (EF took 0.8 s for 10,000 of them, mostly its own bookkeeping) and the audit log's own rows in bulk (a billing run
/// of 10,000 invoices writes ~230,000). Audited rows go through <see cref="MemberHubDbContext.SaveNewPaymentsAsync"/>,
/// which writes their audit rows too.
/// </summary>
public static class EntityBulkInsert
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public static Task InsertAsync<T>(DbContext context, IReadOnlyList<T> rows, CancellationToken ct = default) where T : class =>
        InsertAsync(context, rows, sync: false, withIds: false, ct);

    /// <summary>For the synchronous SaveChanges path (the audit interceptor's).</summary>
    public static void Insert<T>(DbContext context, IReadOnlyList<T> rows) where T : class =>
        InsertAsync(context, rows, sync: true, withIds: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Inserts rows whose generated ids the caller needs (to point other new rows at them, to audit them) and sets the ids
    /// on the objects. The caller writes the audit rows: only for <see cref="MemberHubDbContext"/>'s own bulk saves.
    /// </summary>
    internal static Task InsertWithIdsAsync<T>(DbContext context, IReadOnlyList<T> rows, CancellationToken ct) where T : class =>
        InsertAsync(context, rows, sync: false, withIds: true, ct);

    private static async Task InsertAsync<T>(DbContext context, IReadOnlyList<T> rows, bool sync, bool withIds, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        if (!withIds && typeof(Auditing.IAudited).IsAssignableFrom(typeof(T)))
            throw new InvalidOperationException($"{typeof(T).Name} is audited: save it through the context so that its audit rows are written.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var sqlite = context.Database.ProviderName == Sqlite;
        var key = withIds ? GeneratedKey(entity) : null;
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            if (sync) context.Database.OpenConnection();
            else await context.Database.OpenConnectionAsync(ct);
        }
        var sql = context.GetService<ISqlGenerationHelper>();
        // PostgreSQL: the ids are drawn from the identity column's sequence first (one query), then the rows are written with
        // them, many per statement. SQLite: each prepared one-row INSERT returns its id (microseconds each).
        if (key is not null && !sqlite)
        {
            await using var draw = connection.CreateCommand();
            draw.Transaction = transaction;
            var sequenceOf = sql.DelimitIdentifier(table, entity.GetSchema()).Replace("'", "''", StringComparison.Ordinal);
            draw.CommandText = $"SELECT nextval(pg_get_serial_sequence('{sequenceOf}', '{key.GetColumnName(store)}')) FROM generate_series(1, {rows.Count})";
            var ids = new List<object>(rows.Count);
            await using (var reader = await draw.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) ids.Add(Convert.ChangeType(reader.GetValue(0), key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < rows.Count; i++) key.PropertyInfo!.SetValue(rows[i], ids[i]);
        }
        var returning = key is not null && sqlite;
        var columns = entity.GetProperties()
            .Where(p => (key is not null && !sqlite && p == key || !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)) && p.GetColumnName(store) is not null)
            .Select(p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property: bulk insert reads values from the objects.")
                : (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToArray();
        var prefix = $"INSERT INTO {sql.DelimitIdentifier(table, entity.GetSchema())} (" +
                     string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!))) + ") VALUES ";
        // SQLite runs a prepared one-row INSERT in microseconds (and Microsoft.Data.Sqlite binds a statement's parameters
        // by name, one by one); PostgreSQL pays a round trip per statement, so there many rows go into each.
        var rowsPerStatement = sqlite ? 1 : Math.Max(1, 2000 / columns.Length);

        DbCommand? command = null;
        var parameters = new List<DbParameter>();
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                if (command is null || chunk.Length * columns.Length != parameters.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    parameters.Clear();
                    var text = new StringBuilder(prefix);
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        text.Append(r == 0 ? "(" : ", (");
                        for (var c = 0; c < columns.Length; c++)
                        {
                            var parameter = columns[c].Mapping.CreateParameter(command, "@p" + parameters.Count, null, columns[c].Property.IsNullable);
                            if (c > 0) text.Append(", ");
                            text.Append(parameter.ParameterName);
                            command.Parameters.Add(parameter);
                            parameters.Add(parameter);
                        }
                        text.Append(')');
                    }
                    if (returning) text.Append(" RETURNING ").Append(sql.DelimitIdentifier(key!.GetColumnName(store)!));
                    command.CommandText = text.ToString();
                }
                var n = 0;
                foreach (var row in chunk)
                    foreach (var (_, mapping, getter) in columns)
                    {
                        parameters[n++].Value = ProviderValue(mapping, getter.GetClrValueUsingContainingEntity(row));
                    }
                if (returning)
                {
                    var id = sync ? command.ExecuteScalar() : await command.ExecuteScalarAsync(ct);
                    key!.PropertyInfo!.SetValue(chunk[0], Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (sync) command.ExecuteNonQuery();
                else await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    /// <summary>A value as the database stores it (yen as a number, enums, dates), through EF's converter for the column.</summary>
    internal static object ProviderValue(RelationalTypeMapping mapping, object? value) =>
        (value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    private static IProperty GeneratedKey(IEntityType entity) =>
        entity.FindPrimaryKey() is { Properties: [var only] } && only.ValueGenerated == ValueGenerated.OnAdd && only.PropertyInfo is not null
            ? only
            : throw new InvalidOperationException($"{entity.ClrType.Name} has no single database-generated key.");
}
