using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;

namespace GraphQLArchive.Model.Journalists;

public class Journalist
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public JournalistRole Role { get; set; }
    // Lists are made when first read: a page of nodes projected from SQL would otherwise allocate every one of them.
    public List<Article> Articles { get => field ??= []; set; }
    public List<Photo> Photos { get => field ??= []; set; }
}
