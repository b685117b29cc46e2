using System.Net.Sockets;
using Npgsql;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>How PostgreSQL refuses a server at start-up, in one line that says what to fix.</summary>
public static class PostgresErrors
{
    /// <summary>The line for a failure to reach or use the server, or null when <paramref name="e"/> is none of those.</summary>
    public static string? DescribeStartup(Exception e) => e switch
    {
        PostgresException { SqlState: "28P01" } =>
            "PostgreSQL refused the password. Fix Username and Password in ConnectionStrings:Archive.",
        PostgresException { SqlState: "28000" } p =>
            $"PostgreSQL refused the login: {p.MessageText}. Create the role, allow it in pg_hba.conf, or fix Username in ConnectionStrings:Archive.",
        PostgresException { SqlState: "3D000" } p =>
            $"PostgreSQL has no such database: {p.MessageText}. Create it, or name an existing one in ConnectionStrings:Archive.",
        PostgresException { SqlState: "42501" } p =>
            $"PostgreSQL denied a privilege the migrations need: {p.MessageText}. Make the role the database's owner (it creates tables and the pg_trgm extension).",
        PostgresException { SqlState: "0A000" or "58P01" } p when p.MessageText.Contains("pg_trgm", StringComparison.Ordinal) =>
            $"PostgreSQL lacks the pg_trgm extension that search needs: {p.MessageText}. Install postgresql-contrib.",
        PostgresException { SqlState: "25006" } p =>
            $"PostgreSQL refused a write: {p.MessageText}. The connection is read-only (a standby, or default_transaction_read_only), and start-up applies the migrations: point ConnectionStrings:Archive at the primary.",
        PostgresException { SqlState: "57P03" or "53300" } p =>
            $"PostgreSQL cannot take the connection now: {p.MessageText}. Try again once the server has started, or raise max_connections.",
        // Not a statement that timed out ("Exception while reading from stream"): that is no start-up failure, and keeps its trace.
        NpgsqlException { InnerException: SocketException } and not PostgresException => Unreachable(e),
        NpgsqlException and not PostgresException when e.Message.StartsWith("Failed to connect", StringComparison.Ordinal) => Unreachable(e),
        ArgumentException a when a.Source == "Npgsql" =>
            $"ConnectionStrings:Archive is not a PostgreSQL connection string: {a.Message} E.g. Host=localhost;Database=archive;Username=archive;Password=….",
        _ => null,
    };

    private static string Unreachable(Exception e) =>
        $"cannot reach PostgreSQL: {Sentence(e.Message)} Start the server (pg_ctlcluster 15 main start), or fix Host and Port in ConnectionStrings:Archive.";

    private static string Sentence(string message) => message.Trim() is var m && m.EndsWith('.') ? m : m + ".";
}
