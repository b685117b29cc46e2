using GraphQLArchive.Model.Articles;

namespace GraphQLArchive.Model.Officials;

public class Official
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    // Lists are made when first read: a page of nodes projected from SQL would otherwise allocate every one of them.
    public List<Position> Positions { get => field ??= []; set; }
    public List<Appearance> Appearances { get => field ??= []; set; }
    public List<Article> Articles { get => field ??= []; set; }

    /// <summary>Not stored: queries compute it in SQL (the count of appearances).</summary>
    public int ArticleCount { get; set; }
}
