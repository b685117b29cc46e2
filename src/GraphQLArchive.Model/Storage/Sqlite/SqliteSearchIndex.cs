using System.Data.Common;
using GraphQLArchive.Model.Search;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// Maintenance of the SQLite search index (<see cref="SqliteSearchSchema"/>): bulk loaders turn the triggers off,
/// insert, then <see cref="RebuildAsync"/>, which refills the index and turns them back on.
/// </summary>
public static class SqliteSearchIndex
{
    /// <summary>Stops index maintenance, before a bulk load. <see cref="RebuildAsync"/> turns it back on.</summary>
    public static Task DropTriggersAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        ExecuteAsync(connection, null, SqliteSearchSchema.DropTriggersSql, cancellationToken);

    /// <summary>
    /// Empties and refills the index table in batches of <paramref name="batchSize"/> articles by id range, one
    /// transaction per batch, so that every batch costs the same however far in (linear in the articles), and an
    /// interrupted rebuild leaves a consistent, partial index; then merges its segments into one and turns the
    /// triggers back on.
    /// Reports (articles indexed, articles in all) after each batch. Returns the number indexed.
    /// </summary>
    public static async Task<int> RebuildAsync(DbConnection connection, IProgress<(int Done, int Total)>? progress = null,
        int batchSize = 5000, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection sqlite) throw new NotSupportedException("The SQLite search index needs a SQLite connection.");
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(sqlite, null, SqliteSearchSchema.DropTriggersSql + "\n" + SqliteSearchSchema.EmptySql, cancellationToken);

        var total = Convert.ToInt32(await ScalarAsync(sqlite, "SELECT count(*) FROM Articles;", cancellationToken));
        var done = 0;
        long lastId = long.MinValue;
        progress?.Report((0, total));
        while (true)
        {
            var upper = await ScalarAsync(sqlite, $"SELECT max(Id) FROM (SELECT Id FROM Articles WHERE Id > {lastId} ORDER BY Id LIMIT {batchSize});", cancellationToken);
            if (upper is null or DBNull) break;
            var upperId = Convert.ToInt64(upper);
            await using (var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync(cancellationToken))
            {
                done += IndexBigrams(sqlite, transaction, lastId, upperId);
                await transaction.CommitAsync(cancellationToken);
            }
            lastId = upperId;
            progress?.Report((done, total));
        }

        await ExecuteAsync(sqlite, null, SqliteSearchSchema.OptimizeSql + "\n" + SqliteSearchSchema.CreateTriggersSql, cancellationToken);
        return done;
    }

    /// <summary>The bigram rows of one id range, computed here: the same pairs as the triggers' SQL, at a fraction of its cost.</summary>
    private static int IndexBigrams(SqliteConnection connection, SqliteTransaction transaction, long afterId, long lastId)
    {
        var captions = new Dictionary<long, List<string?>>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"SELECT ArticleId, Caption FROM Photo WHERE ArticleId > {afterId} AND ArticleId <= {lastId} ORDER BY Id;";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!captions.TryGetValue(id, out var list)) captions[id] = list = [];
                list.Add(reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = SqliteSearchSchema.InsertBigramsSql;
        var parameters = new[] { "$id", "$headline", "$subheadline", "$kicker", "$body", "$captions" }
            .Select(name => insert.Parameters.Add(new SqliteParameter(name, DBNull.Value))).ToArray();
        insert.Prepare();

        using var articles = connection.CreateCommand();
        articles.Transaction = transaction;
        articles.CommandText = $"SELECT Id, Headline, Subheadline, Kicker, Body FROM Articles WHERE Id > {afterId} AND Id <= {lastId} ORDER BY Id;";
        using var rows = articles.ExecuteReader();
        var count = 0;
        while (rows.Read())
        {
            var id = rows.GetInt64(0);
            parameters[0].Value = id;
            for (var column = 1; column <= 4; column++)
                parameters[column].Value = (object?)SearchBigrams.Of(rows.IsDBNull(column) ? null : rows.GetString(column)) ?? DBNull.Value;
            parameters[5].Value = (object?)(captions.TryGetValue(id, out var list) ? SearchBigrams.OfCaptions(list) : null) ?? DBNull.Value;
            insert.ExecuteNonQuery();
            count++;
        }
        return count;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
