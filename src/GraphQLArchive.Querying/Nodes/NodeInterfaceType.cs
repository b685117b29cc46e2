using GraphQL.Types;

namespace GraphQLArchive.Querying.Nodes;

/// <summary>The Relay <c>Node</c> interface.</summary>
public sealed class NodeInterfaceType : InterfaceGraphType
{
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

public static class NodeTypeExtensions
{
    /// <summary>Gives the type a global <c>id: ID!</c> field over the entity's <c>Id</c>, and makes it a <c>Node</c>.</summary>
    public static void ImplementsNode<TEntity>(this ObjectGraphType<TEntity> type, Func<TEntity, object> key)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(type.Name, key(context.Source)));
        type.Interface<NodeInterfaceType>();
        type.IsTypeOf = value => value is TEntity;
    }
}
