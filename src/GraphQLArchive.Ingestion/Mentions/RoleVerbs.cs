using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Finds the verb that governs a mention and maps it to a role: <c>罗清宇主持召开</c> → Presided.</summary>
internal static class RoleVerbs
{
    private const string SentenceEnds = "。！!？?；;\n";
    private const string ClauseEnds = ",，";
    private const string FullStops = "。！!？?\n";
    private static readonly char[] FullStopChars = FullStops.ToCharArray();
    private const string ListSemicolons = "；;";

    private static WordLexicon Words => WordLexicon.Default;

    /// <summary>
    /// The role for <paramref name="name"/>: the verb of the predicate that follows it. A list of names (with or
    /// without titles, joined by 、 or by commas) shares the verb after its last name; a predicate may start with
    /// where the official went ("来到海曙区,看望慰问…"). Failing that, the words before the list may govern it:
    /// "会见了…上官文涛一行" (Met), "出席活动的还有…".
    /// </summary>
    public static AppearanceRole? Governing(string text, NameMatch name, IReadOnlyList<NameMatch> namesInText)
    {
        var sentenceEnd = IndexOfAny(text, SentenceEnds, name.End, text.Length);
        var cursor = name.End;
        while (true)
        {
            var clauseEnd = IndexOfAny(text, ClauseEnds, cursor, sentenceEnd);
            // "张强、储志远、水建国,…": the rest of the list belongs to the name; its verb comes after the list.
            cursor = ListEnd(text, cursor, clauseEnd, namesInText);
            // A name later in the clause has a predicate of its own: in "…一行在…主任尹钥的陪同下", 陪同 is 尹钥's.
            var nextMatch = namesInText.Where(n => n.Start >= cursor && n.Start < clauseEnd).Cast<NameMatch?>().FirstOrDefault(); // in text order, as the scanner returns them
            var nextName = nextMatch?.Start ?? clauseEnd;
            var rest = text[cursor..nextName];
            if (Predicate(rest) is { } role)
                return role;
            // "王海涛一行在…包金山、…吴日娜陪同下,到科左中旗调研": the escorts' phrase is skipped; the visit is the guest's.
            if (nextName < clauseEnd && Words.EscortOpenings.Any(o => rest.Contains(o, StringComparison.Ordinal)) && Escorted(text, nextName, sentenceEnd) is { } escortedRole)
                return escortedRole;
            // "许怀瑾与来绵考察的集团董事长宓春来座谈": a partner joined by 与 after words of its own does what the partner does.
            if (nextMatch is { } partner && Words.Conjunctions.Any(c => rest.StartsWith(c, StringComparison.Ordinal))
                && Governing(text, partner, namesInText) is { } partners)
                return partners;
            if (clauseEnd >= sentenceEnd)
                return LeadIn(text, name, namesInText);
            if (rest.Trim().Length > 0 || nextName < clauseEnd)
                return Continued(text, clauseEnd, sentenceEnd, namesInText) ?? LeadIn(text, name, namesInText);

            // The name closes its clause: the subject list may go on in the next one ("罗清宇,市委副书记、市长张新伟走访…").
            var nextClauseStart = clauseEnd + 1;
            var nextClauseEnd = IndexOfAny(text, ClauseEnds, nextClauseStart, sentenceEnd);
            var next = namesInText.Where(n => n.Start >= nextClauseStart && n.Start < nextClauseEnd).Cast<NameMatch?>().FirstOrDefault();
            // "副市长马文德、韩玉兰,市政府秘书长祁永林,各县区…负责人参加会议": a group without names shares the list's verb.
            if (next is null)
                return Continued(text, clauseEnd, sentenceEnd, namesInText) ?? LeadIn(text, name, namesInText);
            if (!TitleChain.IsOnlyTitles(text[nextClauseStart..next.Value.Start]))
                return LeadIn(text, name, namesInText);
            cursor = next.Value.End;
        }
    }

    /// <summary>
    /// "市委常委、秘书长蒋丽,副市长唐志远,利通区委书记马永红。": a paragraph that is nothing but officials and their titles is
    /// the roll of those present, Attended. It needs one title at least: bare names alone are no roll.
    /// </summary>
    public static AppearanceRole? InRoll(string paragraph, IReadOnlyList<NameMatch> namesInText)
    {
        if (namesInText.Count == 0) return null;
        var cursor = 0;
        var titled = false;
        foreach (var name in namesInText)
        {
            var items = paragraph[cursor..name.Start].Split(RollSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!items.All(TitleChain.IsOnlyTitles)) return null;
            titled |= items.Length > 0;
            cursor = name.End;
        }
        return titled && paragraph[cursor..].Trim().TrimEnd(FullStopChars).Length == 0 ? AppearanceRole.Attended : null;
    }

    private static readonly char[] RollSeparators = [',', '，', '、', ' ', '\u3000'];

    /// <summary>Where the escorts' phrase that opens at <paramref name="start"/> ("在…陪同下") closes, if one does in the sentence.</summary>
    private static int? EscortClose(string text, int start, int sentenceEnd) =>
        Words.EscortOpenings.Any(o => string.CompareOrdinal(text, start, o, 0, o.Length) == 0) ? EscortEnd(text, start, sentenceEnd) : null;

    /// <summary>The predicate after the escorts' "…陪同下" that starts at or after <paramref name="from"/>, if the sentence has one.</summary>
    private static AppearanceRole? Escorted(string text, int from, int sentenceEnd) =>
        EscortEnd(text, from, sentenceEnd) is { } end ? Predicate(text[end..sentenceEnd]) : null;

    /// <summary>The end of the first "陪同下" at or after <paramref name="from"/> in the sentence.</summary>
    private static int? EscortEnd(string text, int from, int sentenceEnd) =>
        Words.EscortPhrases.Select(p => (At: text.IndexOf(p, from, sentenceEnd - from, StringComparison.Ordinal), p.Length))
            .Where(p => p.At >= 0).Select(p => (int?)(p.At + p.Length)).FirstOrDefault();

    /// <summary>Where the 、-joined list of names that continues at <paramref name="from"/> ends.</summary>
    private static int ListEnd(string text, int from, int limit, IReadOnlyList<NameMatch> namesInText)
    {
        var cursor = from;
        // Headlines run names together: "罗清宇张新伟出席".
        while (namesInText.FirstOrDefault(n => n.Start == cursor) is { Length: > 0 } adjacent && adjacent.End <= limit)
            cursor = adjacent.End;
        // The next item may carry titles of its own ("申慧敏、市政协主席冀东升"), and may be joined by a conjunction:
        // "罗清宇与中国铁建股份有限公司总裁庄尚标一行举行工作座谈" — both met. A page that lost the 、 prints the next
        // title right against the name ("副市长孙立新市政协副主席何文平参加"): titles alone between two names join them too.
        while (cursor < limit && Joiner(text, cursor) is var joiner
               && namesInText.FirstOrDefault(n => n.Start > cursor) is { Length: > 0 } next && next.End <= limit
               && (joiner > 0 || next.Start > cursor)
               && TitleChain.IsOnlyTitles(text[(cursor + joiner)..next.Start]))
        {
            cursor = next.End;
            while (namesInText.FirstOrDefault(n => n.Start == cursor) is { Length: > 0 } adjacent && adjacent.End <= limit)
                cursor = adjacent.End;
        }
        return cursor;
    }

    private static int Joiner(string text, int at)
    {
        if (text[at] == '、') return 1;
        // Names set apart by spaces, as sites print lists: "柏文杰 龙晓燕".
        var spaces = 0;
        while (at + spaces < text.Length && text[at + spaces] is ' ' or '\u3000') spaces++;
        if (spaces > 0) return spaces;
        return Words.Conjunctions.FirstOrDefault(c => string.CompareOrdinal(text, at, c, 0, c.Length) == 0)?.Length ?? 0;
    }

    /// <summary>The role of a predicate: 主持 over a speech over the first verb ("出席并讲话" is a speech).</summary>
    private static AppearanceRole? Predicate(string clause)
    {
        var found = new List<(int At, AppearanceRole Role)>();
        foreach (var (verb, role) in Words.RoleVerbs)
        {
            for (var at = clause.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(verb, at + 1, StringComparison.Ordinal))
            {
                if (!IsNoun(clause, at, verb.Length, role)) found.Add((at, role));
            }
        }
        if (found.Count == 0)
            return null;
        foreach (var preferred in Words.RolePriority)
        {
            if (found.Any(f => f.Role == preferred)) return preferred;
        }
        return found.OrderBy(f => f.At).First().Role;
    }

    /// <summary>"学习省委书记…的讲话精神": the verb at <paramref name="at"/> names a speech or describes someone, it is no one's deed here.</summary>
    private static bool IsNoun(string clause, int at, int length, AppearanceRole role) =>
        Words.VerbNouns.Any(rule => rule.Roles.Contains(role)
            && (rule.After.Any(w => at >= w.Length && string.CompareOrdinal(clause, at - w.Length, w, 0, w.Length) == 0)
                || rule.Before.Any(w => string.CompareOrdinal(clause, at + length, w, 0, w.Length) == 0)));

    /// <summary>"…来到海曙区、鄞州区,看望慰问…": later clauses of the sentence, until one has a subject of its own or reports speech.</summary>
    private static AppearanceRole? Continued(string text, int clauseEnd, int sentenceEnd, IReadOnlyList<NameMatch> namesInText)
    {
        if (Words.SpeechContentVerbs.Any(v => text.LastIndexOf(v, clauseEnd, StringComparison.Ordinal) is var at && at >= 0 && at > LastBoundary(text, clauseEnd)))
            return null;
        var start = clauseEnd + 1;
        var pastSemicolon = false;
        while (true)
        {
            // "…区检察院主要负责同志;各镇党委书记…参加学习": a list of groups runs on past a semicolon to its verb.
            if (start >= sentenceEnd)
            {
                if (sentenceEnd >= text.Length || !ListSemicolons.Contains(text[sentenceEnd])) return null;
                start = sentenceEnd + 1;
                sentenceEnd = IndexOfAny(text, SentenceEnds, start, text.Length);
                pastSemicolon = true;
            }
            // "宋朝华带领…负责人,在县委书记冉登祥…的陪同下,深入…看望慰问": the escorts' phrase is theirs; the visit goes on after it.
            if (EscortClose(text, start, sentenceEnd) is { } afterEscorts)
                start = afterEscorts;
            var end = IndexOfAny(text, ClauseEnds, start, sentenceEnd);
            // Names that go on the list past its semicolon (";投资公司总经理王勃、…雷显伟参加") share its verb; any other name is a new subject.
            if (namesInText.FirstOrDefault(n => n.Start >= start && n.Start < end) is { Length: > 0 } listed)
            {
                if (!pastSemicolon || !TitleChain.IsOnlyTitles(text[start..listed.Start])) return null;
                start = ListEnd(text, listed.End, end, namesInText);
                if (namesInText.Any(n => n.Start >= start && n.Start < end)) return null;
            }
            var clause = text[start..end];
            if (Predicate(clause) is { } role)
                return role;
            if (Words.SpeechContentVerbs.Any(v => clause.Contains(v, StringComparison.Ordinal)))
                return null;
            start = end + 1;
        }
    }

    private static int LastBoundary(string text, int before)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (SentenceEnds.Contains(text[i]) || ClauseEnds.Contains(text[i])) return i;
        }
        return -1;
    }

    /// <summary>The words before the first name of the list <paramref name="name"/> is in, back to the sentence's start.</summary>
    private static AppearanceRole? LeadIn(string text, NameMatch name, IReadOnlyList<NameMatch> namesInText)
    {
        // A list introduced by "出席团拜会的有" may run on past semicolons.
        var sentenceStart = LastIndexOfAny(text, FullStops, name.Start) + 1;
        var first = namesInText.Where(n => n.Start >= sentenceStart && n.Start <= name.Start).Select(n => n.Start).DefaultIfEmpty(name.Start).Min();
        var clauseStart = LastIndexOfAny(text, ClauseEnds + SentenceEnds, first) + 1;
        var lead = text[clauseStart..first];
        if (Words.ListLeadIns.Any(l => lead.Contains(l, StringComparison.Ordinal)) && Predicate(lead) is { } listed)
            return listed;
        var before = text[sentenceStart..name.Start];
        foreach (var objectRole in Words.ObjectRoles)
        {
            if (Words.RoleVerbs.Any(v => v.Role == objectRole && before.Contains(v.Verb, StringComparison.Ordinal)))
                return objectRole;
        }
        return null;
    }

    private static int IndexOfAny(string text, string characters, int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (characters.Contains(text[i]))
                return i;
        }
        return limit;
    }

    private static int LastIndexOfAny(string text, string characters, int before)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (characters.Contains(text[i]))
                return i;
        }
        return -1;
    }
}
