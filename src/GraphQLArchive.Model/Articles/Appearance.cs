using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Model.Officials;

namespace GraphQLArchive.Model.Articles;

/// <summary>An official in an article: the role they played and the titles printed beside the name there.</summary>
public class Appearance
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int OfficialId { get; set; }
    public Official? Official { get; set; }
    public AppearanceRole Role { get; set; }

    /// <summary>
    /// The report's event date, copied from the article: an official's appearances are read newest first through
    /// an index (official, date), instead of joining and sorting every appearance of a much-named official.
    /// </summary>
    public DateOnly? EventDate { get; set; }
    public List<string> Titles { get; set; } = [];
}
