using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>
/// Lists pad a two-character name to the width of a three-character one (区领导王海涛、李 杰、张园出席): the name is one
/// word, so the padding goes. Only a surname and one character, alone between list marks, after a leadership phrase or an
/// office, or before a word a name is followed by (一行, 出席…).
/// </summary>
internal static class PaddedNames
{
    private static readonly Regex Padded = Build(WordLexicon.Default);

    public static string Join(string paragraph) =>
        paragraph.Contains(' ') || paragraph.Contains('\u3000') ? Padded.Replace(paragraph, "$1$2") : paragraph;

    private static Regex Build(WordLexicon words)
    {
        var surnames = string.Concat(words.Surnames.Select(c => Regex.Escape(c.ToString())));
        var opens = $"^|[、，,：:]|{Alternation.Of(words.LeaderPhrases.Concat(words.Offices))}";
        var closes = $"$|[、，,。；;]|{Alternation.Of(words.NameFollowers)}";
        return new Regex($"(?<={opens})([{surnames}])[ \u3000]{{1,2}}([\u4e00-\u9fff])(?={closes})", RegexOptions.CultureInvariant);
    }
}
