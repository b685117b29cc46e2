using GraphQLArchive.Model.Journalists;

namespace GraphQLArchive.Model.Articles;

public class Photo
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public string Caption { get; set; } = "";

    /// <summary>The credit as printed, without 摄.</summary>
    public string? Credit { get; set; }

    public int? PhotographerId { get; set; }
    public Journalist? Photographer { get; set; }
}
