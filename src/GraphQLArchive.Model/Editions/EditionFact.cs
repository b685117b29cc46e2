using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Model.Editions;

/// <summary>A figure the page prints for a group of projects (45个项目总投资326亿元): the edition's, not any one project's.</summary>
public class EditionFact
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public Edition? Edition { get; set; }

    /// <summary>The report of the edition that prints it.</summary>
    public int ArticleOrdinal { get; set; }
    public string Label { get; set; } = "";
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public FactQualifier Qualifier { get; set; }
    public string Printed { get; set; } = "";
}
