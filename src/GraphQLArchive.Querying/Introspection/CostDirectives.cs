using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQL.Validation.Complexity;
using GraphQLArchive.Querying.Errors;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Introspection;

/// <summary>
/// The IBM cost specification's <c>@cost</c> and <c>@listSize</c>, which Hot Chocolate 14+ prints, filled from
/// the page sizes the server enforces and the cost rule counts (10 by default, at most 50).
/// </summary>
public static class CostDirectives
{
    public const string ListSizeName = "listSize";
    public const string CostName = "cost";

    /// <summary>
    /// Registers both directives and marks every paged field: connections (<c>first</c>/<c>last</c>, sizing
    /// <c>edges</c> and <c>nodes</c>), collection segments (<c>take</c>, sizing <c>items</c>) and list fields with a
    /// <c>first</c>. Call from the schema's constructor.
    /// </summary>
    public static void UseCostDirectives(this ISchema schema)
    {
        schema.Directives.Register(new CostDirective(), new ListSizeDirective());
        schema.RegisterVisitor(new PagedFieldsVisitor());
    }

    /// <summary>Marks a field whose lists are cut by <paramref name="slicingArguments"/>, for fields the visitor cannot recognize.</summary>
    public static FieldType ListSize(this FieldType field, string[] slicingArguments, string[]? sizedFields = null) =>
        field.ApplyDirective(ListSizeName, directive =>
        {
            directive.AddArgument(new DirectiveArgument("assumedSize") { Value = QueryingErrors.MaxPageSize });
            directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = slicingArguments });
            directive.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = QueryingErrors.DefaultPageSize });
            if (sizedFields is { Length: > 0 }) directive.AddArgument(new DirectiveArgument("sizedFields") { Value = sizedFields });
            // Every list has a default page, so no slicing argument is required.
            directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
        });

    private const string WeightMetadata = "GraphQLArchive.CostWeight";

    /// <summary>
    /// Gives a field a weight other than 1, printed as <c>@cost(weight: "…")</c> and counted by the cost rule: a field whose
    /// value is long text weighs what it costs to read and write compared with an ordinary one. Kept as metadata until
    /// <see cref="UseCostDirectives"/> applies it, so that a schema without the directives can use the same types.
    /// </summary>
    public static FieldType Cost(this FieldType field, int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        return field.WithMetadata(WeightMetadata, weight);
    }

    /// <summary>
    /// The weight <see cref="Cost"/> gave <paramref name="field"/>, else 1: the figure <c>@cost</c> prints, read from the
    /// metadata it is printed from, since the cost rule asks for it for every field of every request.
    /// </summary>
    public static double Weight(FieldType field) => field.GetMetadata<int?>(WeightMetadata) ?? 1;

    private static readonly Func<FieldImpactContext, FieldComplexityResult> GraphQLNetDefault = new ComplexityOptions().DefaultComplexityImpactDelegate;

    /// <summary>
    /// The cost rule's weights, read from the same <c>@cost</c> and <c>@listSize</c> the SDL prints: every field weighs
    /// its <c>@cost</c> (else 1), and a list counts its slicing argument's value (else the default page) for what it
    /// holds, so that <c>articlesPage(take: 50)</c> or <c>facets(top: 50)</c> cost what they return. Lists without
    /// <c>@listSize</c> keep GraphQL.NET's multiplier.
    /// </summary>
    public static FieldComplexityResult Impact(FieldImpactContext context)
    {
        var weight = Weight(context.FieldDefinition);
        if (context.FieldDefinition.FindAppliedDirective(ListSizeName) is { } own)
        {
            // A connection or segment sizes its sized fields, not itself.
            return own.FindArgument("sizedFields") is not null ? new(weight, 1) : new(weight, PageSize(own, context.Arguments));
        }
        if (context.Parent is { } parent && parent.FieldDefinition.FindAppliedDirective(ListSizeName) is { } sizing
            && sizing.FindArgument("sizedFields")?.Value is IEnumerable<string> sized && sized.Contains(context.FieldDefinition.Name))
        {
            return new(weight, PageSize(sizing, parent.Arguments));
        }
        return new(weight, GraphQLNetDefault(context).ChildImpactMultiplier);
    }

    private static int PageSize(AppliedDirective listSize, IDictionary<string, GraphQL.Execution.ArgumentValue>? arguments)
    {
        foreach (var name in listSize.FindArgument("slicingArguments")?.Value as IEnumerable<string> ?? [])
            if (arguments?.TryGetValue(name, out var value) == true && value.Value is int size) return Math.Max(0, size);
        return listSize.FindArgument("slicingArgumentDefaultValue")?.Value as int? ?? QueryingErrors.DefaultPageSize;
    }

    private sealed class PagedFieldsVisitor : BaseSchemaNodeVisitor
    {
        public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Mark(field, type);

        public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Mark(field, type);

        private static void Mark(FieldType field, IComplexGraphType owner)
        {
            if (field.GetMetadata<int?>(WeightMetadata) is { } weight && field.FindAppliedDirective(CostName) is null)
                field.ApplyDirective(CostName, CostDirective.WeightArgument, weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (owner.Name.StartsWith("__", StringComparison.Ordinal) || field.FindAppliedDirective(ListSizeName) is not null) return;
            var returned = field.ResolvedType?.GetNamedType() as IComplexGraphType;
            var isList = field.ResolvedType is ListGraphType || field.ResolvedType is NonNullGraphType { ResolvedType: ListGraphType };
            string[] slicing = [.. new[] { "first", "last", "take" }.Where(name => IsInt(field.Arguments?.Find(name)))];
            if (slicing.Length == 0) return;

            if (returned?.HasField("edges") == true && returned.HasField("nodes"))
                field.ListSize(slicing, ["edges", "nodes"]);
            else if (returned?.HasField("items") == true)
                field.ListSize(slicing, ["items"]);
            else if (isList)
                field.ListSize(slicing);
        }

        private static bool IsInt(QueryArgument? argument) =>
            argument?.ResolvedType is IntGraphType || argument?.ResolvedType is NonNullGraphType { ResolvedType: IntGraphType };
    }
}

/// <summary><c>@cost(weight:)</c>: what one appearance of an element adds to a request's cost.</summary>
public sealed class CostDirective : Directive
{
    public const string WeightArgument = "weight";

    public CostDirective() : base(CostDirectives.CostName,
        DirectiveLocation.ArgumentDefinition, DirectiveLocation.Enum, DirectiveLocation.FieldDefinition,
        DirectiveLocation.InputFieldDefinition, DirectiveLocation.Object, DirectiveLocation.Scalar)
    {
        Description = "The weight one appearance of this element adds to a request's cost. Here a selected field weighs 1 unless it says otherwise (long text weighs more), times the page sizes of the lists above it; the limit is in the README.";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
        {
            Name = WeightArgument,
            Description = "The weight, as a string holding a number.",
        });
    }

    public override bool? Introspectable => true;
}

/// <summary><c>@listSize</c>: how long the lists a field returns can be, and which arguments decide it.</summary>
public sealed class ListSizeDirective : Directive
{
    public ListSizeDirective() : base(CostDirectives.ListSizeName, DirectiveLocation.FieldDefinition)
    {
        Description = "How many items the lists this field returns hold, for static cost analysis.";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "assumedSize", Description = "The most items a list can hold." },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = "slicingArguments",
                Description = "The arguments whose value is the number of items returned.",
            },
            new QueryArgument<IntGraphType>
            {
                Name = "slicingArgumentDefaultValue",
                Description = "The number of items returned when no slicing argument is given.",
            },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = "sizedFields",
                Description = "The fields of the returned object whose lists the slicing arguments size (a connection's edges and nodes), rather than the field itself.",
            },
            new QueryArgument<NonNullGraphType<BooleanGraphType>>
            {
                Name = "requireOneSlicingArgument",
                Description = "Whether a request must give exactly one slicing argument.",
                DefaultValue = true,
            });
    }

    public override bool? Introspectable => true;
}
