using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Querying.Mapping;

internal static class Databases
{
    /// <summary>The context behind an EF Core set; null for any other source (an in-memory list, say).</summary>
    public static DbContext? ContextOf(IQueryable source) =>
        source is IInfrastructure<IServiceProvider> infrastructure ? infrastructure.Instance.GetService<ICurrentDbContext>()?.Context : null;

    /// <summary>The root of a query over every <paramref name="entityType"/> row, as an expression to use inside another query.</summary>
    public static Expression SetOf(DbContext db, Type entityType) =>
        ((IQueryable)SetMethod.MakeGenericMethod(entityType).Invoke(db, null)!).Expression;

    private static readonly System.Reflection.MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
}
