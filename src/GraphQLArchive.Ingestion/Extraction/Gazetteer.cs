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

    public const string Boundaries = ",，。；;：:！!？?、“”\"（）()《》\n\t 　";

    public static bool IsNameChar(char c) => !Boundaries.Contains(c) && !char.IsWhiteSpace(c);

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
