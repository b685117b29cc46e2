using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Model.Projects;

public class Milestone
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateOnly? Date { get; set; }
    public MilestoneEvent Event { get; set; }
    public string Printed { get; set; } = "";
}
