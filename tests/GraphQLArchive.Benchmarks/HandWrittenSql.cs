using System.Text;
using System.Text.Json;
using GraphQLArchive.Model.Storage.Sqlite;
using GraphQLArchive.Querying.Nodes;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// The operations of <see cref="Operations"/> as a hand-writer would write them against the same file: prepared
/// statements on one read-only connection, each reading only what the response needs, and the same JSON written
/// by hand (<c>{"data": …}</c>, fields in the order of the GraphQL selection). Not thread-safe: one per thread.
/// </summary>
internal sealed class HandWrittenSql : IDisposable
{
    private static readonly string[] Roles = ["PRESIDED", "ATTENDED", "VISITED", "ACCOMPANIED", "SPOKE", "MENTIONED"];

    private readonly SqliteConnection _db;
    private readonly SqliteCommand _frontPage, _frontJournalists, _frontAppearances;
    private readonly SqliteCommand _official, _officialAppearances;
    private readonly SqliteCommand _projects;
    private readonly SqliteCommand _keysetFirst, _keysetAfter;
    private readonly SqliteCommand _withOfficialCount, _withOfficialPage;
    private readonly SqliteCommand _offset;

    public HandWrittenSql(string file)
    {
        _db = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        _db.Open();
        // 1. The page, then the page's journalists and appearances by the page's ids (one JSON array parameter).
        _frontPage = Prepare("""
            SELECT a.Id, a.Headline, a.EventDate, e.Newspaper, e.Date, e.Page
            FROM (SELECT Id, Headline, EventDate, EditionId FROM Articles ORDER BY EventDate DESC, Id LIMIT 20) a
            JOIN Editions e ON e.Id = a.EditionId ORDER BY a.EventDate DESC, a.Id
            """);
        _frontJournalists = Prepare("""
            SELECT aj.ArticlesId, j.Name FROM ArticleJournalist aj JOIN Journalists j ON j.Id = aj.JournalistsId
            WHERE aj.ArticlesId IN (SELECT value FROM json_each($ids)) ORDER BY aj.ArticlesId, j.Id
            """, "$ids");
        _frontAppearances = Prepare("""
            SELECT ap.ArticleId, ap.Role, ap.Titles, o.Name FROM Appearances ap JOIN Officials o ON o.Id = ap.OfficialId
            WHERE ap.ArticleId IN (SELECT value FROM json_each($ids)) ORDER BY ap.ArticleId, ap.Id
            """, "$ids");
        // 2. The official, then their 20 latest appearances with the articles.
        _official = Prepare("SELECT Id, Name FROM Officials WHERE Name = $name", "$name");
        _officialAppearances = Prepare("""
            SELECT ap.Role, ap.Titles, a.Headline, a.EventDate FROM Appearances ap JOIN Articles a ON a.Id = ap.ArticleId
            WHERE ap.OfficialId = $id ORDER BY ap.EventDate DESC, ap.Id LIMIT 20
            """, "$id");
        // 3. One location's projects, largest investment first (NULLs last, as SQLite sorts them under DESC).
        _projects = Prepare("""
            SELECT p.Id, p.Name, p.TotalInvestment FROM Projects p
            WHERE p.LocationId IN (SELECT Id FROM Locations WHERE Name = $name) ORDER BY p.TotalInvestment DESC, p.Id LIMIT 10
            """, "$name");
        // 4. Keyset pages of 10 (+1 to know whether there is a next page), newest first.
        _keysetFirst = Prepare("SELECT Id, Headline, EventDate FROM Articles ORDER BY EventDate DESC, Id LIMIT 11");
        _keysetAfter = Prepare("""
            SELECT Id, Headline, EventDate FROM Articles WHERE (EventDate < $date OR (EventDate = $date AND Id > $id))
            ORDER BY EventDate DESC, Id LIMIT 11
            """, "$date", "$id");
        // 5. The articles that name an official: the count, and the first page by id.
        _withOfficialCount = Prepare("""
            SELECT COUNT(*) FROM Appearances WHERE OfficialId IN (SELECT Id FROM Officials WHERE Name = $name)
            """, "$name");
        _withOfficialPage = Prepare("""
            SELECT a.Id, a.Headline FROM Articles a
            WHERE a.Id IN (SELECT ArticleId FROM Appearances WHERE OfficialId IN (SELECT Id FROM Officials WHERE Name = $name))
            ORDER BY a.Id LIMIT 10
            """, "$name");
        // 6. An OFFSET page.
        _offset = Prepare("SELECT Id, Headline, EventDate FROM Articles ORDER BY EventDate DESC, Id LIMIT $take OFFSET $skip", "$take", "$skip");
    }

    public SqliteConnection Connection => _db;

    /// <summary>Every statement with the parameters of the last run, for <c>EXPLAIN QUERY PLAN</c>.</summary>
    public IEnumerable<(string Sql, List<(string Name, object Value)> Parameters)> Statements =>
        new[] { _frontPage, _frontJournalists, _frontAppearances, _official, _officialAppearances, _projects, _keysetFirst, _keysetAfter, _withOfficialCount, _withOfficialPage, _offset }
            .Select(c => (c.CommandText, c.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));

    public void FrontPage(Utf8JsonWriter json)
    {
        var page = new List<(long Id, string Headline, string? EventDate, string Newspaper, string Date, int Page)>(20);
        using (var reader = _frontPage.ExecuteReader())
            while (reader.Read())
                page.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        var ids = "[" + string.Join(",", page.Select(p => p.Id)) + "]";

        var journalists = new Dictionary<long, List<string>>();
        _frontJournalists.Parameters[0].Value = ids;
        using (var reader = _frontJournalists.ExecuteReader())
            while (reader.Read())
            {
                var list = Slot(journalists, reader.GetInt64(0));
                if (list.Count < 10) list.Add(reader.GetString(1));
            }

        var appearances = new Dictionary<long, List<(int Role, string Titles, string Official)>>();
        _frontAppearances.Parameters[0].Value = ids;
        using (var reader = _frontAppearances.ExecuteReader())
            while (reader.Read())
            {
                var list = Slot(appearances, reader.GetInt64(0));
                if (list.Count < 10) list.Add((reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
            }

        StartData(json, "articles");
        json.WriteStartArray("nodes");
        foreach (var a in page)
        {
            json.WriteStartObject();
            json.WriteString("id", GlobalId.Encode("Article", a.Id));
            json.WriteString("headline", a.Headline);
            WriteDate(json, "eventDate", a.EventDate);
            json.WriteStartObject("edition");
            json.WriteString("newspaper", a.Newspaper);
            json.WriteString("date", a.Date);
            json.WriteNumber("page", a.Page);
            json.WriteEndObject();
            json.WriteStartArray("journalists");
            foreach (var name in journalists.GetValueOrDefault(a.Id) ?? [])
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("appearances");
            foreach (var (role, titles, official) in appearances.GetValueOrDefault(a.Id) ?? [])
            {
                json.WriteStartObject();
                json.WriteString("role", Roles[role]);
                json.WritePropertyName("titles");
                json.WriteRawValue(titles, skipInputValidation: true);
                json.WriteStartObject("official");
                json.WriteString("name", official);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        EndData(json, 3);
    }

    public void OfficialAppearances(Utf8JsonWriter json, string name)
    {
        StartData(json, "officials");
        json.WriteStartArray("nodes");
        _official.Parameters[0].Value = name;
        long? id = null;
        string officialName = "";
        using (var reader = _official.ExecuteReader())
            if (reader.Read())
                (id, officialName) = (reader.GetInt64(0), reader.GetString(1));
        if (id is { } officialId)
        {
            json.WriteStartObject();
            json.WriteString("id", GlobalId.Encode("Official", officialId));
            json.WriteString("name", officialName);
            json.WriteStartArray("appearances");
            _officialAppearances.Parameters[0].Value = officialId;
            using (var reader = _officialAppearances.ExecuteReader())
                while (reader.Read())
                {
                    json.WriteStartObject();
                    json.WriteString("role", Roles[reader.GetInt32(0)]);
                    json.WritePropertyName("titles");
                    json.WriteRawValue(reader.GetString(1), skipInputValidation: true);
                    json.WriteStartObject("article");
                    json.WriteString("headline", reader.GetString(2));
                    WriteDate(json, "eventDate", reader.IsDBNull(3) ? null : reader.GetString(3));
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        EndData(json, 3);
    }

    public void ProjectsIn(Utf8JsonWriter json, string location)
    {
        StartData(json, "projects");
        json.WriteStartArray("nodes");
        _projects.Parameters[0].Value = location;
        using (var reader = _projects.ExecuteReader())
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("id", GlobalId.Encode("Project", reader.GetInt64(0)));
                json.WriteString("name", reader.GetString(1));
                if (reader.IsDBNull(2)) json.WriteNull("totalInvestment");
                else json.WriteNumber("totalInvestment", DecimalKey.Decode(reader.GetString(2))); // stored as order-preserving text
                json.WriteEndObject();
            }
        EndData(json, 3);
    }

    /// <summary>A page of 10 after <paramref name="after"/>, a cursor of this class's own (base64 of date|id).</summary>
    public void ArticlesAfter(Utf8JsonWriter json, string? after)
    {
        SqliteCommand command;
        if (after is null)
        {
            command = _keysetFirst;
        }
        else
        {
            var key = Encoding.UTF8.GetString(Convert.FromBase64String(after)).Split('|');
            command = _keysetAfter;
            command.Parameters[0].Value = key[0];
            command.Parameters[1].Value = long.Parse(key[1]);
        }
        StartData(json, "articles");
        json.WriteStartArray("nodes");
        string? endCursor = null;
        var rows = 0;
        using (var reader = command.ExecuteReader())
            while (reader.Read() && ++rows <= 10)
            {
                var id = reader.GetInt64(0);
                var date = reader.IsDBNull(2) ? null : reader.GetString(2);
                json.WriteStartObject();
                json.WriteString("id", GlobalId.Encode("Article", id));
                json.WriteString("headline", reader.GetString(1));
                WriteDate(json, "eventDate", date);
                json.WriteEndObject();
                endCursor = Cursor(date ?? "", id);
            }
        json.WriteEndArray();
        json.WriteStartObject("pageInfo");
        json.WriteBoolean("hasNextPage", rows > 10);
        json.WriteString("endCursor", endCursor);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string Cursor(string date, long id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{date}|{id}"));

    public void ArticlesWithOfficial(Utf8JsonWriter json, string name)
    {
        _withOfficialCount.Parameters[0].Value = name;
        _withOfficialPage.Parameters[0].Value = name;
        StartData(json, "articles");
        json.WriteNumber("totalCount", (long)_withOfficialCount.ExecuteScalar()!);
        json.WriteStartArray("nodes");
        using (var reader = _withOfficialPage.ExecuteReader())
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("id", GlobalId.Encode("Article", reader.GetInt64(0)));
                json.WriteString("headline", reader.GetString(1));
                json.WriteEndObject();
            }
        EndData(json, 3);
    }

    public void ArticlesPage(Utf8JsonWriter json, int skip, int take)
    {
        _offset.Parameters[0].Value = take;
        _offset.Parameters[1].Value = skip;
        StartData(json, "articlesPage");
        json.WriteStartArray("items");
        using (var reader = _offset.ExecuteReader())
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("id", GlobalId.Encode("Article", reader.GetInt64(0)));
                json.WriteString("headline", reader.GetString(1));
                WriteDate(json, "eventDate", reader.IsDBNull(2) ? null : reader.GetString(2));
                json.WriteEndObject();
            }
        EndData(json, 3);
    }

    public void Dispose()
    {
        foreach (var command in new[] { _frontPage, _frontJournalists, _frontAppearances, _official, _officialAppearances, _projects, _keysetFirst, _keysetAfter, _withOfficialCount, _withOfficialPage, _offset })
            command.Dispose();
        _db.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        return command;
    }

    private static List<T> Slot<T>(Dictionary<long, List<T>> lists, long key)
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        return list;
    }

    private static void WriteDate(Utf8JsonWriter json, string name, string? date)
    {
        if (date is null) json.WriteNull(name);
        else json.WriteString(name, date);
    }

    /// <summary>Opens the response, its data and the root field's object.</summary>
    private static void StartData(Utf8JsonWriter json, string field)
    {
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject(field);
    }

    /// <summary>Closes the list, <paramref name="objects"/> objects and the response.</summary>
    private static void EndData(Utf8JsonWriter json, int objects)
    {
        json.WriteEndArray();
        for (var i = 0; i < objects; i++) json.WriteEndObject();
    }
}
