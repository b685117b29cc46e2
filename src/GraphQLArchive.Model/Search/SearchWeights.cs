namespace GraphQLArchive.Model.Search;

/// <summary>
/// What a term scores in each field that contains it: a hit in the headline counts most. Relevance is the sum over the
/// terms, on every engine, so that a relevance cursor means the same thing on SQLite and PostgreSQL.
/// </summary>
public static class SearchWeights
{
    public const double Headline = 10, Subheadline = 5, Kicker = 3, Caption = 2, Body = 1;
}
