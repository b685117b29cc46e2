namespace GraphQLArchive.Ingestion.Pages;

/// <summary>A raw page split into its articles, in print order.</summary>
public sealed record ParsedPage(IReadOnlyList<ParsedArticle> Articles);

/// <summary>One report as printed, with layout artifacts already repaired.</summary>
public sealed record ParsedArticle(
    int Ordinal,
    string? Kicker,
    string Headline,
    string? Subheadline,
    string? Byline,
    IReadOnlyList<string> Journalists,
    DateOnly? EventDate,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<ParsedPhoto> Photos)
{
    /// <summary>Everything a reader sees, for mention finding: headlines first, then the body.</summary>
    public string FullText => string.Join("\n", new[] { Kicker, Headline, Subheadline }.OfType<string>().Concat(Paragraphs));
}

/// <summary>A photo caption lifted out of the running text, with its credit (<c>梁琛 摄</c> → 梁琛).</summary>
public sealed record ParsedPhoto(string Caption, string? Credit);
