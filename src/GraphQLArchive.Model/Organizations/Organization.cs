using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Projects;

namespace GraphQLArchive.Model.Organizations;

public class Organization
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public OrganizationKind Kind { get; set; }
    public List<string> Aliases { get; set; } = [];
    public int? ParentId { get; set; }
    public Organization? Parent { get; set; }
    public List<Article> Articles { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
}
