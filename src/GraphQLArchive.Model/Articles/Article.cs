using GraphQLArchive.Model.Editions;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Model.Locations;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Organizations;
using GraphQLArchive.Model.Projects;

namespace GraphQLArchive.Model.Articles;

public class Article
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public Edition? Edition { get; set; }

    /// <summary>Position on the page, from 1.</summary>
    public int Ordinal { get; set; }

    public string? Kicker { get; set; }
    public string Headline { get; set; } = "";
    public string? Subheadline { get; set; }
    public string? Byline { get; set; }
    public DateOnly? EventDate { get; set; }

    /// <summary>
    /// The paragraphs joined by <see cref="ParagraphBreak"/>; stored so that it can be filtered and searched in SQL, and
    /// the only copy of the text: the paragraphs are read from it (<see cref="ParagraphsOf"/>).
    /// </summary>
    public string Body { get; set; } = "";

    /// <summary>What separates two paragraphs in <see cref="Body"/>: a blank line, which no paragraph contains.</summary>
    public const string ParagraphBreak = "\n\n";

    /// <summary>The paragraphs of a body, in order.</summary>
    public static string[] ParagraphsOf(string body) => body.Length == 0 ? [] : body.Split(ParagraphBreak);

    /// <summary>The first paragraph of a body, without splitting the rest; null for an empty body.</summary>
    public static string? LeadOf(string body) =>
        body.Length == 0 ? null : body.IndexOf(ParagraphBreak, StringComparison.Ordinal) is var end and >= 0 ? body[..end] : body;

    /// <summary>The body made of these paragraphs.</summary>
    public static string BodyOf(IEnumerable<string> paragraphs) => string.Join(ParagraphBreak, paragraphs);

    /// <summary>Characters in the body, without the blank lines between paragraphs.</summary>
    public int CharacterCount { get; set; }

    public List<Photo> Photos { get; set; } = [];
    public List<Journalist> Journalists { get; set; } = [];
    public List<Appearance> Appearances { get; set; } = [];
    public List<Official> Officials { get; set; } = [];
    public List<Location> Locations { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
    public List<Organization> Organizations { get; set; } = [];
}
