using System.Data.Common;
using System.Text;
using System.Text.Json;
using GraphQLArchive.Querying.Nodes;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// The operations of <see cref="Operations"/> as a hand-writer would write them against the same archive: prepared
/// statements on one read-only connection, each reading only what the response needs, and the same JSON written
/// by hand (<c>{"data": …}</c>, fields in the order of the GraphQL selection). The JSON is written here once; each
/// engine gives its statements' texts and how its column types read (<see cref="SqliteHandWrittenSql"/>,
/// <see cref="PostgresHandWrittenSql"/>). Not thread-safe: one per thread.
/// </summary>
internal abstract class HandWrittenSql : IDisposable
{
    private static readonly string[] Roles = ["PRESIDED", "ATTENDED", "VISITED", "ACCOMPANIED", "SPOKE", "MENTIONED"];

    private readonly DbConnection _db;
    private readonly DbCommand _frontPage, _frontJournalists, _frontAppearances;
    private readonly DbCommand _official, _officialAppearances;
    private readonly DbCommand _projects;
    private readonly DbCommand _keysetFirst, _keysetAfter;
    private readonly DbCommand _withOfficialCount, _withOfficialPage;
    private readonly DbCommand _offset;
    private readonly DbCommand[] _all;

    /// <summary>What a statement's parameter holds, for the engine to type it.</summary>
    protected enum Kind { Text, Int, Date, Ids }

    /// <summary>
    /// One engine's statements, parameters as <c>$1</c>, <c>$2</c>… (SQLite reads these as names, PostgreSQL as
    /// positions). Each list statement orders its rows by parent, then as the GraphQL list does.
    /// </summary>
    protected sealed record Statements(
        string FrontPage, string FrontJournalists, string FrontAppearances,
        string Official, string OfficialAppearances,
        string Projects,
        string KeysetFirst, string KeysetAfter,
        string WithOfficialCount, string WithOfficialPage,
        string Offset);

    protected HandWrittenSql(DbConnection db, Statements sql)
    {
        _db = db;
        // 1. The page (20 with their editions), then the page's journalists and appearances by the page's ids.
        _frontPage = Prepare(sql.FrontPage);
        _frontJournalists = Prepare(sql.FrontJournalists, Kind.Ids);
        _frontAppearances = Prepare(sql.FrontAppearances, Kind.Ids);
        // 2. The official by name, then their 20 latest appearances with the articles.
        _official = Prepare(sql.Official, Kind.Text);
        _officialAppearances = Prepare(sql.OfficialAppearances, Kind.Int);
        // 3. One location's 10 projects of largest investment.
        _projects = Prepare(sql.Projects, Kind.Text);
        // 4. Keyset pages of 10 (+1 to know whether there is a next page), newest first: the first, and one after (date, id).
        _keysetFirst = Prepare(sql.KeysetFirst);
        _keysetAfter = Prepare(sql.KeysetAfter, Kind.Date, Kind.Int);
        // 5. The articles that name an official (by name): the count, and the first page by id.
        _withOfficialCount = Prepare(sql.WithOfficialCount, Kind.Text);
        _withOfficialPage = Prepare(sql.WithOfficialPage, Kind.Text);
        // 6. An OFFSET page: take, skip.
        _offset = Prepare(sql.Offset, Kind.Int, Kind.Int);
        _all = [_frontPage, _frontJournalists, _frontAppearances, _official, _officialAppearances, _projects, _keysetFirst, _keysetAfter, _withOfficialCount, _withOfficialPage, _offset];
    }

    public DbConnection Connection => _db;

    /// <summary>Every statement with the parameters of the last run, for the engine's plan (<see cref="Explain"/>).</summary>
    public IEnumerable<(string Sql, List<(string Name, object Value)> Parameters)> StatementsRun =>
        _all.Select(c => (c.CommandText, c.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));

    /// <summary>The engine's query plan of <paramref name="sql"/> with these parameters (by name, or by position where unnamed), one line a step.</summary>
    public abstract IEnumerable<string> Explain(string sql, IReadOnlyList<(string Name, object Value)> parameters);

    /// <summary>A date column as the API writes it (<c>yyyy-MM-dd</c>), or null.</summary>
    public abstract string? ReadDate(DbDataReader reader, int ordinal);

    /// <summary>The parameter for a statement's <paramref name="position"/>th placeholder (from 1), typed for <paramref name="kind"/>.</summary>
    protected abstract DbParameter Parameter(int position, Kind kind);

    /// <summary>The value of a <see cref="Kind.Ids"/> parameter.</summary>
    protected abstract object IdList(IReadOnlyList<int> ids);

    /// <summary>The value of a <see cref="Kind.Date"/> parameter from <c>yyyy-MM-dd</c>.</summary>
    protected abstract object DateKey(string date);

    /// <summary>An appearance's titles as the engine stores them, for <see cref="WriteTitles"/>.</summary>
    protected abstract object ReadTitles(DbDataReader reader, int ordinal);

    /// <summary>Titles from <see cref="ReadTitles"/> as a JSON array of strings.</summary>
    protected abstract void WriteTitles(Utf8JsonWriter json, object titles);

    protected abstract decimal ReadDecimal(DbDataReader reader, int ordinal);

    public void FrontPage(Utf8JsonWriter json)
    {
        var page = new List<(int Id, string Headline, string? EventDate, string Newspaper, string Date, int Page)>(20);
        using (var reader = _frontPage.ExecuteReader())
            while (reader.Read())
                page.Add((reader.GetInt32(0), reader.GetString(1), ReadDate(reader, 2), reader.GetString(3), ReadDate(reader, 4)!, reader.GetInt32(5)));
        var ids = IdList(page.ConvertAll(p => p.Id));

        var journalists = new Dictionary<int, List<string>>();
        _frontJournalists.Parameters[0].Value = ids;
        using (var reader = _frontJournalists.ExecuteReader())
            while (reader.Read())
            {
                var list = Slot(journalists, reader.GetInt32(0));
                if (list.Count < 10) list.Add(reader.GetString(1));
            }

        var appearances = new Dictionary<int, List<(int Role, object Titles, string Official)>>();
        _frontAppearances.Parameters[0].Value = ids;
        using (var reader = _frontAppearances.ExecuteReader())
            while (reader.Read())
            {
                var list = Slot(appearances, reader.GetInt32(0));
                if (list.Count < 10) list.Add((reader.GetInt32(1), ReadTitles(reader, 2), reader.GetString(3)));
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
                WriteTitles(json, titles);
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
        int? id = null;
        string officialName = "";
        using (var reader = _official.ExecuteReader())
            if (reader.Read())
                (id, officialName) = (reader.GetInt32(0), reader.GetString(1));
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
                    WriteTitles(json, ReadTitles(reader, 1));
                    json.WriteStartObject("article");
                    json.WriteString("headline", reader.GetString(2));
                    WriteDate(json, "eventDate", ReadDate(reader, 3));
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
                json.WriteString("id", GlobalId.Encode("Project", reader.GetInt32(0)));
                json.WriteString("name", reader.GetString(1));
                if (reader.IsDBNull(2)) json.WriteNull("totalInvestment");
                else json.WriteNumber("totalInvestment", ReadDecimal(reader, 2));
                json.WriteEndObject();
            }
        EndData(json, 3);
    }

    /// <summary>A page of 10 after <paramref name="after"/>, a cursor of this class's own (base64 of date|id).</summary>
    public void ArticlesAfter(Utf8JsonWriter json, string? after)
    {
        DbCommand command;
        if (after is null)
        {
            command = _keysetFirst;
        }
        else
        {
            var key = Encoding.UTF8.GetString(Convert.FromBase64String(after)).Split('|');
            command = _keysetAfter;
            command.Parameters[0].Value = DateKey(key[0]);
            command.Parameters[1].Value = int.Parse(key[1]);
        }
        StartData(json, "articles");
        json.WriteStartArray("nodes");
        string? endCursor = null;
        var rows = 0;
        using (var reader = command.ExecuteReader())
            while (reader.Read() && ++rows <= 10)
            {
                var id = reader.GetInt32(0);
                var date = ReadDate(reader, 2);
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
        json.WriteNumber("totalCount", Convert.ToInt64(_withOfficialCount.ExecuteScalar()));
        json.WriteStartArray("nodes");
        using (var reader = _withOfficialPage.ExecuteReader())
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("id", GlobalId.Encode("Article", reader.GetInt32(0)));
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
                json.WriteString("id", GlobalId.Encode("Article", reader.GetInt32(0)));
                json.WriteString("headline", reader.GetString(1));
                WriteDate(json, "eventDate", ReadDate(reader, 2));
                json.WriteEndObject();
            }
        EndData(json, 3);
    }

    public void Dispose()
    {
        foreach (var command in _all) command.Dispose();
        _db.Dispose();
    }

    private DbCommand Prepare(string sql, params Kind[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++) command.Parameters.Add(Parameter(i + 1, parameters[i]));
        command.Prepare();
        return command;
    }

    private static List<T> Slot<T>(Dictionary<int, List<T>> lists, int key)
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
