using GraphQL.Types;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Model.Editions;
using GraphQLArchive.Querying.Scalars;

namespace GraphQLArchive.Api.Editions;

public sealed class EditionFactType : ObjectGraphType<EditionFact>
{
    public EditionFactType()
    {
        Name = "EditionFact";
        Description = "A figure the page prints for a group of projects at once (45个项目总投资326亿元): it belongs to the edition, not to any one project.";
        Field(f => f.ArticleOrdinal, type: typeof(NonNullGraphType<IntGraphType>)).Description("The report on the page that prints it, by its position on the page (1 is the first report).");
        Field(f => f.Label, type: typeof(NonNullGraphType<StringGraphType>)).Description("What the figure counts or measures: 项目数 (how many projects) or 项目总投资 (their total investment).");
        Field(f => f.Value, type: typeof(NonNullGraphType<ExactDecimalGraphType>)).Description("The figure in `unit`: 326亿元 is 32600000000.");
        Field(f => f.Unit, type: typeof(NonNullGraphType<StringGraphType>)).Description("CNY for money, 个 for a count of projects.");
        Field(f => f.Qualifier, type: typeof(NonNullGraphType<FactQualifierType>)).Description("AT_LEAST for 以上, APPROXIMATELY for 约, …; EXACT when the page gives no hedge.");
        Field(f => f.Printed, type: typeof(NonNullGraphType<StringGraphType>)).Description("The words as printed, from the count to the total: 45个项目总投资326亿元.");
    }
}
