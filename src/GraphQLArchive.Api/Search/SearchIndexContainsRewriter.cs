using System.Linq.Expressions;
using System.Reflection;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Querying.Filtering;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Search;

/// <summary>
/// <c>contains</c> on an article's indexed text (headline, subheadline, kicker, body) reads the search index first:
/// <c>x.Body.Contains(t)</c> becomes <c>x.Id IN (the index's hits for t in Body) AND x.Body.Contains(t)</c>, so the
/// substring test runs on the index's candidates instead of on every body. Terms the index cannot answer keep the scan.
/// </summary>
internal sealed class SearchIndexContainsRewriter : IFilterRewriter
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    public LambdaExpression Rewrite(DbContext db, LambdaExpression predicate) =>
        db is ArchiveDbContext archive && ArticleSearchIndexes.TryFor(archive) is { } index
            ? (LambdaExpression)new Visitor(archive, index).Visit(predicate)
            : predicate;

    private sealed class Visitor(ArchiveDbContext db, IArticleSearchIndex index) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == StringContains
                && node.Object is MemberExpression { Member: PropertyInfo column, Expression: { } article } && article.Type == typeof(Article)
                && Value(node.Arguments[0]) is { } term
                && index.Containing(db, column.Name, term) is { } candidates)
            {
                var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], candidates.Expression,
                    Expression.Property(article, nameof(Article.Id)));
                return Expression.AndAlso(contains, node);
            }
            return base.VisitMethodCall(node);
        }

        /// <summary>The term, when it is a value (the filter translator boxes each value in a constant), not a column.</summary>
        private static string? Value(Expression expression) => expression switch
        {
            ConstantExpression { Value: string text } => text,
            MemberExpression { Expression: ConstantExpression { Value: { } box }, Member: PropertyInfo property } => property.GetValue(box) as string,
            MemberExpression { Expression: ConstantExpression { Value: { } box }, Member: FieldInfo field } => field.GetValue(box) as string,
            _ => null,
        };
    }
}
