using System.Text.Json;
using GraphQLArchive.Ingestion.Evaluation;
using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>The extractor against the hand-annotated corpus in tests/corpus: the issue's targets on the held-out test split.</summary>
public class CorpusEvaluationTests
{
    private static string Split(string name) => Path.Combine(Path.GetDirectoryName(SeedFiles.SeedsDirectory)!, "tests", "corpus", name);

    private static readonly Lazy<(IReadOnlyList<EvaluationScore> Scores, IReadOnlyList<string> Refused)> Test = new(() => CorpusEvaluator.Evaluate(CorpusEvaluator.Load(Split("test"))));
    private static readonly Lazy<(IReadOnlyList<EvaluationScore> Scores, IReadOnlyList<string> Refused)> Dev = new(() => CorpusEvaluator.Evaluate(CorpusEvaluator.Load(Split("dev"))));

    [Theory]
    [InlineData(CorpusEvaluator.Reports, 1.0)]
    [InlineData(CorpusEvaluator.Officials, 0.95)]
    [InlineData(CorpusEvaluator.Titles, 0.95)]
    [InlineData(CorpusEvaluator.Organizations, 0.9)]
    [InlineData(CorpusEvaluator.Roles, 0.9)]
    [InlineData(CorpusEvaluator.EventDates, 0.95)]
    [InlineData(CorpusEvaluator.Projects, 0.8)]
    [InlineData(CorpusEvaluator.Milestones, 0.8)]
    public void The_test_split_meets_the_issue_targets(string kind, double target)
    {
        var score = Test.Value.Scores.Single(s => s.Kind == kind);

        Assert.True(score.HasItems, $"{kind}: nothing annotated, nothing found");
        Assert.True(score.F1 >= target, Describe(score));
    }

    [Fact]
    public void No_report_of_either_split_is_refused()
    {
        Assert.Empty(Test.Value.Refused);
        Assert.Empty(Dev.Value.Refused);
    }

    [Fact]
    public void The_dev_split_scores_at_least_the_targets_too()
    {
        foreach (var kind in new[] { CorpusEvaluator.Officials, CorpusEvaluator.Titles, CorpusEvaluator.Roles, CorpusEvaluator.EventDates })
            Assert.True(Dev.Value.Scores.Single(s => s.Kind == kind).F1 >= 0.95, Describe(Dev.Value.Scores.Single(s => s.Kind == kind)));
    }

    [Fact]
    public void The_corpus_covers_forty_pages_eight_newspapers_and_five_provinces_with_a_third_held_out()
    {
        var dev = CorpusEvaluator.Load(Split("dev"));
        var test = CorpusEvaluator.Load(Split("test"));
        var all = dev.Concat(test).ToList();
        // Each newspaper's province is annotated by hand beside the splits, never read by the extractor's own rules.
        using var annotated = JsonDocument.Parse(File.ReadAllText(Path.Combine(Split(""), "provinces.json")));
        var provinceOf = annotated.RootElement.EnumerateObject().Where(p => p.Name != "comment").ToDictionary(p => p.Name, p => p.Value.GetString());
        var unannotated = all.Select(p => p.Gold.Newspaper).Where(n => !provinceOf.ContainsKey(n)).Distinct().ToList();
        var provinces = all.Select(p => provinceOf.GetValueOrDefault(p.Gold.Newspaper)).Distinct().ToList();

        Assert.True(unannotated.Count == 0, "no province in tests/corpus/provinces.json for " + string.Join(", ", unannotated));
        Assert.All(provinces, p => Assert.NotNull(WordLexicon.Default.Divisions.Province(p!)));

        Assert.True(all.Count >= 40, $"{all.Count} pages");
        Assert.True(all.Select(p => p.Gold.Newspaper).Distinct().Count() >= 8);
        Assert.True(provinces.Count >= 5, string.Join(",", provinces));
        Assert.InRange(test.Count / (double)all.Count, 0.25, 0.5);
    }

    [Fact]
    public void Nothing_to_find_and_nothing_found_is_no_measure_and_output_without_gold_scores_zero()
    {
        var none = EvaluationScore.Of("k", new HashSet<string>(), new HashSet<string>());
        var invented = EvaluationScore.Of("k", new HashSet<string>(), new HashSet<string> { "x" });
        var missed = EvaluationScore.Of("k", new HashSet<string> { "x" }, new HashSet<string>());

        Assert.False(none.HasItems);
        Assert.Equal(0, none.F1);
        Assert.Equal(0, invented.F1);
        Assert.Equal(0, missed.F1);
        Assert.Equal(["x"], missed.Missed);
    }

    [Fact]
    public void A_project_annotated_without_milestones_is_an_error_not_a_project_that_reached_none()
    {
        const string gold = """
            {"newspaper":"太原日报","editionDate":"2023-01-02","articles":[{"headline":"h","eventDate":null,"officials":[],"projects":[{"name":"某某项目","figures":[]}]}]}
            """;

        var error = Assert.Throws<InvalidDataException>(() => CorpusEvaluator.ReadGold(gold, "02.json"));

        Assert.Contains("milestones", error.Message);
    }

    [Fact]
    public void An_annotation_that_cannot_be_read_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => CorpusEvaluator.ReadGold("{\"newspaper\":\"太原日报\"}", "01.json"));

        Assert.StartsWith("01.json", error.Message);
    }

    private static string Describe(EvaluationScore score) =>
        $"{score.Kind}: F1 {score.F1:0.000}; missed {string.Join(", ", score.Missed)}; spurious {string.Join(", ", score.Spurious)}";
}
