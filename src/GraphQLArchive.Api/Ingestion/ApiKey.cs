using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQLArchive.Api.Http;

namespace GraphQLArchive.Api.Ingestion;

/// <summary>Mutations need the key in <c>Archive:ApiKey</c>, sent as <c>X-Api-Key</c>; without a configured key every mutation is refused.</summary>
internal static class ApiKey
{
    public const string Header = "X-Api-Key";
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    public static void Require(IResolveFieldContext context)
    {
        var configured = context.RequestServices!.GetRequiredService<IConfiguration>()["Archive:ApiKey"];
        if (string.IsNullOrEmpty(configured))
            throw Refused("Mutations are disabled: the server has no API key. Set Archive:ApiKey (environment Archive__ApiKey) and send it in the X-Api-Key header.");
        var sent = context.GetHttpContext()?.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(sent))
            throw Refused("This mutation needs an API key: send it in the X-Api-Key header.");
        if (!Matches(sent, configured))
            throw Refused("The API key in the X-Api-Key header is not valid.");
    }

    /// <summary>Compares in constant time; hashing first makes the comparison independent of the lengths too.</summary>
    internal static bool Matches(string sent, string configured) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));

    private static ExecutionError Refused(string message) => new(message) { Code = NotAuthenticated };
}
