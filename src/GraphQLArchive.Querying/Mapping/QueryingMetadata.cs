using System.Linq.Expressions;
using GraphQL.Builders;
using GraphQL.Types;

namespace GraphQLArchive.Querying.Mapping;

/// <summary>
/// How an object type's fields reach the entity behind them. By default a field maps to the
/// source type's property of the same name; these extensions say otherwise where needed.
/// </summary>
public static class QueryingMetadata
{
    internal const string MemberPathKey = "Querying.MemberPath";
    internal const string RequiresKey = "Querying.Requires";
    internal const string IgnoreKey = "Querying.Ignore";
    internal const string ComputedKey = "Querying.Computed";

    /// <summary>Maps the field to a member path of the source, e.g. <c>"Edition.Page"</c>.</summary>
    public static FieldBuilder<TSource, TReturn> MapsTo<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string memberPath)
    {
        field.FieldType.Metadata[MemberPathKey] = memberPath;
        return field;
    }

    /// <summary>
    /// A computed field: projection loads these member paths (whole navigations where a path ends at
    /// one) so the resolver can compute the value. The field is not filterable or sortable.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Requires<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] memberPaths)
    {
        field.FieldType.Metadata[RequiresKey] = memberPaths;
        field.FieldType.Metadata[IgnoreKey] = true;
        return field;
    }

    /// <summary>Keeps a same-named member out of filtering, sorting and projection.</summary>
    public static FieldBuilder<TSource, TReturn> NotMapped<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[IgnoreKey] = true;
        return field;
    }

    /// <summary>
    /// A value computed in SQL, e.g. <c>o =&gt; o.Appearances.Count</c>: projection assigns it to the
    /// same-named (unmapped) member, and it can be filtered and sorted like a column.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Computed<TSource, TReturn, TValue>(this FieldBuilder<TSource, TReturn> field, Expression<Func<TSource, TValue>> expression)
    {
        field.FieldType.Metadata[ComputedKey] = expression;
        return field;
    }

    internal static LambdaExpression? ComputedExpression(this FieldType field) => field.GetMetadata<LambdaExpression?>(ComputedKey);

    internal static string? MemberPath(this FieldType field) => field.GetMetadata<string?>(MemberPathKey);

    internal static IReadOnlyList<string> RequiredPaths(this FieldType field) => field.GetMetadata<string[]?>(RequiresKey) ?? [];

    internal static bool IsIgnored(this FieldType field) => field.GetMetadata(IgnoreKey, false);
}
