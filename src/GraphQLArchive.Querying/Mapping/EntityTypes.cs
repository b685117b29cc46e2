namespace GraphQLArchive.Querying.Mapping;

/// <summary>What the CLR shape of a member says about it: a column, a reference navigation or a collection.</summary>
internal static class EntityTypes
{
    public const string KeyName = "Id";

    public static bool IsColumn(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly)
               || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid)
               || (ElementType(t) is { } e && IsColumn(e)); // primitive collections are stored in one column
    }

    public static Type? ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : null;

    public static bool IsCollectionNavigation(Type type) => ElementType(type) is { } e && !IsColumn(e);

    public static bool IsReferenceNavigation(Type type) => !IsColumn(type) && ElementType(type) is null && type.IsClass;
}
