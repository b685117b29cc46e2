using GraphQLArchive.Ingestion.Pages;

namespace GraphQLArchive.Ingestion.Mentions;

public static class OfficialMentionFinder
{
    /// <summary>One mention per distinct official named in the article, in order of first appearance.</summary>
    public static IReadOnlyList<OfficialMention> Find(ParsedArticle article, IReadOnlyCollection<string> knownNames) =>
        throw new NotImplementedException();
}
