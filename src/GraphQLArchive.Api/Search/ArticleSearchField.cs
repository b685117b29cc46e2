using System.Linq.Expressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Querying;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Limits;
using GraphQLArchive.Querying.Paging;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Search;

/// <summary>
/// <c>search(query, first, after, last, before, where, order)</c>: the terms are matched once, into hits kept
/// for the request; the page joins them to the filtered articles, ordered, keyset-paged and projected in one SQL
/// statement; <c>totalCount</c> and <c>facets</c> join them in one statement each, only when selected.
/// </summary>
internal static class ArticleSearchField
{
    public static void AddArticleSearch(this ObjectGraphType query) => query.AddField(new FieldType
    {
        Name = "search",
        Description = "Full-text search over headlines, subheadlines, kickers, bodies and photo captions. " +
                      "Terms separated by spaces must all occur; `OR` between terms, `-term` excludes, \"…\" is an exact phrase. " +
                      "Any term length works, 1-character terms included. E.g. `罗清宇 -部队`, `防汛 OR 防疫`.",
        ResolvedType = new ArticleSearchConnectionType(),
        Arguments = new QueryArguments(
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "query", Description = "The search, e.g. 重点项目 or \"防汛减灾\" -部队." },
            new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first _n_ elements from the list." },
            new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." },
            new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last _n_ elements from the list." },
            new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." },
            QueryableFieldExtensions.WhereArgument<ArticleType>(),
            new QueryArgument<SearchOrderType> { Name = "order", DefaultValue = SearchOrder.Relevance, Description = "The order of the results: by relevance (default) or by event date." }),
        Resolver = new FuncFieldResolver<object>(async context => await ResolveAsync(context)),
    });

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        SearchQuery query;
        var text = context.GetArgument<string>("query");
        var maxLength = RequestLimits.Of(context.RequestServices).MaxSearchLength;
        if (text.Length > maxLength)
        {
            throw new ExecutionError($"The search query has {text.Length} characters; at most {maxLength} are allowed. Search for fewer or shorter terms.")
            { Code = RequestLimitCodes.SearchTooLong }.With("length", text.Length).With("allowedLength", maxLength);
        }
        try
        {
            query = SearchQuery.Parse(text);
        }
        catch (SearchSyntaxException e)
        {
            throw new ExecutionError(e.Message) { Code = "SEARCH_SYNTAX" }.With("position", e.Position);
        }

        var (first, last) = context.PageSize();
        var order = context.GetArgument("order", SearchOrder.Relevance);
        var cursorContext = $"{order}|{query}";
        var after = Cursor(context, "after", cursorContext);
        var before = Cursor(context, "before", cursorContext);

        var db = context.RequestServices!.GetRequiredService<ArchiveDbContext>();
        var articles = context.ApplyWhere(db.Articles);
        var index = ArticleSearchIndexes.For(db);
        var readsPage = context.Selects("edges") || context.Selects("nodes") || context.Selects("pageInfo");
        // The terms are matched here, once; the count, the page and the facets join the kept hits.
        var hits = await index.FindAsync(db, query, ranked: readsPage && order == SearchOrder.Relevance, context.CancellationToken);
        // Without a where, the hits are the result set: counting and faceting them need not read the articles' rows.
        var filtered = context.HasArgument("where");
        var matching = filtered ? hits.Query.Join(articles, h => h.Id, a => a.Id, (h, a) => a.Id) : hits.Query.Select(h => h.Id);

        int? totalCount = !context.Selects("totalCount") ? null : filtered ? await matching.CountAsync(context.CancellationToken) : hits.Count;

        var backward = first is null;
        var size = first ?? last!.Value;
        var withTexts = context.Selects("edges", "highlights");
        var projection = context.ConnectionNodeProjection(db.Articles);
        var row = RowProjection(projection.Selector, withTexts, index.Captions(db));
        var rows = !readsPage
            ? [] // only totalCount or facets: no page to read
            : order == SearchOrder.Relevance
                ? await RelevancePage(hits.Query, articles, after, before, backward).Take(size + 1).Select(row).ToListAsync(context.CancellationToken)
                : await DatePageAsync(db, hits, articles, order == SearchOrder.Newest, after, before, backward, size + 1, row, context.CancellationToken);

        var hasMore = rows.Count > size;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        if (backward) rows.Reverse();
        var trimmedFront = first is not null && last is not null && rows.Count > last;
        if (trimmedFront) rows.RemoveRange(0, rows.Count - last!.Value);
        await projection.LoadListsAsync(rows.Select(r => r.Node).ToList(), context.CancellationToken);

        var terms = query.PositiveTerms.ToList();
        var edges = rows.Select(r => new SearchEdgeResult(
            KeysetCursor.Encode(cursorContext, [r.Score, r.Date.DayNumber, r.Id]), r.Node, r.Score,
            r.Texts is null ? [] : SearchHighlighter.Highlight(r.Texts, terms))).ToList();
        var pageInfo = new PageInfoResult(
            HasNextPage: backward ? before is not null : hasMore,
            HasPreviousPage: backward ? hasMore : after is not null || trimmedFront,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new SearchConnectionResult(edges, pageInfo, totalCount,
            (top, cancellationToken) => ArticleSearchFacets.ComputeAsync(db, matching, top, cancellationToken));
    }

    private sealed record Key(double Score, DateOnly Date, int Id);

    private static Key? Cursor(IResolveFieldContext context, string argument, string cursorContext)
    {
        var cursor = context.GetArgument<string?>(argument);
        if (cursor is null) return null;
        // A signed cursor is ours, but its values are still checked: a bad one is HC0078, never a crash.
        if (KeysetCursor.TryDecode(cursor, cursorContext, [typeof(double), typeof(int), typeof(int)], out var values)
            && values is [double score, int day, int id] && day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber)
            return new Key(score, DateOnly.FromDayNumber(day), id);
        throw QueryingErrors.InvalidCursor(argument, cursor);
    }

    // Undated reports sort as the earliest date: last when newest first, first when oldest first.
    private static readonly DateOnly Undated = DateOnly.MinValue;

    /// <summary>The hits by rank, best first (or worst first, walking backward), after and before the cursors.</summary>
    /// <remarks>By the hits' own columns, so the page walks their rank index and reads only its own articles.</remarks>
    private static IQueryable<SearchJoin> RelevancePage(IQueryable<SearchHit> hits, IQueryable<Article> articles, Key? after, Key? before, bool backward)
    {
        var ranked = hits.Join(articles, h => h.Id, a => a.Id, (h, a) => new SearchJoin { Article = a, Score = h.Score, HitId = h.Id });
        if (after is { } a) ranked = ranked.Where(j => j.Score < a.Score || (j.Score == a.Score && j.HitId > a.Id));
        if (before is { } b) ranked = ranked.Where(j => j.Score > b.Score || (j.Score == b.Score && j.HitId < b.Id));
        return backward ? ranked.OrderBy(j => j.Score).ThenByDescending(j => j.HitId) : ranked.OrderByDescending(j => j.Score).ThenBy(j => j.HitId);
    }

    /// <summary>
    /// A page in event-date order (newest first: dated reports by date then id, descending, then the undated by id; oldest first,
    /// the reverse), read as two ranges in the walk's order, each an index range on the date, until <paramref name="take"/> rows.
    /// </summary>
    /// <remarks>
    /// One order by <c>COALESCE(date, …)</c> could not use the date's index, so the engine joined and sorted every hit (700 ms
    /// at 530,000 hits on 1,000,000 articles); the ranges also place undated reports alike on engines that put NULLs at
    /// opposite ends. Dense hits are walked from the date index, probing the hits, which reads about
    /// take × articles / hits rows; sparse ones are joined and sorted, one row each. The walk costs about a twentieth of a
    /// sorted row per row (both measured at 1,000,000 articles with SQLite 3.40, not the app's 3.53), hence the threshold. SQLite alone would always sort: it knows
    /// the hits' count (ANALYZE) but not the articles'.
    /// </remarks>
    private static async Task<List<SearchRow>> DatePageAsync(ArchiveDbContext db, SearchHits hits, IQueryable<Article> articles, bool newest,
        Key? after, Key? before, bool backward, int take, Expression<Func<SearchJoin, SearchRow>> row, CancellationToken cancellationToken)
    {
        var walk = hits.Count >= 256 && (long)hits.Count * hits.Count * 20 >= (long)take * (await db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0);
        var hitsQuery = hits.Query;
        var source = walk
            ? articles.Where(a => hitsQuery.Any(h => h.Id == a.Id))
                .Select(a => new SearchJoin { Article = a, Score = hitsQuery.Where(h => h.Id == a.Id).Select(h => h.Score).First(), HitId = a.Id })
            : hitsQuery.Join(articles, h => h.Id, a => a.Id, (h, a) => new SearchJoin { Article = a, Score = h.Score, HitId = h.Id });
        var descending = newest != backward;
        var rows = new List<SearchRow>();
        foreach (var dated in descending ? new[] { true, false } : [false, true])
        {
            var range = source.Where(dated ? j => j.Article.EventDate != null : j => j.Article.EventDate == null);
            // after: past its key in the order's direction; before: past its key in the other.
            var (pastAfter, pastBefore) = (after is null ? null : Past(dated, after, newest), before is null ? null : Past(dated, before, !newest));
            if (pastAfter == Nothing || pastBefore == Nothing) continue;
            if (pastAfter is not null) range = range.Where(pastAfter);
            if (pastBefore is not null) range = range.Where(pastBefore);
            var ordered = (dated, descending) switch
            {
                (true, true) => range.OrderByDescending(j => j.Article.EventDate).ThenByDescending(j => j.Article.Id),
                (true, false) => range.OrderBy(j => j.Article.EventDate).ThenBy(j => j.Article.Id),
                (false, true) => range.OrderByDescending(j => j.Article.Id),
                (false, false) => range.OrderBy(j => j.Article.Id),
            };
            rows.AddRange(await ordered.Take(take - rows.Count).Select(row).ToListAsync(cancellationToken));
            if (rows.Count == take) break;
        }
        return rows;
    }

    private static readonly Expression<Func<SearchJoin, bool>> Nothing = j => false;

    /// <summary>
    /// The rows of the dated or the undated range that come after <paramref name="key"/> in date order, descending or not:
    /// a filter, null when the whole range does, or <see cref="Nothing"/>.
    /// </summary>
    private static Expression<Func<SearchJoin, bool>>? Past(bool dated, Key key, bool descending)
    {
        var (date, id) = (key.Date, key.Id);
        // Descending, the dated range comes first; ascending, the undated one.
        if (dated != (date != Undated)) return dated == descending ? Nothing : null;
        if (!dated) return descending ? j => j.Article.Id < id : j => j.Article.Id > id;
        // The bound on the date alone is what the index seeks; the rest breaks the tie.
        return descending
            ? j => j.Article.EventDate <= date && (j.Article.EventDate < date || j.Article.Id < id)
            : j => j.Article.EventDate >= date && (j.Article.EventDate > date || j.Article.Id > id);
    }

    /// <summary>The page row, with the node projected as the selection asks and the texts only when highlights are selected.</summary>
    private static Expression<Func<SearchJoin, SearchRow>> RowProjection(Expression<Func<Article, Article>> node, bool withTexts, IQueryable<IndexedCaptions> captions)
    {
        Expression<Func<SearchJoin, SearchRow>> row = withTexts
            ? j => new SearchRow
            {
                Node = Marker(j.Article), Id = j.Article.Id, Score = j.Score, Date = j.Article.EventDate ?? Undated,
                Texts = new SearchTexts
                {
                    Headline = j.Article.Headline, Subheadline = j.Article.Subheadline, Kicker = j.Article.Kicker, Body = j.Article.Body,
                    Captions = captions.Where(c => c.Id == j.Article.Id).Select(c => c.Captions).FirstOrDefault() ?? "",
                },
            }
            : j => new SearchRow { Node = Marker(j.Article), Id = j.Article.Id, Score = j.Score, Date = j.Article.EventDate ?? Undated };
        return (Expression<Func<SearchJoin, SearchRow>>)new Splice(node).Visit(row);
    }

    private static Article Marker(Article article) => article;

    /// <summary>Replaces <see cref="Marker"/> with the node projection's body, bound to the joined article.</summary>
    private sealed class Splice(Expression<Func<Article, Article>> projection) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.Name == nameof(Marker) && node.Method.DeclaringType == typeof(ArticleSearchField)
                ? new Rebind(projection.Parameters[0], Visit(node.Arguments[0])).Visit(projection.Body)
                : base.VisitMethodCall(node);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
