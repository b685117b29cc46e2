using System.Globalization;
using System.Text.Json;
using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Evaluation;

/// <summary>A page of the hand-annotated corpus (<c>tests/corpus/dev|test/NN.txt</c>) with its annotation (<c>NN.json</c>).</summary>
public sealed record CorpusPage(string Name, string Text, GoldPage Gold);

public sealed record GoldPage(string Newspaper, DateOnly EditionDate, IReadOnlyList<GoldArticle> Articles);

public sealed record GoldArticle(string Headline, DateOnly? EventDate, IReadOnlyList<GoldOfficial> Officials, IReadOnlyList<GoldProject> Projects);

/// <summary>An official as annotated: the titles printed for them in the report, each with its organization (null when the page does not tell).</summary>
public sealed record GoldOfficial(string Name, AppearanceRole Role, IReadOnlyList<(string Title, string? Organization)> Titles);

/// <summary>A project as annotated: its printed figures, and the milestones the report says it reached or reaches (with the date, when the page gives one).</summary>
public sealed record GoldProject(string Name, IReadOnlyList<(decimal Value, string Unit)> Figures, IReadOnlyList<(MilestoneEvent Event, DateOnly? Date)> Milestones);

/// <summary>
/// Scores the extractor on the hand-annotated corpus, page by page and report by report: what a person read in the
/// text is the gold, never the output of the code under test.
/// </summary>
public static class CorpusEvaluator
{
    public const string Reports = "reports";
    public const string Officials = "officials";
    public const string Titles = "titles as printed";
    public const string Organizations = "title organizations";
    public const string Roles = "roles";
    public const string EventDates = "event dates";
    public const string Projects = "projects";
    public const string Figures = "project figures";
    public const string Milestones = "project milestones";

    public static readonly IReadOnlyList<string> Kinds = [Reports, Officials, Titles, Organizations, Roles, EventDates, Projects, Figures, Milestones];

    /// <summary>The pages of one split folder, in name order; a page without its annotation is an error, not skipped.</summary>
    public static IReadOnlyList<CorpusPage> Load(string directory)
    {
        var pages = new List<CorpusPage>();
        foreach (var text in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var gold = Path.ChangeExtension(text, ".json");
            if (!File.Exists(gold))
                throw new InvalidDataException($"{text} has no annotation: write {Path.GetFileName(gold)} beside it by hand.");
            pages.Add(new CorpusPage(Path.GetFileNameWithoutExtension(text), File.ReadAllText(text), ReadGold(File.ReadAllText(gold), gold)));
        }
        return pages;
    }

    /// <summary>Reads an annotation; <paramref name="source"/> names it in errors.</summary>
    public static GoldPage ReadGold(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new GoldPage(
                Get(root, "newspaper").GetString() ?? "",
                DateOnly.ParseExact(Get(root, "editionDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Get(root, "articles").EnumerateArray().Select(ReadArticle).ToList());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    private static GoldArticle ReadArticle(JsonElement article) => new(
        Get(article, "headline").GetString() ?? "",
        article.TryGetProperty("eventDate", out var date) && date.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(date.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Get(article, "officials").EnumerateArray().Select(o => new GoldOfficial(
            Get(o, "name").GetString()!,
            Enum.Parse<AppearanceRole>(Get(o, "role").GetString()!, ignoreCase: true),
            Get(o, "titles").EnumerateArray().Select(t => (t[0].GetString()!, t.GetArrayLength() > 1 ? t[1].GetString() : null)).ToList())).ToList(),
        article.TryGetProperty("projects", out var projects)
            ? projects.EnumerateArray().Select(p => new GoldProject(Get(p, "name").GetString()!,
                p.TryGetProperty("figures", out var figures) ? figures.EnumerateArray().Select(f => (f[0].GetDecimal(), f[1].GetString()!)).ToList() : [],
                // Required, so that a project nobody annotated for milestones is an error rather than "none reached".
                Get(p, "milestones").EnumerateArray().Select(m => (Enum.Parse<MilestoneEvent>(m[0].GetString()!), Date(m[1]))).ToList())).ToList()
            : []);

    // A missing key names itself, so the annotator knows what to add.
    private static JsonElement Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value
        : throw new KeyNotFoundException($"\"{name}\" is missing{(name == "milestones" ? " (write [] when the report names none)" : "")}.");

    private static DateOnly? Date(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>Per-kind scores, with every miss; and the pages refused outright (no report recognized).</summary>
    public static (IReadOnlyList<EvaluationScore> Scores, IReadOnlyList<string> Refused) Evaluate(IReadOnlyList<CorpusPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var expected = Kinds.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        var actual = Kinds.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        var refused = new List<string>();

        foreach (var page in pages)
        {
            var parsed = PageParser.Parse(page.Text, page.Gold.EditionDate);
            if (parsed.Articles.Count == 0) refused.Add(page.Name);
            var extraction = EntityExtractor.ExtractPage(parsed, page.Gold.Newspaper);
            var keys = Align(page, parsed);

            foreach (var (gold, index) in page.Gold.Articles.Select((a, i) => (a, i)))
            {
                var key = $"{page.Name}.{index + 1}";
                expected[Reports].Add($"{key} {gold.Headline}");
                if (gold.EventDate is { } date) expected[EventDates].Add($"{key} {date:yyyy-MM-dd}");
                foreach (var official in gold.Officials)
                {
                    expected[Officials].Add($"{key} {official.Name}");
                    expected[Roles].Add($"{key} {official.Name} {official.Role}");
                    foreach (var (title, organization) in official.Titles)
                    {
                        expected[Titles].Add($"{key} {official.Name} {title}");
                        expected[Organizations].Add($"{key} {official.Name} {title} @{organization ?? "-"}");
                    }
                }
                foreach (var project in gold.Projects)
                {
                    expected[Projects].Add($"{page.Name} {project.Name}");
                    foreach (var (value, unit) in project.Figures)
                        expected[Figures].Add(Figure(page.Name, project.Name, value, unit));
                    foreach (var (@event, reached) in project.Milestones)
                        expected[Milestones].Add(Milestone(page.Name, project.Name, @event, reached));
                }
            }

            foreach (var article in parsed.Articles)
            {
                var key = $"{page.Name}.{keys[article.Ordinal]}";
                actual[Reports].Add($"{key} {article.Headline}");
                if (article.EventDate is { } date) actual[EventDates].Add($"{key} {date:yyyy-MM-dd}");
                foreach (var mention in extraction.Articles.First(a => a.Ordinal == article.Ordinal).Officials)
                {
                    actual[Officials].Add($"{key} {mention.Name}");
                    actual[Roles].Add($"{key} {mention.Name} {mention.Role}");
                    foreach (var title in mention.Positions)
                    {
                        actual[Titles].Add($"{key} {mention.Name} {title.Printed}");
                        actual[Organizations].Add($"{key} {mention.Name} {title.Printed} @{title.Organization ?? "-"}");
                    }
                }
            }
            foreach (var project in extraction.Registry.Projects)
            {
                actual[Projects].Add($"{page.Name} {project.Name}");
                foreach (var fact in project.Facts)
                    actual[Figures].Add(Figure(page.Name, project.Name, fact.Value, fact.Unit));
                foreach (var milestone in project.Milestones)
                    actual[Milestones].Add(Milestone(page.Name, project.Name, milestone.Event, milestone.Date));
            }
        }
        return (Kinds.Select(k => EvaluationScore.Of(k, expected[k], actual[k])).ToList(), refused);
    }

    private static string Milestone(string page, string project, MilestoneEvent @event, DateOnly? date) =>
        $"{page} {project} {@event} {(date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated")}";

    private static string Figure(string page, string project, decimal value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{page} {project} {value:0.##} {unit}");

    /// <summary>
    /// Which annotated report each parsed one is: by headline, else by position among the reports without one. A parsed
    /// report matching none gets a key of its own, so what is found in it counts as spurious.
    /// </summary>
    private static Dictionary<int, string> Align(CorpusPage page, ParsedPage parsed)
    {
        var keys = new Dictionary<int, string>();
        var used = new HashSet<int>();
        foreach (var article in parsed.Articles)
        {
            var index = page.Gold.Articles.Select((a, i) => (a, i))
                .Where(g => !used.Contains(g.i) && g.a.Headline == article.Headline)
                .Select(g => (int?)g.i).FirstOrDefault();
            if (index is { } found)
            {
                used.Add(found);
                keys[article.Ordinal] = (found + 1).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                keys[article.Ordinal] = "x" + article.Ordinal.ToString(CultureInfo.InvariantCulture);
            }
        }
        return keys;
    }
}
