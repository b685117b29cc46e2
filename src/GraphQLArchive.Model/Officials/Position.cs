using GraphQLArchive.Model.Organizations;

namespace GraphQLArchive.Model.Officials;

/// <summary>A title an official held, and the first and last edition dates it was printed on.</summary>
public class Position
{
    public int Id { get; set; }
    public int OfficialId { get; set; }
    public Official? Official { get; set; }
    public string Title { get; set; } = "";
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public DateOnly? FirstSeen { get; set; }
    public DateOnly? LastSeen { get; set; }
}
