namespace GraphQLArchive.Ingestion.Pages;

/// <summary>How a printed block ends: decides whether a line break is a paragraph end or a column break.</summary>
internal static class Punctuation
{
    // Colon and semicolon count as well: a paragraph may end by introducing a list ("会议要求：").
    private const string Final = "。！？!?…；;：:";

    // A closing quote or bracket only ends a sentence when the sentence ended inside it ("…。”").
    // "创造了“太原速度”" ends with a quote but is still mid-sentence.
    private const string Closers = "”’」』)）";

    /// <summary>True when <paramref name="block"/> ends a sentence, so the next block starts a new paragraph.</summary>
    public static bool EndsSentence(string block)
    {
        var text = block.TrimEnd();
        while (text.Length > 0 && Closers.Contains(text[^1]))
            text = text[..^1];
        return text.Length > 0 && Final.Contains(text[^1]);
    }
}
