using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>
/// Every row of an archive in another engine (the generator's SQLite file) into an empty PostgreSQL archive, table by
/// table with <c>COPY … FROM STDIN (FORMAT BINARY)</c>, in one transaction, then its indexes: a failed copy leaves the
/// target empty.
/// </summary>
/// <remarks>
/// Each value goes source column → model value (the source's converters: SQLite's hundredths, JSON lists, text dates)
/// → PostgreSQL column (its own types), so the copy follows the model and needs no list of columns. The secondary
/// indexes and the foreign keys are dropped for the COPY; the keys are added back (checking every row) and the identity
/// sequences start after the highest copied id, so that ingestion goes on where the source left off, before the rows
/// commit. The indexes are built after, on two connections (see <see cref="BuildIndexesAsync"/>).
/// </remarks>
public static class PostgresArchiveCopy
{
    /// <summary>
    /// Migrates the target and copies, reporting (<c>COPY table</c>, rows of it copied so far) every <see cref="ProgressEvery"/>
    /// rows and when a table is done, (<c>CHECK key</c>, null) before each foreign key is checked, then (<c>CREATE INDEX name</c>, null) before each index is built. Returns the rows copied.
    /// Statements have no time limit: building an index over millions of rows takes minutes.
    /// </summary>
    public static async Task<long> CopyAsync(ArchiveDbContext source, PostgresArchiveDbContext target,
        IProgress<(string Step, long? Rows)>? progress = null, CancellationToken cancellationToken = default)
    {
        target.Database.SetCommandTimeout(Timeout.InfiniteTimeSpan);
        await target.Database.MigrateAsync(cancellationToken);
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await target.Database.OpenConnectionAsync(cancellationToken);
        var sourceConnection = source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var tables = ParentsFirst(target.Model);
            List<SecondaryIndex> indexes;
            long copied = 0;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await RefuseUnlessEmptyAsync(connection, tables, cancellationToken);
                // Indexes are built once over the copied rows rather than row by row (the GIN ones cost most), then exactly
                // as the migrations made them (BuildIndexesAsync); the primary keys stay, for the foreign keys' checks.
                indexes = await SecondaryIndexesAsync(connection, tables.Select(t => t.Name).ToArray(), cancellationToken);
                foreach (var index in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{index.Name}\"", cancellationToken);
                // Kept during the COPY, a foreign key costs a lookup per row in its parent (two thirds of the COPY's time at 1M
                // articles); added back after it, each checks every row at once, in one join, before the rows commit.
                var foreignKeys = await ForeignKeysAsync(connection, tables.Select(t => t.Name).ToArray(), cancellationToken);
                foreach (var key in foreignKeys) await ExecuteAsync(connection, $"ALTER TABLE \"{key.Table}\" DROP CONSTRAINT \"{key.Name}\"", cancellationToken);
                foreach (var table in tables)
                    copied += await CopyTableAsync(sourceConnection, source.Model, connection, table, progress, cancellationToken);
                foreach (var key in foreignKeys)
                {
                    progress?.Report(($"CHECK {key.Name}", null));
                    await ExecuteAsync(connection, $"ALTER TABLE \"{key.Table}\" ADD CONSTRAINT \"{key.Name}\" {key.Definition}", cancellationToken);
                }
                foreach (var table in tables.Where(t => t.Identity is not null))
                    await ExecuteAsync(connection,
                        $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{table.Identity}'), coalesce(max(\"{table.Identity}\"), 0) + 1, false) FROM \"{table.Name}\"",
                        cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            await BuildIndexesAsync(connection, tables, indexes, progress, cancellationToken);
            return copied;
        }
        finally
        {
            await source.Database.CloseConnectionAsync();
            await target.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Connections that build the indexes at once: a GIN build uses one core, and PostgreSQL 15 splits none across workers.</summary>
    private const int IndexBuilders = 2;

    /// <summary>
    /// Per builder. GIN builds collect keys in this much memory before writing them to the index: the pair index's lists at
    /// a million articles (about 2 GB) go in two passes instead of the dozens the server's default (64 MB) makes. At 100,000
    /// articles 256 MB to 3 GB made no difference; a larger setting was not measured apart at a million.
    /// </summary>
    private const string IndexBuildMemory = "1GB";

    /// <summary>
    /// Builds the dropped indexes over the committed rows, on <see cref="IndexBuilders"/> connections, the costliest first
    /// (the GIN indexes of the largest tables), each builder taking the next when it is done. The short-term index of
    /// character pairs takes longest, so the other builder builds everything else beside it. A failure (or a cancellation)
    /// stops both and empties the target again, rows out and indexes back, in one transaction: a failed copy leaves it
    /// as the migrations made it. Only a process killed meanwhile leaves rows without some of their indexes behind; the
    /// next copy refuses that database, as any that holds data.
    /// </summary>
    private static async Task BuildIndexesAsync(NpgsqlConnection connection, List<Table> tables, List<SecondaryIndex> indexes,
        IProgress<(string Step, long? Rows)>? progress, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<SecondaryIndex>(await CostliestFirstAsync(connection, indexes, cancellationToken));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        async Task BuildAsync(NpgsqlConnection builder, bool open)
        {
            try
            {
                if (open) await builder.OpenAsync(stop.Token);
                await ExecuteAsync(builder, $"SET maintenance_work_mem = '{IndexBuildMemory}'", stop.Token);
                while (queue.TryDequeue(out var index))
                {
                    progress?.Report(($"CREATE INDEX {index.Name}", null));
                    await ExecuteAsync(builder, index.Definition, stop.Token);
                }
                await ExecuteAsync(builder, "RESET maintenance_work_mem", stop.Token);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null); // the cause, not the other builder's cancellation
                await stop.CancelAsync(); // the other builder's statement is cancelled on the server
            }
        }
        // A clone keeps the password, which an open connection's ConnectionString no longer shows.
        var clones = Enumerable.Range(1, IndexBuilders - 1).Select(_ => (NpgsqlConnection)((ICloneable)connection).Clone()).ToList();
        try
        {
            await Task.WhenAll(clones.Select(c => BuildAsync(c, open: true)).Prepend(BuildAsync(connection, open: false)));
        }
        finally
        {
            foreach (var clone in clones) await clone.DisposeAsync();
        }
        if (failure is null) return;
        try
        {
            await EmptyAsync(connection, tables, indexes);
        }
        catch (Exception cleanup)
        {
            throw new InvalidOperationException(
                $"Building the indexes failed ({failure.Message}), and so did emptying the database again: drop '{connection.Database}' before copying anew.",
                new AggregateException(failure, cleanup));
        }
        ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>
    /// The indexes in the order to build them, the costliest first: the character pairs (their keys come from a SQL
    /// function, hundreds an article), then the other GIN ones, each group over the largest tables first.
    /// </summary>
    private static async Task<List<SecondaryIndex>> CostliestFirstAsync(NpgsqlConnection connection,
        List<SecondaryIndex> indexes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT t, pg_total_relation_size(format('%I', t)::regclass) FROM unnest(@tables) AS t", connection);
        command.Parameters.AddWithValue("tables", indexes.Select(i => i.Table).Distinct().ToArray());
        var size = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) size[reader.GetString(0)] = reader.GetInt64(1);
        return [.. indexes
            .OrderByDescending(i => i.Definition.Contains(PostgresArticleSearch.PairsFunction, StringComparison.Ordinal))
            .ThenByDescending(i => i.Gin).ThenByDescending(i => size[i.Table]).ThenBy(i => i.Name, StringComparer.Ordinal)];
    }

    /// <summary>After a failed index build: every copied row out, every index back (quick, over empty tables), sequences reset.</summary>
    private static async Task EmptyAsync(NpgsqlConnection connection, List<Table> tables, List<SecondaryIndex> indexes)
    {
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t.Name}\""))} RESTART IDENTITY", CancellationToken.None);
        var built = (await SecondaryIndexesAsync(connection, tables.Select(t => t.Name).ToArray(), CancellationToken.None)).Select(i => i.Name).ToHashSet();
        foreach (var index in indexes.Where(i => !built.Contains(i.Name))) await ExecuteAsync(connection, index.Definition, CancellationToken.None);
        await ExecuteAsync(connection, "RESET maintenance_work_mem", CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    public const int ProgressEvery = 100_000;

    /// <summary>Migrates the target and fails, as <see cref="CopyAsync"/> would, unless it is empty: to check before a long generation.</summary>
    public static async Task EnsureEmptyAsync(PostgresArchiveDbContext target, CancellationToken cancellationToken = default)
    {
        await target.Database.MigrateAsync(cancellationToken);
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await target.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await RefuseUnlessEmptyAsync(connection, ParentsFirst(target.Model), cancellationToken);
        }
        finally
        {
            await target.Database.CloseConnectionAsync();
        }
    }

    private static async Task RefuseUnlessEmptyAsync(NpgsqlConnection connection, IEnumerable<Table> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
            if (await HasRowsAsync(connection, table.Name, cancellationToken))
                throw new DatabaseNotEmptyException($"The PostgreSQL database '{connection.Database}' holds data already (table {table.Name}): copy into a new database.");
    }

    private sealed record Table(string Name, IReadOnlyList<IProperty> Columns, string? Identity);

    /// <summary>The model's tables, each after the tables it references (other than itself).</summary>
    private static List<Table> ParentsFirst(IModel model)
    {
        var byTable = model.GetEntityTypes().Where(e => e.GetTableName() is not null).ToDictionary(e => e.GetTableName()!);
        var ordered = new List<Table>();
        var visited = new HashSet<string>();
        void Visit(IEntityType entity)
        {
            var name = entity.GetTableName()!;
            if (!visited.Add(name)) return;
            foreach (var key in entity.GetForeignKeys())
                if (key.PrincipalEntityType.GetTableName() is { } parent && parent != name) Visit(byTable[parent]);
            var identity = entity.FindPrimaryKey()?.Properties is [var id] && id.ValueGenerated == ValueGenerated.OnAdd ? id.GetColumnName() : null;
            ordered.Add(new Table(name, [.. entity.GetProperties()], identity));
        }
        foreach (var entity in byTable.Values.OrderBy(e => e.GetTableName(), StringComparer.Ordinal)) Visit(entity);
        return ordered;
    }

    private static async Task<long> CopyTableAsync(DbConnection sourceConnection, IModel sourceModel, NpgsqlConnection target, Table table,
        IProgress<(string Step, long? Rows)>? progress, CancellationToken cancellationToken)
    {
        var sourceEntity = sourceModel.GetEntityTypes().Single(e => e.GetTableName() == table.Name);
        var readers = table.Columns.Select(c => ColumnReader.For(sourceEntity.FindProperty(c.Name)
            ?? throw new InvalidOperationException($"The source model has no column {table.Name}.{c.GetColumnName()}."))).ToList();
        var writers = table.Columns.Select(ColumnWriter.For).ToList();

        await using var command = sourceConnection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => $"\"{c.GetColumnName()}\""))} FROM \"{table.Name}\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var import = await target.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        import.Timeout = TimeSpan.FromHours(1); // the end of a COPY checks every row's foreign keys
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (++rows % ProgressEvery == 0) progress?.Report(($"COPY {table.Name}", rows));
            await import.StartRowAsync(cancellationToken);
            for (var i = 0; i < readers.Count; i++)
            {
                if (await reader.IsDBNullAsync(i, cancellationToken)) await import.WriteNullAsync(cancellationToken);
                else await import.WriteAsync(writers[i].ToProvider(readers[i].Read(reader, i)), writers[i].DataTypeName, cancellationToken);
            }
        }
        rows = (long)await import.CompleteAsync(cancellationToken);
        progress?.Report(($"COPY {table.Name}", rows));
        return rows;
    }

    /// <summary>Reads a source column as its provider type, then converts it to the model's value.</summary>
    private sealed record ColumnReader(Func<DbDataReader, int, object> ReadProvider, ValueConverterFunc? FromProvider)
    {
        public object Read(DbDataReader reader, int ordinal) =>
            ReadProvider(reader, ordinal) is var raw && FromProvider is { } convert ? convert(raw) : raw;

        public static ColumnReader For(IProperty property)
        {
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? mapping.ClrType) ?? converter?.ProviderClrType ?? mapping.ClrType;
            var read = (Func<DbDataReader, int, object>)ReadAsMethod.MakeGenericMethod(providerType).CreateDelegate(typeof(Func<DbDataReader, int, object>));
            return new ColumnReader(read, converter is null ? null : v => converter.ConvertFromProvider(v)!);
        }

        private static readonly MethodInfo ReadAsMethod = typeof(ColumnReader).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

        private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
    }

    private delegate object ValueConverterFunc(object value);

    /// <summary>Converts a model value to the PostgreSQL column's provider value, named by its type for COPY.</summary>
    private sealed record ColumnWriter(string DataTypeName, ValueConverterFunc? Convert)
    {
        public object ToProvider(object value) => Convert is { } convert ? convert(value) : value;

        public static ColumnWriter For(IProperty property)
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            return new ColumnWriter(mapping.StoreTypeNameBase, converter is null ? null : v => converter.ConvertToProvider(v)!);
        }
    }

    /// <summary>An index that backs no constraint: its table, the statement that creates it, and whether it is GIN.</summary>
    private sealed record SecondaryIndex(string Name, string Table, string Definition, bool Gin);

    /// <summary>The tables' indexes that back no constraint (primary keys stay).</summary>
    private static async Task<List<SecondaryIndex>> SecondaryIndexesAsync(NpgsqlConnection connection, string[] tables,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT i.indexname, i.tablename, i.indexdef, a.amname = 'gin' FROM pg_indexes AS i " +
            "JOIN pg_class AS c ON c.relname = i.indexname AND c.relnamespace = i.schemaname::regnamespace JOIN pg_am AS a ON a.oid = c.relam " +
            "WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conname = i.indexname) ORDER BY i.indexname", connection);
        command.Parameters.AddWithValue("tables", tables);
        var indexes = new List<SecondaryIndex>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            indexes.Add(new SecondaryIndex(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        return indexes;
    }

    private sealed record ForeignKey(string Name, string Table, string Definition);

    /// <summary>The tables' foreign keys, each with its definition (<c>FOREIGN KEY … REFERENCES …</c>).</summary>
    private static async Task<List<ForeignKey>> ForeignKeysAsync(NpgsqlConnection connection, string[] tables, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT k.conname, t.relname, pg_get_constraintdef(k.oid) FROM pg_constraint AS k JOIN pg_class AS t ON t.oid = k.conrelid " +
            "WHERE k.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@tables) ORDER BY t.relname, k.conname", connection);
        command.Parameters.AddWithValue("tables", tables);
        var keys = new List<ForeignKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) keys.Add(new ForeignKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return keys;
    }

    private static async Task<bool> HasRowsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table}\")", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
