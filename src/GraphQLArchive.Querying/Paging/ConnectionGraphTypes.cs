using GraphQL.Types;

namespace GraphQLArchive.Querying.Paging;

/// <summary><c>{Field}Connection</c>, shaped and described as Hot Chocolate prints it.</summary>
internal sealed class ConnectionGraphType : ObjectGraphType<ConnectionResult>
{
    public ConnectionGraphType(string fieldTypeName, Type nodeGraphType)
    {
        Name = fieldTypeName + "Connection";
        Description = "A connection to a list of items.";
        var edge = new EdgeGraphType(fieldTypeName, nodeGraphType);
        AddField(new FieldType
        {
            Name = "pageInfo", Description = "Information to aid in pagination.", Type = typeof(NonNullGraphType<PageInfoGraphType>),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<ConnectionResult, PageInfoResult>(c => c.Source.PageInfo),
        });
        AddField(new FieldType
        {
            Name = "edges", Description = "A list of edges.", ResolvedType = new ListGraphType(new NonNullGraphType(edge)),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<ConnectionResult, IReadOnlyList<EdgeResult>>(c => c.Source.Edges),
        });
        AddField(new FieldType
        {
            Name = "nodes", Description = "A flattened list of the nodes.",
            Type = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(nodeGraphType)),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<ConnectionResult, IEnumerable<object>>(c => c.Source.Nodes),
        });
        AddField(new FieldType
        {
            Name = "totalCount", Description = "Identifies the total count of items in the connection.", Type = typeof(NonNullGraphType<IntGraphType>),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<ConnectionResult, int?>(c => c.Source.TotalCount),
        });
    }
}

internal sealed class EdgeGraphType : ObjectGraphType<EdgeResult>
{
    public EdgeGraphType(string fieldTypeName, Type nodeGraphType)
    {
        Name = fieldTypeName + "Edge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(c => c.Source.Cursor);
        AddField(new FieldType
        {
            Name = "node", Description = "The item at the end of the edge.", Type = typeof(NonNullGraphType<>).MakeGenericType(nodeGraphType),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<EdgeResult, object>(c => c.Source.Node),
        });
    }
}

internal sealed class PageInfoGraphType : ObjectGraphType<PageInfoResult>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Indicates whether more edges exist following the set defined by the clients arguments.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Indicates whether more edges exist prior the set defined by the clients arguments.").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("When paginating backwards, the cursor to continue.").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("When paginating forwards, the cursor to continue.").Resolve(c => c.Source.EndCursor);
    }
}
