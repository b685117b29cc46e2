using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <see cref="HandWrittenSql"/> on a PostgreSQL archive over Npgsql, in read-only transactions, with server-side
/// prepared statements. Dates are <c>date</c>, titles <c>text[]</c>, decimals <c>numeric</c>; a list of ids goes in as
/// one <c>integer[]</c> (<c>= ANY($1)</c>). <c>DESC</c> sorts NULLs first here, as ours does on this engine.
/// </summary>
internal sealed class PostgresHandWrittenSql(string connectionString) : HandWrittenSql(Open(connectionString), new Statements(
    FrontPage: """
        SELECT a."Id", a."Headline", a."EventDate", e."Newspaper", e."Date", e."Page"
        FROM (SELECT "Id", "Headline", "EventDate", "EditionId" FROM "Articles" ORDER BY "EventDate" DESC, "Id" LIMIT 20) a
        JOIN "Editions" e ON e."Id" = a."EditionId" ORDER BY a."EventDate" DESC, a."Id"
        """,
    // The join row's key is the journalist's id: the primary key ("ArticlesId", "JournalistsId") gives the order.
    FrontJournalists: """
        SELECT aj."ArticlesId", j."Name" FROM "ArticleJournalist" aj JOIN "Journalists" j ON j."Id" = aj."JournalistsId"
        WHERE aj."ArticlesId" = ANY($1) ORDER BY aj."ArticlesId", aj."JournalistsId"
        """,
    FrontAppearances: """
        SELECT ap."ArticleId", ap."Role", ap."Titles", o."Name" FROM "Appearances" ap JOIN "Officials" o ON o."Id" = ap."OfficialId"
        WHERE ap."ArticleId" = ANY($1) ORDER BY ap."ArticleId", ap."Id"
        """,
    Official: """SELECT "Id", "Name" FROM "Officials" WHERE "Name" = $1""",
    OfficialAppearances: """
        SELECT ap."Role", ap."Titles", a."Headline", a."EventDate" FROM "Appearances" ap JOIN "Articles" a ON a."Id" = ap."ArticleId"
        WHERE ap."OfficialId" = $1 ORDER BY ap."EventDate" DESC, ap."Id" LIMIT 20
        """,
    Projects: """
        SELECT p."Id", p."Name", p."TotalInvestment" FROM "Projects" p JOIN "Locations" l ON l."Id" = p."LocationId"
        WHERE l."Name" = $1 ORDER BY p."TotalInvestment" DESC, p."Id" LIMIT 10
        """,
    KeysetFirst: """SELECT "Id", "Headline", "EventDate" FROM "Articles" ORDER BY "EventDate" DESC, "Id" LIMIT 11""",
    // The date bound alone is an index range (read backward from the cursor); the tie on the date is a filter on it.
    KeysetAfter: """
        SELECT "Id", "Headline", "EventDate" FROM "Articles" WHERE "EventDate" <= $1 AND ("EventDate" < $1 OR "Id" > $2)
        ORDER BY "EventDate" DESC, "Id" LIMIT 11
        """,
    // An article names an official once (unique ("ArticleId", "OfficialId")): appearances count articles, and the
    // official's index entries are already in article order, so the page stops after 10 of them.
    WithOfficialCount: """
        SELECT COUNT(*) FROM "Appearances" WHERE "OfficialId" = (SELECT "Id" FROM "Officials" WHERE "Name" = $1)
        """,
    WithOfficialPage: """
        SELECT a."Id", a."Headline" FROM "Appearances" ap JOIN "Articles" a ON a."Id" = ap."ArticleId"
        WHERE ap."OfficialId" = (SELECT "Id" FROM "Officials" WHERE "Name" = $1) ORDER BY ap."ArticleId" LIMIT 10
        """,
    Offset: """SELECT "Id", "Headline", "EventDate" FROM "Articles" ORDER BY "EventDate" DESC, "Id" LIMIT $1 OFFSET $2"""))
{
    private static NpgsqlConnection Open(string connectionString)
    {
        var db = new NpgsqlConnection(ReadOnly(connectionString));
        db.Open();
        return db;
    }

    /// <summary>The same database with every transaction read-only.</summary>
    public static string ReadOnly(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Options = PostGraphileServer.ReadOnlyOptions }.ConnectionString;

    /// <summary>PostgreSQL's <c>EXPLAIN</c> (estimates; the statement is not run), parameters typed by their values.</summary>
    public override IEnumerable<string> Explain(string sql, IReadOnlyList<(string Name, object Value)> parameters)
    {
        using var explain = ((NpgsqlConnection)Connection).CreateCommand();
        explain.CommandText = "EXPLAIN " + sql;
        foreach (var (name, value) in parameters)
            explain.Parameters.Add(name.Length == 0 ? new NpgsqlParameter { Value = value } : new NpgsqlParameter(name, value));
        var lines = new List<string>();
        try
        {
            using var plan = explain.ExecuteReader();
            while (plan.Read()) lines.Add(plan.GetString(0));
        }
        catch (PostgresException e)
        {
            lines.Add($"(no plan: {e.MessageText})");
        }
        return lines;
    }

    public override string? ReadDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override DbParameter Parameter(int position, Kind kind) => new NpgsqlParameter
    {
        NpgsqlDbType = kind switch
        {
            Kind.Text => NpgsqlDbType.Text,
            Kind.Int => NpgsqlDbType.Integer,
            Kind.Date => NpgsqlDbType.Date,
            _ => NpgsqlDbType.Array | NpgsqlDbType.Integer,
        },
        Value = DBNull.Value,
    };

    protected override object IdList(IReadOnlyList<int> ids) => ids.ToArray();

    protected override object DateKey(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override object ReadTitles(DbDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);

    protected override void WriteTitles(Utf8JsonWriter json, object titles)
    {
        json.WriteStartArray();
        foreach (var title in (string[])titles) json.WriteStringValue(title);
        json.WriteEndArray();
    }

    protected override decimal ReadDecimal(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);
}
