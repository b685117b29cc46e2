namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Finds the verb that governs a mention and maps it to a role: <c>罗清宇主持召开</c> → Presided.</summary>
internal static class RoleVerbs
{
    private static readonly (string Verb, AppearanceRole Role)[] Verbs =
    [
        ("主持", AppearanceRole.Presided),
        ("出席", AppearanceRole.Attended),
        ("参加", AppearanceRole.Attended),
        ("走访慰问", AppearanceRole.Visited),
        ("看望慰问", AppearanceRole.Visited),
        ("陪同", AppearanceRole.Accompanied),
        ("讲话", AppearanceRole.Spoke),
    ];

    private const string SentenceEnds = "。！!？?；;\n";
    private const string ClauseEnds = ",，";

    /// <summary>
    /// The role for the name ending at <paramref name="nameEnd"/>: the first role verb in the rest of its
    /// clause. When the name closes its clause, the subject list may continue in the next clause
    /// ("罗清宇,市委副书记、市长张新伟走访慰问…"), so the search follows names with titles to the verb.
    /// A clause with other words and no role verb stops the search: a later verb has its own subject.
    /// </summary>
    public static AppearanceRole? Governing(string text, int nameEnd, IReadOnlyList<NameMatch> namesInText)
    {
        var sentenceEnd = IndexOfAny(text, SentenceEnds, nameEnd, text.Length);
        var cursor = nameEnd;
        while (true)
        {
            var clauseEnd = IndexOfAny(text, ClauseEnds, cursor, sentenceEnd);
            var rest = text[cursor..clauseEnd];
            if (FirstVerb(rest) is { } role)
                return role;
            if (rest.Trim().Length > 0 || clauseEnd >= sentenceEnd)
                return null;

            var nextClauseStart = clauseEnd + 1;
            var nextClauseEnd = IndexOfAny(text, ClauseEnds, nextClauseStart, sentenceEnd);
            var next = namesInText.Where(n => n.Start >= nextClauseStart && n.Start < nextClauseEnd).Cast<NameMatch?>().FirstOrDefault();
            if (next is not { } name || !TitleChain.IsOnlyTitles(text[nextClauseStart..name.Start]))
                return null;
            cursor = name.End;
        }
    }

    private static AppearanceRole? FirstVerb(string clause) =>
        Verbs.Select(v => (Index: clause.IndexOf(v.Verb, StringComparison.Ordinal), v.Role))
            .Where(v => v.Index >= 0)
            .OrderBy(v => v.Index)
            .Select(v => (AppearanceRole?)v.Role)
            .FirstOrDefault();

    private static int IndexOfAny(string text, string characters, int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (characters.Contains(text[i]))
                return i;
        }
        return limit;
    }
}
