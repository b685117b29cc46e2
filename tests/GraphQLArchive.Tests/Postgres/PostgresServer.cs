using System.Diagnostics;
using Npgsql;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// The machine's PostgreSQL 15, for running the querying tests on a second engine. <c>.ci/run</c> starts it; when it
/// is not running and this process is root, the tests start it and create a login role for the current user, as
/// <c>.ci/run</c> does. <c>ARCHIVE_TEST_POSTGRES</c> may name another server (a connection string without a database).
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Connect);

    /// <summary>Pooled, as the API connects: PostgreSQL starts a process per connection.</summary>
    public static string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Server.Value) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>
    /// A new empty database as an operator would make it: UTF-8 with a UTF-8 character type, which pg_trgm needs to see
    /// Chinese characters as letters. Its default collation does not matter: the migrations put collation C on every column.
    /// </summary>
    public static string CreateDatabase()
    {
        var name = NewDatabaseName();
        Execute($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
        return name;
    }

    /// <summary>A name for a database that does not exist yet, for the app's migrations to create.</summary>
    public static string NewDatabaseName() => $"archive_test_{Guid.NewGuid():N}";

    public static void DropDatabase(string name) => Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Connect()
    {
        var server = Environment.GetEnvironmentVariable("ARCHIVE_TEST_POSTGRES")
                     ?? $"Host=/var/run/postgresql;Username={Environment.UserName}";
        if (CanConnect(server)) return server;
        if (Environment.UserName == "root" && File.Exists("/usr/bin/pg_ctlcluster"))
        {
            Run("pg_ctlcluster", "15 main start");
            Run("runuser", $"-u postgres -- psql -c \"CREATE ROLE {Environment.UserName} SUPERUSER LOGIN\"");
            if (CanConnect(server)) return server;
        }
        throw new InvalidOperationException(
            "The querying tests run on PostgreSQL 15 too, and none answered at " + server + ". Install it (apt install postgresql-15 postgresql-contrib), " +
            "start it (pg_ctlcluster 15 main start) and give your user a login role, or set ARCHIVE_TEST_POSTGRES to a server's connection string.");
    }

    private static bool CanConnect(string server)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false, Timeout = 5 }.ConnectionString);
            connection.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException)
        {
            return false;
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit(60_000);
    }
}
