using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Model.Generation;

/// <summary>
/// One prepared INSERT whose parameters are reused for every row: no change tracking, no SQL
/// re-parsing, so a million rows cost seconds, not minutes.
/// </summary>
internal sealed class BulkTable : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkTable(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                               $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        _command.Prepare();
    }

    public int Rows { get; private set; }

    public void Insert(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _parameters.Length; i++)
            _parameters[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}
