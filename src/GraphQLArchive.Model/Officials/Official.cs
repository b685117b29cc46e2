using GraphQLArchive.Model.Articles;

namespace GraphQLArchive.Model.Officials;

public class Official
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public List<Position> Positions { get; set; } = [];
    public List<Appearance> Appearances { get; set; } = [];
    public List<Article> Articles { get; set; } = [];

    /// <summary>Not stored: queries compute it in SQL (the count of appearances).</summary>
    public int ArticleCount { get; set; }
}
