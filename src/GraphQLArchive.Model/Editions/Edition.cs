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

    // Lists are made when first read: a page of nodes projected from SQL would otherwise allocate every one of them.
    public List<Articles.Article> Articles { get => field ??= []; set; }

    /// <summary>Totals printed for groups of projects, which belong to no single project.</summary>
    public List<EditionFact> Facts { get => field ??= []; set; }
}
