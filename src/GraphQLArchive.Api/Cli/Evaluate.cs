using System.Globalization;
using GraphQLArchive.Ingestion.Evaluation;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Api.Cli;

/// <summary><c>evaluate</c>: runs the extractor on seeds/pages with the registry hidden and scores it against the registry.</summary>
internal static class Evaluate
{
    public static int Run(string seedsDirectory, TextWriter output)
    {
        var registry = RegistryReader.Load(Path.Combine(seedsDirectory, "registry"));
        var pages = Directory.GetFiles(Path.Combine(seedsDirectory, "pages"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => new EvaluationPage(File.ReadAllText(path),
                registry.Editions.FirstOrDefault(e => e.SourceFile == Path.GetFileName(path))?.Date.Value ?? DateOnly.FromDateTime(DateTime.Today)))
            .ToList();
        var scores = ExtractionEvaluator.Evaluate(pages, registry);

        output.WriteLine($"Extraction on {pages.Count} page(s) in {Path.Combine(seedsDirectory, "pages")}, registry hidden, scored against {Path.Combine(seedsDirectory, "registry")}:");
        output.WriteLine();
        output.WriteLine($"{"kind",-24}{"precision",10}{"recall",10}{"F1",10}{"tp",6}{"fp",6}{"fn",6}");
        foreach (var s in scores)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Kind,-24}{s.Precision,10:0.000}{s.Recall,10:0.000}{s.F1,10:0.000}{s.TruePositives,6}{s.FalsePositives,6}{s.FalseNegatives,6}"));
        foreach (var s in scores.Where(s => s.Missed.Count + s.Spurious.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"{s.Kind}:");
            foreach (var missed in s.Missed) output.WriteLine($"  missed   {missed}");
            foreach (var spurious in s.Spurious) output.WriteLine($"  spurious {spurious}");
        }
        return 0;
    }
}
