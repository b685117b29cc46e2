using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Querying.Filtering;

/// <summary>
/// Rewrites a translated <c>where</c> predicate of a root field before it runs, with the query's context: the place
/// for what the conventions know nothing of, such as a database's full-text index answering <c>contains</c> on the
/// columns it covers. Registered in DI; each one returns the predicate unchanged when it has nothing to add.
/// </summary>
public interface IFilterRewriter
{
    LambdaExpression Rewrite(DbContext db, LambdaExpression predicate);
}
