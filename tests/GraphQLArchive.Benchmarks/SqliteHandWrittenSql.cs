using System.Data.Common;
using System.Text.Json;
using GraphQLArchive.Model.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <see cref="HandWrittenSql"/> on an archive file, read-only. Dates are stored as <c>yyyy-MM-dd</c> text, titles as a
/// JSON array, decimals as order-preserving text (<see cref="DecimalKey"/>); a list of ids goes in as one JSON array.
/// </summary>
internal sealed class SqliteHandWrittenSql(string file) : HandWrittenSql(Open(file), new Statements(
    FrontPage: """
        SELECT a.Id, a.Headline, a.EventDate, e.Newspaper, e.Date, e.Page
        FROM (SELECT Id, Headline, EventDate, EditionId FROM Articles ORDER BY EventDate DESC, Id LIMIT 20) a
        JOIN Editions e ON e.Id = a.EditionId ORDER BY a.EventDate DESC, a.Id
        """,
    FrontJournalists: """
        SELECT aj.ArticlesId, j.Name FROM ArticleJournalist aj JOIN Journalists j ON j.Id = aj.JournalistsId
        WHERE aj.ArticlesId IN (SELECT value FROM json_each($1)) ORDER BY aj.ArticlesId, j.Id
        """,
    FrontAppearances: """
        SELECT ap.ArticleId, ap.Role, ap.Titles, o.Name FROM Appearances ap JOIN Officials o ON o.Id = ap.OfficialId
        WHERE ap.ArticleId IN (SELECT value FROM json_each($1)) ORDER BY ap.ArticleId, ap.Id
        """,
    Official: "SELECT Id, Name FROM Officials WHERE Name = $1",
    OfficialAppearances: """
        SELECT ap.Role, ap.Titles, a.Headline, a.EventDate FROM Appearances ap JOIN Articles a ON a.Id = ap.ArticleId
        WHERE ap.OfficialId = $1 ORDER BY ap.EventDate DESC, ap.Id LIMIT 20
        """,
    // NULLs last, as SQLite sorts them under DESC.
    Projects: """
        SELECT p.Id, p.Name, p.TotalInvestment FROM Projects p
        WHERE p.LocationId IN (SELECT Id FROM Locations WHERE Name = $1) ORDER BY p.TotalInvestment DESC, p.Id LIMIT 10
        """,
    KeysetFirst: "SELECT Id, Headline, EventDate FROM Articles ORDER BY EventDate DESC, Id LIMIT 11",
    KeysetAfter: """
        SELECT Id, Headline, EventDate FROM Articles WHERE (EventDate < $1 OR (EventDate = $1 AND Id > $2))
        ORDER BY EventDate DESC, Id LIMIT 11
        """,
    WithOfficialCount: "SELECT COUNT(*) FROM Appearances WHERE OfficialId IN (SELECT Id FROM Officials WHERE Name = $1)",
    WithOfficialPage: """
        SELECT a.Id, a.Headline FROM Articles a
        WHERE a.Id IN (SELECT ArticleId FROM Appearances WHERE OfficialId IN (SELECT Id FROM Officials WHERE Name = $1))
        ORDER BY a.Id LIMIT 10
        """,
    Offset: "SELECT Id, Headline, EventDate FROM Articles ORDER BY EventDate DESC, Id LIMIT $1 OFFSET $2"))
{
    private static SqliteConnection Open(string file)
    {
        var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        db.Open();
        return db;
    }

    public override IEnumerable<string> Explain(string sql, IReadOnlyList<(string Name, object Value)> parameters) =>
        Explain((SqliteConnection)Connection, sql, parameters);

    /// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> of <paramref name="sql"/> on <paramref name="connection"/>.</summary>
    public static IEnumerable<string> Explain(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object Value)> parameters)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value);
        using var plan = explain.ExecuteReader();
        var lines = new List<string>();
        while (plan.Read()) lines.Add(plan.GetString(3));
        return lines;
    }

    public override string? ReadDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    protected override DbParameter Parameter(int position, Kind kind) => new SqliteParameter($"${position}", DBNull.Value);

    protected override object IdList(IReadOnlyList<int> ids) => "[" + string.Join(",", ids) + "]";

    protected override object DateKey(string date) => date;

    protected override object ReadTitles(DbDataReader reader, int ordinal) => reader.GetString(ordinal);

    protected override void WriteTitles(Utf8JsonWriter json, object titles) => json.WriteRawValue((string)titles, skipInputValidation: true);

    protected override decimal ReadDecimal(DbDataReader reader, int ordinal) => DecimalKey.Decode(reader.GetString(ordinal));
}
