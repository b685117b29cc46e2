using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>Character classes of raw text, and the lexicon's places in the shape the extractor matches on.</summary>
internal static class Gazetteer
{
    private static WordLexicon Words => WordLexicon.Default;

    public static IReadOnlyList<(string Name, string Short)> Provinces { get; } =
        WordLexicon.Default.Divisions.Provinces.Select(p => (p.Name, p.Short)).ToList();

    public static IReadOnlyList<(string Name, string Short, string Province)> Cities { get; } =
        WordLexicon.Default.Divisions.Cities.Select(c => (c.Name, c.Short, c.Province)).ToList();

    public static IReadOnlyList<string> LeftDelimiters => Words.LeftDelimiters;

    private static readonly IReadOnlyList<string> PlaceNames = WordLexicon.Default.Divisions.Provinces
        .SelectMany(p => p.Cities.SelectMany(c => c.Counties.Append(c.Name).Append(c.Short)).Append(p.Name).Append(p.Short))
        .Where(n => n.Length >= 2).Distinct().ToList();

    /// <summary>True when the characters at <paramref name="at"/> are part of a place's name printed there: the 同 of 大同 is no delimiter.</summary>
    public static bool IsInsidePlaceName(string text, int at, int length) =>
        PlaceNames.Any(name =>
        {
            for (var start = Math.Max(0, at + length - name.Length); start <= at && start + name.Length <= text.Length; start++)
            {
                if (string.CompareOrdinal(text, start, name, 0, name.Length) == 0) return true;
            }
            return false;
        });

    public const string Boundaries = ",，。；;：:！!？?、“”\"（）()《》\n\t 　";

    public static bool IsNameChar(char c) => !Boundaries.Contains(c) && !char.IsWhiteSpace(c);

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
