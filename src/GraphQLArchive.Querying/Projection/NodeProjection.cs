using System.Linq.Expressions;
using GraphQL;
using GraphQLArchive.Querying.Mapping;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Querying.Projection;

/// <summary>
/// What a selection reads of each node, in two steps: <see cref="Selector"/> for the statement that reads the
/// nodes (their columns and single navigations, as joins), then <see cref="LoadListsAsync"/> for their nested
/// lists, one statement per list field per level for all the nodes at once.
/// </summary>
public sealed class NodeProjection<T> where T : class
{
    private readonly ProjectionBuilder.Tree _tree;
    private readonly DbContext? _db;
    private readonly QueryingOptions _options;

    internal NodeProjection(ProjectionBuilder.Tree tree, IQueryable<T> source, IResolveFieldContext context)
    {
        _tree = tree;
        _db = Databases.ContextOf(source);
        _options = QueryingOptions.Of(context);
    }

    /// <summary>
    /// <c>x =&gt; new T { … }</c>. Over a database the nested lists are left out (see <see cref="LoadListsAsync"/>);
    /// over an in-memory source they are projected inline, with their arguments.
    /// </summary>
    public Expression<Func<T, T>> Selector => ProjectionBuilder.Lambda<T>(_tree, Batched, _options.NullsSortFirst);

    internal Expression Build(Expression x) => ProjectionBuilder.Build(x, _tree, Batched, _options.NullsSortFirst);

    private bool Batched => _db is not null;

    /// <summary>Fills the nested lists of <paramref name="nodes"/>, which <see cref="Selector"/> read.</summary>
    public Task LoadListsAsync(IReadOnlyList<T> nodes, CancellationToken cancellationToken) =>
        _db is null ? Task.CompletedTask : NestedListLoader.LoadAsync(_db, _options, typeof(T), nodes, _tree, cancellationToken);
}
