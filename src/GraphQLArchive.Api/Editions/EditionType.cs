using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Model.Editions;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Projection;
using GraphQLArchive.Querying.Scalars;

namespace GraphQLArchive.Api.Editions;

public sealed class EditionType : ObjectGraphType<Edition>
{
    public EditionType()
    {
        Name = "Edition";
        Description = "One printed page of one issue. Where the page does not say its newspaper, date or number, an editor inferred it, and the matching flag says so.";
        this.ImplementsNode(e => e.Id);
        Field(e => e.Newspaper, type: typeof(NonNullGraphType<StringGraphType>)).Description("The newspaper, e.g. 太原日报.");
        Field(e => e.Date, type: typeof(NonNullGraphType<LocalDateGraphType>)).Description("The day the issue was printed.");
        Field(e => e.Page, type: typeof(NonNullGraphType<IntGraphType>)).Description("The page number, from 1.");
        Field(e => e.NewspaperInferred, type: typeof(NonNullGraphType<BooleanGraphType>)).Description("True when the page does not print the newspaper's name and it was inferred.");
        Field(e => e.DateInferred, type: typeof(NonNullGraphType<BooleanGraphType>)).Description("True when the page does not print its date and it was inferred.");
        Field(e => e.PageInferred, type: typeof(NonNullGraphType<BooleanGraphType>)).Description("True when the page does not print its number and it was inferred.");
        Field(e => e.SourceFile, type: typeof(NonNullGraphType<StringGraphType>)).Description("The scanned text file the page was read from (`ingestPage` for pages sent over GraphQL).");
        this.AddFilterableList<ArticleType>("articles", "The reports printed on the page.");
        this.AddFilterableList<EditionFactType>("facts", "Figures the page prints for a group of projects rather than for one (N个项目总投资X), in print order.");
    }
}
