using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Mentions;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>
/// Finds officials' names that no registry knows: after a title chain (省委常委、市委书记罗清宇), in the list
/// after 市领导 (市领导刘鹤、杨继承参加), and as a jieba person (nr) that a role verb follows.
/// </summary>
internal static class OfficialNames
{
    private static readonly NameScanner TitleScanner = NameScanner.ForNames(Gazetteer.Titles);

    private static readonly Regex LeaderList = new(@"(?:省|市|区|县)领导", RegexOptions.CultureInvariant);

    // What may follow a name: the verbs and particles of this kind of report.
    private static readonly string[] Followers =
    [
        "主持", "出席", "参加", "走访", "看望", "慰问", "陪同", "讲话", "来到", "一行", "等", "还", "说", "要求", "指出", "强调",
        "表示", "希望", "叮嘱", "察看", "听取", "调研", "登上", "与", "和", "在", "向", "为", "对", "率", "带队", "分别", "同志",
        "深入", "前往", "先后", "实地", "详细", "了解", "就", "也", "又", "一同", "共同", "会见", "接见", "致辞", "宣布", "作", "代表",
    ];

    private static readonly string[] RoleVerbs = ["主持", "出席", "参加", "走访", "看望", "陪同", "讲话", "一行", "来到", "调研"];

    public static IEnumerable<string> Find(string text, IReadOnlyList<Token> tokens)
    {
        foreach (var title in TitleScanner.Scan(text))
        {
            if (NameAt(text, title.End, tokens) is { } name)
                yield return name;
        }

        foreach (Match marker in LeaderList.Matches(text))
        {
            foreach (var name in ListAt(text, marker.Index + marker.Length, tokens))
                yield return name;
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Flag.StartsWith("nr", StringComparison.Ordinal) && token.Word.Length is 2 or 3 && Gazetteer.Surnames.Contains(token.Word[0])
                && RoleVerbs.Any(v => tokens[i + 1].Word.StartsWith(v, StringComparison.Ordinal)))
                yield return token.Word;
        }
    }

    /// <summary><c>刘鹤、杨继承、张齐山参加</c>: names separated by 、 up to the verb.</summary>
    private static IEnumerable<string> ListAt(string text, int start, IReadOnlyList<Token> tokens)
    {
        var position = start;
        while (position < text.Length)
        {
            var end = position;
            while (end < text.Length && Gazetteer.IsNameChar(text[end])) end++;
            var item = text[position..end];
            var name = item.Length is 2 or 3 && IsPlausible(item) ? item : NameAt(text, position, tokens);
            if (name is null) yield break;
            yield return name;
            if (position + name.Length >= text.Length || text[position + name.Length] != '、') yield break;
            position += name.Length + 1;
        }
    }

    /// <summary>The 2–3 character name starting at <paramref name="start"/>: the length after which a boundary or a verb follows.</summary>
    private static string? NameAt(string text, int start, IReadOnlyList<Token> tokens)
    {
        string? best = null;
        var bestScore = 0;
        foreach (var length in new[] { 3, 2 })
        {
            if (start + length > text.Length) continue;
            var candidate = text.Substring(start, length);
            if (!IsPlausible(candidate)) continue;
            var end = start + length;
            var score = end == text.Length || Gazetteer.Boundaries.Contains(text[end]) ? 3
                : Followers.Any(f => string.CompareOrdinal(text, end, f, 0, f.Length) == 0) ? 2 : 0;
            if (score == 0) continue;
            // jieba breaks the tie when both lengths are followed by something plausible.
            if (tokens.Any(t => t.Start == start && t.Word.Length == length && t.Flag.StartsWith("nr", StringComparison.Ordinal))) score++;
            if (score > bestScore) (best, bestScore) = (candidate, score);
        }
        return best;
    }

    private static bool IsPlausible(string candidate) =>
        candidate.All(Gazetteer.IsCjk) && Gazetteer.Surnames.Contains(candidate[0])
        && !Gazetteer.Titles.Any(t => candidate.Contains(t, StringComparison.Ordinal))
        && !candidate.EndsWith('市') && !candidate.EndsWith('省') && !candidate.EndsWith('区');
}
