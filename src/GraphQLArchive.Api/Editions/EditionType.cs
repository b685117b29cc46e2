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
        Field(e => e.Newspaper, type: typeof(NonNullGraphType<StringGraphType>));
        Field(e => e.Date, type: typeof(NonNullGraphType<LocalDateGraphType>));
        Field(e => e.Page, type: typeof(NonNullGraphType<IntGraphType>));
        Field(e => e.NewspaperInferred, type: typeof(NonNullGraphType<BooleanGraphType>));
        Field(e => e.DateInferred, type: typeof(NonNullGraphType<BooleanGraphType>));
        Field(e => e.PageInferred, type: typeof(NonNullGraphType<BooleanGraphType>));
        Field(e => e.SourceFile, type: typeof(NonNullGraphType<StringGraphType>));
        this.AddFilterableList<ArticleType>("articles");
    }
}
