using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;

namespace GraphQLArchive.Model.Journalists;

public class Journalist
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public JournalistRole Role { get; set; }
    public List<Article> Articles { get; set; } = [];
    public List<Photo> Photos { get; set; } = [];
}
