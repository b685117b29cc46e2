using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Introspection;

/// <summary>
/// Introspection as graphql-js's <c>getIntrospectionQuery</c> asks for it with every option on, as Hot Chocolate
/// answers it: <c>__Directive.isRepeatable</c>, <c>includeDeprecated</c> on every <c>args</c> and <c>inputFields</c>,
/// <c>__InputValue.isDeprecated</c>/<c>deprecationReason</c>, <c>__Type.specifiedByURL</c>, and the
/// <c>@specifiedBy</c> and <c>@oneOf</c> directives.
/// </summary>
public static class ModernIntrospection
{
    /// <summary>Call from the schema's constructor, before it is initialized.</summary>
    public static void UseModernIntrospection(this ISchema schema)
    {
        // GraphQL.NET 8.8 has these behind switches, from the spec's working draft.
        schema.Features.RepeatableDirectives = true;
        schema.Features.DeprecationOfInputValues = true;
        schema.Directives.Register(new SpecifiedByDirective(), new OneOfDirective());
        // It lacks __Type.specifiedByURL and __Directive.args(includeDeprecated:): added once the types exist.
        schema.RegisterVisitor(new MissingIntrospectionFieldsVisitor());
    }

    private const string SpecifiedByUrlKey = "Querying.SpecifiedByUrl";

    /// <summary>
    /// Marks <paramref name="scalar"/> as following the specification at <paramref name="url"/>: printed as
    /// <c>@specifiedBy</c> and introspected as <c>specifiedByURL</c> in schemas that use modern introspection.
    /// </summary>
    public static TScalar SpecifiedBy<TScalar>(this TScalar scalar, string url) where TScalar : ScalarGraphType
    {
        scalar.Metadata[SpecifiedByUrlKey] = url;
        return scalar;
    }

    private sealed class MissingIntrospectionFieldsVisitor : BaseSchemaNodeVisitor
    {
        // Applied here, not by the scalar, so that schemas without the directive can still use the scalar.
        public override void VisitScalar(ScalarGraphType type, ISchema schema)
        {
            if (type.GetMetadata<string>(SpecifiedByUrlKey) is { } url && type.FindAppliedDirective(SpecifiedByDirective.DirectiveName) is null)
                type.ApplyDirective(SpecifiedByDirective.DirectiveName, "url", url);
        }

        public override void PostVisitSchema(ISchema schema)
        {
            var stringType = schema.AllTypes["String"]!;
            var booleanType = schema.AllTypes["Boolean"]!;

            var type = (IObjectGraphType)schema.AllTypes["__Type"]!;
            if (!type.HasField("specifiedByURL"))
            {
                type.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Description = "For a scalar, the URL of the specification its values follow, if one is named.",
                    ResolvedType = stringType,
                    Resolver = new FuncFieldResolver<object?>(context => context.Source is ScalarGraphType scalar
                        ? scalar.FindAppliedDirective(SpecifiedByDirective.DirectiveName)?.FindArgument("url")?.Value as string
                        : null),
                });
            }

            var directive = (IObjectGraphType)schema.AllTypes["__Directive"]!;
            var args = directive.GetField("args")!;
            if (args.Arguments?.Find("includeDeprecated") is null)
            {
                args.Arguments ??= new QueryArguments();
                args.Arguments.Add(new QueryArgument(booleanType) { Name = "includeDeprecated", DefaultValue = false, ResolvedType = booleanType });
                args.Resolver = new FuncFieldResolver<object?>(context =>
                {
                    IEnumerable<QueryArgument> arguments = ((Directive)context.Source!).Arguments ?? [];
                    return context.GetArgument("includeDeprecated", false)
                        ? arguments
                        : arguments.Where(a => string.IsNullOrWhiteSpace(a.DeprecationReason)).ToList();
                });
            }
        }
    }
}

/// <summary>The spec's <c>@specifiedBy(url:)</c>: where a custom scalar's format is defined.</summary>
public sealed class SpecifiedByDirective : Directive
{
    public const string DirectiveName = "specifiedBy";

    public SpecifiedByDirective() : base(DirectiveName, DirectiveLocation.Scalar)
    {
        Description = "Names the specification that a custom scalar's values follow.";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
        {
            Name = "url",
            Description = "The URL of the specification.",
        });
    }

    public override bool? Introspectable => true;
}

/// <summary>The spec's <c>@oneOf</c>: an input object of which exactly one field must be given.</summary>
public sealed class OneOfDirective : Directive
{
    public OneOfDirective() : base("oneOf", DirectiveLocation.InputObject)
    {
        Description = "An input object marked with it takes exactly one of its fields, and that one not null.";
    }

    public override bool? Introspectable => true;
}
