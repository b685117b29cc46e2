namespace GraphQLArchive.Ingestion.Pages;

/// <summary>Splits a raw page of a Chinese city daily into articles.</summary>
public static class PageParser
{
    /// <summary>Parses <paramref name="text"/>; month-day dates resolve against <paramref name="editionDate"/>.</summary>
    public static ParsedPage Parse(string text, DateOnly editionDate) => throw new NotImplementedException();
}
