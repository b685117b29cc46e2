using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Introspection;
using GraphQLArchive.Querying.Nodes;

namespace GraphQLArchive.Api.Search;

public enum SearchOrder { Relevance, Newest, Oldest }

public sealed class SearchOrderType : EnumerationGraphType<SearchOrder>
{
    public SearchOrderType()
    {
        Name = "SearchOrder";
        Description = "RELEVANCE: best match first (a headline hit weighs most). NEWEST / OLDEST: by event date, undated reports last / first.";
        this.DescribeValues(
            ("RELEVANCE", "Best match first: for each term, the weights of the fields that contain it, summed (headline 10, subheadline 5, kicker 3, caption 2, body 1); ties by id."),
            ("NEWEST", "Latest event date first; undated reports last."),
            ("OLDEST", "Earliest event date first; undated reports first."));
    }
}

public sealed class SearchFieldType : EnumerationGraphType<SearchField>
{
    public SearchFieldType()
    {
        Name = "SearchField";
        Description = "The part of an article a highlight comes from.";
        this.DescribeValues(
            ("HEADLINE", "The headline."), ("SUBHEADLINE", "The line below the headline."), ("KICKER", "The line above the headline."),
            ("BODY", "The body."), ("CAPTION", "A photo caption."));
    }
}

internal sealed class ArticleSearchConnectionType : ObjectGraphType<SearchConnectionResult>
{
    public ArticleSearchConnectionType()
    {
        Name = "ArticleSearchConnection";
        Description = "Search results: a connection to the matching articles, with facets over the whole result set.";
        // PageInfo is the Querying library's type, shared with every connection.
        AddField(new FieldType
        {
            Name = "pageInfo", Description = "Information to aid in pagination.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference("PageInfo")),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<SearchConnectionResult, object>(c => c.Source.PageInfo),
        });
        Field<ListGraphType<NonNullGraphType<ArticleSearchEdgeType>>>("edges").Description("A list of edges.").Resolve(c => c.Source.Edges);
        Field<ListGraphType<NonNullGraphType<ArticleType>>>("nodes").Description("A flattened list of the nodes.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Identifies the total count of items in the connection.")
            .Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<SearchFacetsType>>("facets")
            .Description("Counts by official, location, project, journalist and month over all the matching articles (not only this page), under the same query and filter.")
            .Argument<IntGraphType>("top", a => { a.DefaultValue = 10; a.Description = "How many buckets of each facet, the largest first (at most 50)."; })
            .ResolveAsync(async c =>
            {
                var top = c.GetArgument("top", 10);
                if (top < 0) throw QueryingErrors.NegativePageSize();
                if (top > QueryingErrors.MaxPageSize) throw QueryingErrors.MaxPageSizeExceeded(top);
                return await c.Source.Facets(top, c.CancellationToken);
            })
            .FieldType.ListSize(["top"], ["officials", "locations", "projects", "journalists", "months"]);
    }
}

internal sealed class ArticleSearchEdgeType : ObjectGraphType<SearchEdgeResult>
{
    public ArticleSearchEdgeType()
    {
        Name = "ArticleSearchEdge";
        Description = "A matching article, with its relevance and the matched fragments.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ArticleType>>("node").Description("The item at the end of the edge.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance, higher is better: for each term, the weights of the fields that contain it, summed (headline 10, subheadline 5, kicker 3, caption 2, body 1). It depends on the article alone, so it does not change when other articles are added.")
            .Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHighlightType>>>>("highlights")
            .Description("The fields where the query's terms occur, each with a short snippet around the first match.")
            .Resolve(c => c.Source.Highlights);
    }
}

internal sealed class SearchHighlightType : ObjectGraphType<SearchHighlight>
{
    public SearchHighlightType()
    {
        Name = "SearchHighlight";
        Description = "A matched fragment of one field.";
        Field<NonNullGraphType<SearchFieldType>>("field").Description("The part of the article the fragment comes from.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("snippet")
            .Description("HTML: the fragment, escaped, with every match wrapped in <mark>…</mark>, and … where the field goes on.")
            .Resolve(c => c.Source.Snippet);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The same fragment as plain text, without marks or ellipses.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchMatchType>>>>("matches")
            .Description("Where the matches are in `text`.").Resolve(c => c.Source.Matches);
    }
}

internal sealed class SearchMatchType : ObjectGraphType<SearchMatch>
{
    public SearchMatchType()
    {
        Name = "SearchMatch";
        Description = "A match in a highlight's `text`, in UTF-16 code units (as JavaScript indexes strings).";
        Field<NonNullGraphType<IntGraphType>>("start").Description("Where the match starts in `text`, from 0.").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("length").Description("How long the match is.").Resolve(c => c.Source.Length);
    }
}

internal sealed class SearchFacetsType : ObjectGraphType<IReadOnlyList<SearchFacetRow>>
{
    public SearchFacetsType()
    {
        Name = "SearchFacets";
        Description = "Counts of matching articles, for narrowing a search.";
        Field<NonNullGraphType<IntGraphType>>("total").Description("Matching articles in all.")
            .Resolve(c => c.Source.FirstOrDefault(r => r.Kind == SearchFacetKind.Total)?.Count ?? 0);
        Buckets("officials", SearchFacetKind.Official, "Official");
        Buckets("locations", SearchFacetKind.Location, "Location");
        Buckets("projects", SearchFacetKind.Project, "Project");
        Buckets("journalists", SearchFacetKind.Journalist, "Journalist");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchMonthBucketType>>>>("months")
            .Description("Matching articles by the month of their event date, the most first.")
            .Resolve(c => c.Source.Where(r => r.Kind == SearchFacetKind.Month));
    }

    private void Buckets(string name, SearchFacetKind kind, string typeName) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchFacetBucketType>>>>(name)
            .Description($"Matching articles by {typeName.ToLowerInvariant()}, the most first.")
            .Resolve(c => c.Source.Where(r => r.Kind == kind).Select(r => new SearchFacetBucket(GlobalId.Encode(typeName, r.Key), r.Name, r.Count)));
}

internal sealed record SearchFacetBucket(string Id, string Name, int Count);

internal sealed class SearchFacetBucketType : ObjectGraphType<SearchFacetBucket>
{
    public SearchFacetBucketType()
    {
        Name = "SearchFacetBucket";
        Description = "An official, location, project or journalist, and how many matching articles name it.";
        Field<NonNullGraphType<SearchFacetValueType>>("value").Description("What the bucket counts.").Resolve(c => c.Source);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many matching articles name it.").Resolve(c => c.Source.Count);
    }
}

internal sealed class SearchFacetValueType : ObjectGraphType<SearchFacetBucket>
{
    public SearchFacetValueType()
    {
        Name = "SearchFacetValue";
        Description = "What a facet bucket counts: its global id (for node(id:) or a where filter) and its name.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Its global ID.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.").Resolve(c => c.Source.Name);
    }
}

internal sealed class SearchMonthBucketType : ObjectGraphType<SearchFacetRow>
{
    public SearchMonthBucketType()
    {
        Name = "SearchMonthBucket";
        Description = "A month and how many matching articles report on it.";
        Field<NonNullGraphType<StringGraphType>>("month").Description("yyyy-MM, e.g. 2021-07.")
            .Resolve(c => $"{c.Source.Key / 100:0000}-{c.Source.Key % 100:00}");
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many matching articles report on that month.").Resolve(c => c.Source.Count);
    }
}
