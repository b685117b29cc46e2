using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GraphQLArchive.Querying.Mapping;

/// <summary>What the EF model says about a collection navigation: the way back from its items to their parent.</summary>
internal static class Navigations
{
    /// <summary>The navigation from the items of <paramref name="ownerType"/>.<paramref name="navigation"/> back to it, if the model has one.</summary>
    public static INavigationBase? Inverse(DbContext db, Type ownerType, string navigation)
    {
        var entity = db.Model.FindEntityType(ownerType);
        return entity?.FindNavigation(navigation)?.Inverse ?? (INavigationBase?)entity?.FindSkipNavigation(navigation)?.Inverse;
    }

    /// <summary>
    /// The item's foreign key column itself, when the way back is a reference: reading it through the navigation
    /// (<c>item.Parent.Id</c>) would join the parents' table.
    /// </summary>
    public static Expression? ForeignKey(INavigationBase inverse, Expression item)
    {
        if (inverse is not INavigation { IsCollection: false } reference) return null;
        var foreignKey = reference.ForeignKey.Properties[0];
        return foreignKey.PropertyInfo is { } property
            ? Expression.Property(item, property)
            : Expressions.Call(typeof(EF), nameof(EF.Property), [foreignKey.ClrType], item, Expression.Constant(foreignKey.Name));
    }
}
