using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Model.Projects;

/// <summary>A printed figure, normalized: 52亿元 → 5200000000 CNY, with the words as printed.</summary>
public class ProjectFact
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public string Label { get; set; } = "";
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public FactQualifier Qualifier { get; set; }
    public string Printed { get; set; } = "";
}
