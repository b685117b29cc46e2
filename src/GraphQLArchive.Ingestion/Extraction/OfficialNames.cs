using GraphQLArchive.Ingestion.Lexicon;
using GraphQLArchive.Ingestion.Mentions;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>
/// Finds officials' names that no registry knows: the list after a title (副市长张强、储志远、水建国), the list after a
/// leadership phrase (市领导刘鹤、杨继承参加), a name with its title printed after it (万少华副市长一行), and a jieba
/// person (nr) that a role verb follows.
/// </summary>
internal static class OfficialNames
{
    private static WordLexicon Words => WordLexicon.Default;

    private static readonly NameScanner OfficeScanner = NameScanner.ForNames(WordLexicon.Default.Offices);
    private static readonly NameScanner LeaderScanner = NameScanner.ForNames(WordLexicon.Default.LeaderPhrases);

    public static IEnumerable<string> Find(string text, IReadOnlyList<Token> tokens)
    {
        foreach (var marker in OfficeScanner.Scan(text))
        {
            // 主席台, 书记处: the office begins a longer word, so it is no title before a name (主任何明远 is: 任何 only straddles it).
            if (tokens.Any(t => t.Start == marker.Start && t.End > marker.End)) continue;
            // 各成员单位要…: an office after 各 or 全 is no one's title; nor is one that begins a body's name (常务委员会).
            if (marker.Start > 0 && Words.NotBeforeTitles.Contains(text[marker.Start - 1])) continue;
            if (Words.DepartmentSuffixes.Any(s => s.Length > marker.Length && string.CompareOrdinal(text, marker.Start, s, 0, s.Length) == 0)) continue;
            foreach (var name in ListAt(text, marker.End, tokens, afterLeaderPhrase: false))
                yield return name;
            if (NameBefore(text, marker.Start, marker.End) is { } before)
                yield return before;
        }
        foreach (var marker in LeaderScanner.Scan(text))
        {
            foreach (var name in ListAt(text, marker.End, tokens, afterLeaderPhrase: true))
                yield return name;
        }
        // "肖立军、郝文斌、单雅琪等市领导出席", "孙明、李亮等参加": a list closed by 等 and a leadership phrase or a role verb.
        for (var at = text.IndexOf('等'); at > 0; at = text.IndexOf('等', at + 1))
        {
            var closed = Words.LeaderPhrases.Concat(Words.RoleVerbs.Select(v => v.Verb))
                .Any(w => string.CompareOrdinal(text, at + 1, w, 0, w.Length) == 0);
            if (closed)
                foreach (var name in ListBefore(text, at))
                    yield return name;
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Flag.StartsWith("nr", StringComparison.Ordinal) && token.Word.Length is >= 2 and <= 4 && IsPlausible(token.Word)
                && Words.RoleVerbs.Any(v => tokens[i + 1].Word.StartsWith(v.Verb, StringComparison.Ordinal) || v.Verb.StartsWith(tokens[i + 1].Word, StringComparison.Ordinal) && tokens[i + 1].Word.Length > 1))
                yield return token.Word;
        }
    }

    /// <summary><c>刘鹤、杨继承、张齐山参加</c>: names joined by 、 up to the verb; an item that is a title ends the list.</summary>
    /// <remarks>
    /// A list is strong evidence: after a leadership phrase, and after the first name of any list, a name of a surname
    /// the lexicon lacks is read too (平遂民), when it is followed by a boundary or a verb.
    /// </remarks>
    private static IEnumerable<string> ListAt(string text, int start, IReadOnlyList<Token> tokens, bool afterLeaderPhrase)
    {
        var position = start;
        // "市委常委 副市长 管志强": some pages set a space between the title and the name.
        while (position < text.Length && text[position] is ' ' or '\u3000') position++;
        while (position < text.Length)
        {
            var name = TransliteratedAt(text, position) ?? NameAt(text, position, tokens) ?? InList(text, position, tokens, afterLeaderPhrase || position > start ? 2 : 3);
            if (name is null) yield break;
            // "许文斌代表双方签约": right after an office, a two-character word jieba knows as a common noun is its object.
            if (position == start && !afterLeaderPhrase && name.Length == 2
                && tokens.Any(t => t.Start == position && t.Word == name && t.Flag is "n" or "r")) yield break;
            yield return name;
            var next = position + name.Length;
            if (next < text.Length && text[next] == '、')
            {
                position = next + 1;
                continue;
            }
            // "区领导 柏文杰 龙晓燕 杭立民 出席会议": a site's list set with spaces.
            var spaced = next;
            while (spaced < text.Length && text[spaced] is ' ' or '\u3000') spaced++;
            if (spaced == next || spaced >= text.Length || NameAt(text, spaced, tokens) is null && TransliteratedAt(text, spaced) is null) yield break;
            position = spaced;
        }
    }

    /// <summary>The names joined by 、 that end at <paramref name="end"/>, when every item of the list is one (else none).</summary>
    private static IEnumerable<string> ListBefore(string text, int end)
    {
        var start = end;
        while (start > 0 && (text[start - 1] == '、' || !Gazetteer.Boundaries.Contains(text[start - 1])))
            start--;
        var items = text[start..end].Split('、');
        // The first item may carry the list's titles (市委常委张三、李四等): its name is read after them elsewhere.
        var names = items.Select((item, i) => i == 0 && item.Length > 3 ? null : item).ToList();
        if (names.OfType<string>().Any(n => TransliteratedAt(n, 0) != n && !(n.Length <= 3 && IsPlausible(n, endsAtBoundary: true))))
            return [];
        return names.OfType<string>();
    }

    /// <summary>
    /// "当天,万少华副市长一行…": a name printed right before a bare office, alone in its clause up to the office, with a
    /// boundary or a follower after the office.
    /// </summary>
    private static string? NameBefore(string text, int officeStart, int officeEnd)
    {
        if (officeEnd < text.Length && !Gazetteer.Boundaries.Contains(text[officeEnd])
            && !Words.NameFollowers.Any(f => string.CompareOrdinal(text, officeEnd, f, 0, f.Length) == 0))
            return null;
        var start = officeStart;
        while (start > 0 && !Gazetteer.Boundaries.Contains(text[start - 1]))
            start--;
        if (officeStart - start is < 2 or > 12) return null;
        var candidate = text[start..officeStart];
        if (TransliteratedAt(candidate, 0) == candidate) return candidate;
        return candidate.Length <= 3 && IsPlausible(candidate, endsAtBoundary: true) ? candidate : null;
    }

    /// <summary>
    /// A transliterated name at <paramref name="start"/> (乌力吉巴雅尔, 艾尔肯·吐尔逊): two or more of the lexicon's name
    /// words, or one of three or more characters, joined by nothing or by a middle dot, the longest that a boundary or a
    /// follower ends.
    /// </summary>
    internal static string? TransliteratedAt(string text, int start)
    {
        string? best = null;
        var ends = new List<(int End, int Parts)> { (start, 0) };
        for (var i = 0; i < ends.Count; i++)
        {
            var (at, parts) = ends[i];
            if (parts > 0 && at < text.Length && text[at] is '·' or '•' or '.') at++;
            foreach (var part in Words.TransliteratedNameParts)
            {
                if (string.CompareOrdinal(text, at, part, 0, part.Length) != 0) continue;
                var end = at + part.Length;
                if (ends.Any(e => e.End == end)) continue;
                ends.Add((end, parts + 1));
                var candidate = text[start..end];
                var closed = end == text.Length || Gazetteer.Boundaries.Contains(text[end])
                             || Words.NameFollowers.Any(f => string.CompareOrdinal(text, end, f, 0, f.Length) == 0);
                if (closed && (parts + 1 >= 2 || part.Length >= 3) && (best is null || candidate.Length > best.Length))
                    best = candidate;
            }
        }
        return best;
    }

    /// <summary>The 2–4 character name starting at <paramref name="start"/>: the length after which a boundary or a verb follows.</summary>
    internal static string? NameAt(string text, int start, IReadOnlyList<Token> tokens)
    {
        if (!Words.IsSurnameAt(text, start, out var surname))
            return null;
        // 甄市长强调: a verb of the genre that starts with a surname (强调, 高度) is no name.
        if (Words.NameFollowers.Any(f => f.Length > 1 && string.CompareOrdinal(text, start, f, 0, f.Length) == 0))
            return null;
        string? best = null;
        var bestScore = 0;
        foreach (var length in new[] { surname + 4, surname + 3, surname + 2, surname + 1 })
        {
            if (start + length > text.Length) continue;
            var candidate = text.Substring(start, length);
            var end = start + length;
            var atBoundary = end == text.Length || Gazetteer.Boundaries.Contains(text[end]);
            // Mongolian, Tibetan and Yi names run to four or five characters (孟和巴特尔, 沙马伍各): only whole, up to a
            // boundary, and with no verb inside (李明强调, is 李明 before 强调).
            var follower = Words.NameFollowers.FirstOrDefault(f => string.CompareOrdinal(text, end, f, 0, f.Length) == 0);
            if (length > surname + 2 && !((atBoundary || follower is not null) && IsLongName(candidate, surname, start, tokens))) continue;
            // 林光明重点介绍: past a full Han name, a word of its own (重点, 冒雨) is not more of the name; a word jieba made
            // up of characters it does not know is (布仁其日格: 日格).
            if (length > surname + 2 && WordAt(tokens, start + surname + 2, dictionaryOnly: true)) continue;
            if (length <= surname + 2 && !IsPlausible(candidate, atBoundary)) continue;
            // A boundary after the name is the best evidence, a word of two or more characters the next best
            // (司徒建 before 陪同 beats 司徒建陪 before 同).
            var score = end == text.Length || Gazetteer.Boundaries.Contains(text[end]) ? 6
                : follower is not null ? follower.Length > 1 ? 4 : 2
                : length == surname + 2 && WordAt(tokens, end) ? 1 : 0;
            // jieba breaks the tie when both lengths are followed by something plausible, and vouches for a name
            // followed by a verb the lexicon does not list (庄建华汇报).
            if (tokens.Any(t => t.Start == start && t.Word.Length == length && t.Flag.StartsWith("nr", StringComparison.Ordinal))) score++;
            if (score > bestScore) (best, bestScore) = (candidate, score);
        }
        return best;
    }

    /// <summary>
    /// An item of a list whose surname the lexicon does not know: it ends at 、 or a boundary. Inside a list or after a
    /// leadership phrase it has 2–5 characters; right after a title at least <paramref name="shortest"/> (阿苏尔布, 尕玛朋措),
    /// since a two-character word after a title is more often no name (市长热线).
    /// </summary>
    private static string? InList(string text, int start, IReadOnlyList<Token> tokens, int shortest)
    {
        // "市领导调研": a verb, not a name.
        if (tokens.Any(t => t.Start == start && t.Flag.StartsWith('v')) || Words.NameFollowers.Any(f => string.CompareOrdinal(text, start, f, 0, f.Length) == 0))
            return null;
        foreach (var length in new[] { 5, 4, 3, 2 }.Where(l => l >= shortest))
        {
            var end = start + length;
            if (end > text.Length || !(end == text.Length || Gazetteer.Boundaries.Contains(text[end]) || text[end] == '等')) continue;
            var candidate = text[start..end];
            if (length > 3 && !IsLongName(candidate, 0, start, tokens)) continue;
            if (candidate.All(Gazetteer.IsCjk) && !Words.NotNameStarts.Contains(candidate[0]) && !Words.GivenNameExclusions.Contains(candidate[0])
                && !Words.NotNameEnds.Contains(candidate[^1])
                && !Words.Offices.Any(o => candidate.Contains(o, StringComparison.Ordinal)) && !Words.LeaderPhrases.Any(p => candidate.Contains(p, StringComparison.Ordinal)))
                return candidate;
        }
        return null;
    }

    private static bool WordAt(IReadOnlyList<Token> tokens, int at, bool dictionaryOnly = false) =>
        tokens.Any(t => t.Start == at && t.Word.Length > 1 && !t.Flag.StartsWith("nr", StringComparison.Ordinal)
                        && (!dictionaryOnly || Segmenter.IsDictionaryWord(t.Word)));

    // A long name holds no verb: not a lexicon follower (李明强调), nor a word jieba reads as a verb (单位要树牢).
    private static bool IsLongName(string candidate, int surname, int start, IReadOnlyList<Token> tokens) =>
        candidate.All(Gazetteer.IsCjk)
        && !tokens.Any(t => t.Start >= start && t.Start < start + candidate.Length && t.Word.Length > 1 && t.Flag.StartsWith('v'))
        && !Enumerable.Range(surname + 1, candidate.Length - surname - 1).Any(i => Words.NameFollowers.Any(f => f.Length > 1 && string.CompareOrdinal(candidate, i, f, 0, f.Length) == 0))
        && !Words.Offices.Any(t => candidate.Contains(t, StringComparison.Ordinal))
        && !Words.LeaderPhrases.Any(p => candidate.Contains(p, StringComparison.Ordinal))
        && !candidate.Any(c => Words.GivenNameExclusions.Contains(c))
        && !Words.NotNameEnds.Contains(candidate[^1]);

    private static bool IsPlausible(string candidate, bool endsAtBoundary = false)
    {
        if (!candidate.All(Gazetteer.IsCjk) || !Words.IsSurnameAt(candidate, 0, out var surname)) return false;
        var given = candidate[surname..];
        // 和 ends 蓝进和 before a comma; before a name it joins two (张三和李四).
        var checkedPart = endsAtBoundary && given.Length == 2 ? given[..1] : given;
        // 杜向前: 向 begins a given name, though it never ends one (李明向大家…).
        if (given.Length == 2 && Words.GivenNameFirstCharacters.Contains(given[0])) checkedPart = checkedPart[1..];
        return given.Length is 1 or 2
               && !checkedPart.Any(c => Words.GivenNameExclusions.Contains(c))
               && !Words.Offices.Any(t => candidate.Contains(t, StringComparison.Ordinal))
               && !Words.LeaderPhrases.Any(p => candidate.Contains(p, StringComparison.Ordinal))
               && !Words.NotNameEnds.Contains(candidate[^1]);
    }
}
