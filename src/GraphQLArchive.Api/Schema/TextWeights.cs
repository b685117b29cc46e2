namespace GraphQLArchive.Api.Schema;

/// <summary>
/// The <c>@cost</c> weights of fields that hold long text, in ordinary fields: a headline, a name or a date is about
/// 20 characters, a body averages 356 (at most 1,459) and a paragraph 104 in the generated archive, so a body weighs
/// what some 20 ordinary fields do. Without these, 500 aliased pages of bodies fitted the cost limit and answered 26 MB.
/// </summary>
internal static class TextWeights
{
    /// <summary>A whole body, however it is cut (<c>body</c>, <c>paragraphs</c>).</summary>
    public const int Body = 20;

    /// <summary>One paragraph (<c>lead</c>).</summary>
    public const int Paragraph = 5;
}
