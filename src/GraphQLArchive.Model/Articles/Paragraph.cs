namespace GraphQLArchive.Model.Articles;

public class Paragraph
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>Position in the article, from 1.</summary>
    public int Ordinal { get; set; }

    public string Text { get; set; } = "";
}
