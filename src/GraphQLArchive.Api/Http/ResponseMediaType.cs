using Microsoft.Net.Http.Headers;

namespace GraphQLArchive.Api.Http;

/// <summary>Picks the response media type from the Accept header, as the GraphQL-over-HTTP spec asks.</summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// Returns the media type to answer with, or null when the client accepts neither.
    /// A missing Accept header and wildcards get application/json: the spec's legacy rule, which the
    /// graphql-http audits 80D8 and 47DE check, so that older clients keep receiving what they expect.
    /// Between explicit types of equal quality, application/graphql-response+json wins.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        int bestRank = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1;
            var (mediaType, rank) = Match(range);
            if (mediaType is null || quality <= 0)
            {
                continue;
            }
            if (quality > bestQuality || (quality == bestQuality && rank > bestRank))
            {
                (best, bestQuality, bestRank) = (mediaType, quality, rank);
            }
        }
        return best;
    }

    private static (string? MediaType, int Rank) Match(MediaTypeHeaderValue range)
    {
        var type = range.MediaType;
        if (type.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return (GraphQLResponseJson, 3);
        }
        if (type.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return (Json, 2);
        }
        if (type.Equals("*/*", StringComparison.Ordinal) || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
        {
            return (Json, 1);
        }
        return (null, 0);
    }
}
