namespace GraphQLArchive.Model.Editions;

/// <summary>One printed page of one issue of a newspaper.</summary>
public class Edition
{
    public int Id { get; set; }
    public string Newspaper { get; set; } = "";
    public DateOnly Date { get; set; }
    public int Page { get; set; }
    public bool NewspaperInferred { get; set; }
    public bool DateInferred { get; set; }
    public bool PageInferred { get; set; }

    /// <summary>The page file it was read from.</summary>
    public string SourceFile { get; set; } = "";

    /// <summary>SHA-256 of the page text: re-ingesting the same page is recognized by it.</summary>
    public string ContentHash { get; set; } = "";

    public List<Articles.Article> Articles { get; set; } = [];

    /// <summary>Totals printed for groups of projects, which belong to no single project.</summary>
    public List<EditionFact> Facts { get; set; } = [];
}
