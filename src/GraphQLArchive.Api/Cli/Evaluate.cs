using System.Globalization;
using GraphQLArchive.Ingestion.Evaluation;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Api.Cli;

/// <summary>
/// <c>evaluate [--corpus DIR]</c>: scores the extractor (1) on seeds/pages with the registry hidden, against the registry,
/// and (2) on each split of the hand-annotated corpus (tests/corpus/dev, test and holdout), against the annotation.
/// </summary>
internal static class Evaluate
{
    public const string Usage = "usage: evaluate [--corpus DIR]   (DIR holds dev/, test/ and holdout/; by default tests/corpus above the current folder)";

    public static int Run(string seedsDirectory, string[] args, TextWriter output)
    {
        string? corpus = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--corpus" && i + 1 < args.Length) corpus = CommandPaths.Resolve(args[++i]);
            else
            {
                output.WriteLine($"Unknown or incomplete option {args[i]}. {Usage}");
                return 2;
            }
        }

        var registry = RegistryReader.Load(Path.Combine(seedsDirectory, "registry"));
        var pages = Directory.GetFiles(Path.Combine(seedsDirectory, "pages"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => new EvaluationPage(File.ReadAllText(path),
                registry.Editions.FirstOrDefault(e => e.SourceFile == Path.GetFileName(path))?.Date.Value ?? DateOnly.FromDateTime(DateTime.Today)))
            .ToList();
        output.WriteLine($"Seed: extraction on {pages.Count} page(s) in {Path.Combine(seedsDirectory, "pages")}, registry hidden, scored against {Path.Combine(seedsDirectory, "registry")}:");
        Print(ExtractionEvaluator.Evaluate(pages, registry), output);
        output.WriteLine("(The registry does not say who did what in which report: the seed page's titles per appearance and roles are scored on its hand-annotated copy, corpus dev/00.)");

        corpus ??= CommandPaths.FindUpwards(Path.Combine("tests", "corpus"));
        if (corpus is null || !Directory.Exists(corpus))
        {
            output.WriteLine();
            output.WriteLine($"No corpus found{(corpus is null ? "" : " at " + corpus)}: only the seed was scored. {Usage}");
            return corpus is null ? 0 : 2;
        }
        var failed = false;
        foreach (var split in new[] { "dev", "test", "holdout" })
        {
            var directory = Path.Combine(corpus, split);
            if (!Directory.Exists(directory)) continue;
            var loaded = CorpusEvaluator.Load(directory);
            if (loaded.Count == 0)
            {
                // The holdout split holds real pages, which stay out of the repository (see its README).
                output.WriteLine();
                output.WriteLine($"Corpus {split} split ({directory}): no pages here, nothing scored.");
                continue;
            }
            var (scores, refused) = CorpusEvaluator.Evaluate(loaded);
            output.WriteLine();
            output.WriteLine($"Corpus {split} split ({directory}), pages as found, scored against the hand annotation:");
            output.WriteLine($"pages refused: {refused.Count}{(refused.Count > 0 ? " (" + string.Join(", ", refused) + ")" : "")}");
            Print(scores, output);
            failed |= scores.Any(s => !s.HasItems);
        }
        return failed ? 1 : 0;
    }

    private static void Print(IReadOnlyList<EvaluationScore> scores, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"kind",-24}{"precision",10}{"recall",10}{"F1",10}{"tp",6}{"fp",6}{"fn",6}");
        foreach (var s in scores)
        {
            output.WriteLine(s.HasItems
                ? string.Create(CultureInfo.InvariantCulture, $"{s.Kind,-24}{s.Precision,10:0.000}{s.Recall,10:0.000}{s.F1,10:0.000}{s.TruePositives,6}{s.FalsePositives,6}{s.FalseNegatives,6}")
                : $"{s.Kind,-24}  error: nothing annotated and nothing found, so nothing was measured");
        }
        foreach (var s in scores.Where(s => s.Missed.Count + s.Spurious.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"{s.Kind}:");
            foreach (var missed in s.Missed) output.WriteLine($"  missed   {missed}");
            foreach (var spurious in s.Spurious) output.WriteLine($"  spurious {spurious}");
        }
    }
}
