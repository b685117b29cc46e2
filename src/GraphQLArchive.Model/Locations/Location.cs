using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Projects;

namespace GraphQLArchive.Model.Locations;

public class Location
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public LocationKind Kind { get; set; }
    public List<string> Aliases { get; set; } = [];
    public int? ParentId { get; set; }
    public Location? Parent { get; set; }
    public List<Location> Children { get; set; } = [];
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public List<Article> Articles { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
}
