using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// Measures an operation the way it will be executed, with every fragment spread where it is used, in time
/// linear in the document: fragment sizes are memoized, so doubling fragments cannot blow up the count, and the
/// full walk (depth, merges, introspection) only runs once the expanded size is known to be within the limit.
/// </summary>
internal sealed class DocumentShape
{
    private static readonly HashSet<string> IntrospectionLists = ["fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args", "types", "directives"];

    private readonly RequestLimits _limits;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<string, double> _fragmentFields = [];
    private readonly HashSet<string> _expanding = [];
    private readonly List<RequestLimitError> _errors = [];
    private long _merges;
    private int _depth;
    private int _ofTypeDepth;
    private (string Field, int Times)? _listRecursion;

    private DocumentShape(GraphQLDocument document, RequestLimits limits)
    {
        _limits = limits;
        foreach (var definition in document.Definitions)
            if (definition is GraphQLFragmentDefinition fragment) _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
    }

    /// <summary>The limits the operation exceeds, most fundamental first; empty when it is within all of them.</summary>
    public static IReadOnlyList<RequestLimitError> Check(GraphQLDocument document, GraphQLOperationDefinition operation, RequestLimits limits)
    {
        var shape = new DocumentShape(document, limits);
        var fields = shape.CountFields(operation.SelectionSet, 0);
        if (shape._errors.Count > 0) return shape._errors;
        if (fields > limits.MaxFields)
        {
            return [new RequestLimitError(
                $"The operation selects {fields:0} fields once its fragments are spread; at most {limits.MaxFields} are allowed. Select fewer fields, or split the request.",
                RequestLimitCodes.TooManyFields, ("fields", fields), ("allowedFields", limits.MaxFields))];
        }

        shape.Walk([operation.SelectionSet], depth: 0, introspection: false, ofTypes: 0, lists: []);
        if (shape._merges > limits.MaxFieldMerges)
        {
            shape._errors.Add(new RequestLimitError(
                $"Fields that share a response name must be compared pairwise; this operation needs {shape._merges} comparisons and at most {limits.MaxFieldMerges} are allowed. Give repeated fields distinct aliases, or select each once.",
                RequestLimitCodes.TooManyFieldMerges, ("fieldMerges", shape._merges), ("allowedFieldMerges", limits.MaxFieldMerges)));
        }
        if (shape._depth > limits.MaxDepth)
        {
            shape._errors.Add(new RequestLimitError(
                $"The query is {shape._depth} levels deep; at most {limits.MaxDepth} are allowed. Split it, or select fewer nested objects.",
                RequestLimitCodes.TooDeep, ("depth", shape._depth), ("allowedDepth", limits.MaxDepth)));
        }
        if (shape._ofTypeDepth > limits.MaxIntrospectionOfTypeDepth)
        {
            shape._errors.Add(new RequestLimitError(
                $"The introspection query nests ofType {shape._ofTypeDepth} times; at most {limits.MaxIntrospectionOfTypeDepth} are allowed, enough for any type in this schema.",
                RequestLimitCodes.OfTypeTooDeep, ("ofTypeDepth", shape._ofTypeDepth), ("allowedOfTypeDepth", limits.MaxIntrospectionOfTypeDepth)));
        }
        if (shape._listRecursion is var (field, times))
        {
            shape._errors.Add(new RequestLimitError(
                $"The introspection query selects `{field}` {times} times on one path; at most {limits.MaxIntrospectionListRecursion} is allowed. Query each type once, by name if needed.",
                RequestLimitCodes.IntrospectionListRecursion, ("field", field), ("recursion", times), ("allowedRecursion", limits.MaxIntrospectionListRecursion)));
        }
        return shape._errors;
    }

    /// <summary>Fields with fragments spread, memoized per fragment; a cycle counts 0 here (validation refuses it).</summary>
    private double CountFields(GraphQLSelectionSet? set, int spreadDepth)
    {
        if (set is null) return 0;
        double count = 0;
        foreach (var selection in set.Selections)
        {
            count += selection switch
            {
                GraphQLField field => 1 + CountFields(field.SelectionSet, spreadDepth),
                GraphQLInlineFragment inline => CountFields(inline.SelectionSet, spreadDepth),
                GraphQLFragmentSpread spread => CountFragment(spread.FragmentName.Name.StringValue, spreadDepth + 1),
                _ => 0,
            };
        }
        return count;
    }

    private double CountFragment(string name, int spreadDepth)
    {
        if (_fragmentFields.TryGetValue(name, out var known)) return known;
        if (spreadDepth > _limits.MaxParserDepth)
        {
            // A chain of fragments each spreading the next would otherwise recurse without bound.
            if (_errors.Count == 0)
                _errors.Add(new RequestLimitError(
                    $"Fragments spread inside fragments more than {_limits.MaxParserDepth} levels deep. Flatten them.",
                    RequestLimitCodes.ParserDepth, ("allowedParserDepth", _limits.MaxParserDepth)));
            return 0;
        }
        if (!_fragments.TryGetValue(name, out var fragment) || !_expanding.Add(name)) return 0;
        var count = CountFields(fragment.SelectionSet, spreadDepth);
        _expanding.Remove(name);
        return _fragmentFields[name] = count;
    }

    /// <summary>
    /// One merged selection set: the fields of <paramref name="sets"/> grouped by response name, as execution merges
    /// them. Bounded by the expanded field count, which was checked first.
    /// </summary>
    private void Walk(List<GraphQLSelectionSet> sets, int depth, bool introspection, int ofTypes, Dictionary<string, int> lists)
    {
        var groups = new Dictionary<string, List<GraphQLField>>();
        foreach (var set in sets) Collect(set, groups);
        foreach (var (_, fields) in groups)
        {
            _merges += (long)fields.Count * (fields.Count - 1) / 2;
            var name = fields[0].Name.StringValue;
            var inIntrospection = introspection || name is "__schema" or "__type";
            var isOfType = inIntrospection && name == "ofType";
            var fieldDepth = isOfType ? depth : depth + 1;
            var fieldOfTypes = isOfType ? ofTypes + 1 : ofTypes;
            _depth = Math.Max(_depth, fieldDepth);
            _ofTypeDepth = Math.Max(_ofTypeDepth, fieldOfTypes);

            var fieldLists = lists;
            if (inIntrospection && IntrospectionLists.Contains(name))
            {
                fieldLists = new Dictionary<string, int>(lists);
                var times = fieldLists[name] = fieldLists.GetValueOrDefault(name) + 1;
                if (times > _limits.MaxIntrospectionListRecursion && _listRecursion is null) _listRecursion = (name, times);
            }

            var children = fields.Select(f => f.SelectionSet).OfType<GraphQLSelectionSet>().ToList();
            if (children.Count > 0) Walk(children, fieldDepth, inIntrospection, fieldOfTypes, fieldLists);
        }
    }

    private void Collect(GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> groups)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var key = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!groups.TryGetValue(key, out var group)) groups[key] = group = [];
                    group.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, groups);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (_fragments.TryGetValue(name, out var fragment) && _expanding.Add(name))
                    {
                        Collect(fragment.SelectionSet, groups);
                        _expanding.Remove(name);
                    }
                    break;
            }
        }
    }
}
