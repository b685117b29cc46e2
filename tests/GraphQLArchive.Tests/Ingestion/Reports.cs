using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>What the extractor says of each official on a page built from blocks of our own.</summary>
internal static class Reports
{
    public static IReadOnlyList<OfficialMention> Officials(DateOnly edition, string newspaper, params string[] blocks) =>
        EntityExtractor.ExtractPage(PageParser.Parse(SeedFiles.Page(blocks), edition), newspaper).Articles.SelectMany(a => a.Officials).ToList();

    public static Dictionary<string, AppearanceRole> Roles(DateOnly edition, string newspaper, params string[] blocks) =>
        Officials(edition, newspaper, blocks).ToDictionary(o => o.Name, o => o.Role);
}
