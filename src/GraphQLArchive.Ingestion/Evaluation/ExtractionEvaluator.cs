using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Evaluation;

/// <summary>
/// Precision, recall and F1 of one kind of extracted item against what a person annotated. Nothing to find and
/// nothing found is no measure at all (<see cref="HasItems"/> is false, and every figure is 0): it never counts as 1.
/// Output with no gold, or gold with no output, scores 0.
/// </summary>
public sealed record EvaluationScore(string Kind, int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Missed, IReadOnlyList<string> Spurious)
{
    public bool HasItems => TruePositives + FalsePositives + FalseNegatives > 0;
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores what was expected against what was found.</summary>
    public static EvaluationScore Of(string kind, IReadOnlySet<string> expected, IReadOnlySet<string> actual) =>
        new(kind, actual.Count(expected.Contains), actual.Count(x => !expected.Contains(x)), expected.Count(x => !actual.Contains(x)),
            expected.Where(x => !actual.Contains(x)).Order(StringComparer.Ordinal).ToList(),
            actual.Where(x => !expected.Contains(x)).Order(StringComparer.Ordinal).ToList());
}

/// <summary>A page to evaluate on: its text and the date of the edition it was printed in.</summary>
public sealed record EvaluationPage(string Text, DateOnly EditionDate);

/// <summary>
/// Runs the extractor with the registry hidden and compares what it finds with the curated registry. The registry says
/// nothing of each report's appearances, so titles per appearance and roles are not scored here: deriving them from the
/// mention finder would score the code against itself. The hand-annotated copy of the seed page
/// (<c>tests/corpus/dev/00</c>) scores them through <see cref="CorpusEvaluator"/>.
/// </summary>
public static class ExtractionEvaluator
{
    public const string Officials = "officials";
    public const string Titles = "titles (positions)";
    public const string Locations = "locations";
    public const string Organizations = "organizations";
    public const string Projects = "projects";
    public const string Figures = "project figures";
    public const string Milestones = "project milestones";
    public const string Placement = "location parents";
    public const string ProjectFacts = "project status/location";

    public static IReadOnlyList<EvaluationScore> Evaluate(IReadOnlyList<EvaluationPage> pages, ArchiveRegistry gold)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(gold);
        var expected = new Dictionary<string, HashSet<string>>();
        var actual = new Dictionary<string, HashSet<string>>();
        void Add(Dictionary<string, HashSet<string>> into, string kind, IEnumerable<string> items)
        {
            if (!into.TryGetValue(kind, out var set)) into[kind] = set = [];
            set.UnionWith(items);
        }

        var extractedAll = pages.Select(page => EntityExtractor.Extract(PageParser.Parse(page.Text, page.EditionDate))).ToList();

        Add(expected, Officials, gold.Officials.Select(o => o.Name));
        Add(expected, Titles, gold.Officials.SelectMany(o => o.Positions.Select(p => $"{o.Name} {p.Title} @{p.Organization}")));
        Add(expected, Locations, gold.Locations.Select(l => l.Name));
        Add(expected, Organizations, gold.Organizations.Select(o => o.Name));
        Add(expected, Projects, gold.Projects.Select(p => p.Name));
        Add(expected, Figures, gold.Projects.SelectMany(Figures_));
        Add(expected, Milestones, gold.Projects.SelectMany(p => p.Milestones.Select(m => $"{p.Name} {m.Event} {m.Date}")));
        Add(expected, Placement, gold.Locations.Select(l => $"{l.Name} < {l.Parent}"));
        Add(expected, ProjectFacts, gold.Projects.Select(p => $"{p.Name} {p.Status} @{p.Location}"));
        foreach (var extracted in extractedAll)
        {
            Add(actual, Officials, extracted.Officials.Select(o => o.Name));
            Add(actual, Titles, extracted.Officials.SelectMany(o => o.Positions.Select(p => $"{o.Name} {p.Title} @{p.Organization}")));
            Add(actual, Locations, extracted.Locations.Select(l => l.Name));
            Add(actual, Organizations, extracted.Organizations.Select(o => o.Name));
            Add(actual, Projects, extracted.Projects.Select(p => p.Name));
            Add(actual, Figures, extracted.Projects.SelectMany(Figures_));
            Add(actual, Milestones, extracted.Projects.SelectMany(p => p.Milestones.Select(m => $"{p.Name} {m.Event} {m.Date}")));
            Add(actual, Placement, extracted.Locations.Select(l => $"{l.Name} < {l.Parent}"));
            Add(actual, ProjectFacts, extracted.Projects.Select(p => $"{p.Name} {p.Status} @{p.Location}"));
        }

        string[] kinds = [Officials, Titles, Locations, Organizations, Projects, Figures, Milestones, Placement, ProjectFacts];
        return kinds.Select(kind => EvaluationScore.Of(kind, expected.GetValueOrDefault(kind) ?? [], actual.GetValueOrDefault(kind) ?? [])).ToList();
    }

    // A figure is right when its project, value, unit and qualifier are; labels are an editor's wording.
    private static IEnumerable<string> Figures_(RegistryProject project) =>
        project.Facts.Select(f => $"{project.Name} {f.Value:0.##} {f.Unit} {f.Qualifier}");
}
