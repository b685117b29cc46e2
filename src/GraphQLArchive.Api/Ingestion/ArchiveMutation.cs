using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Api.Subscriptions;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Ingestion;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Ingestion;

/// <summary>Mutations: ingesting a page, and merging officials. Both need the API key.</summary>
public sealed class ArchiveMutation : ObjectGraphType
{
    public ArchiveMutation()
    {
        Name = "Mutation";
        Description = "Writing to the archive. Every mutation needs the API key in the X-Api-Key header.";

        Field<NonNullGraphType<IngestPagePayloadType>>("ingestPage")
            .Description("Parses a page into articles, extracts and links its officials, locations, organizations and projects, in one transaction. A page ingested before creates nothing. Needs X-Api-Key.")
            .Argument<NonNullGraphType<IngestPageInputType>>("input", "The page's text and its edition.")
            .ResolveAsync(async context =>
            {
                ApiKey.Require(context);
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var services = context.RequestServices!;
                var registry = RegistryReader.Load(Path.Combine(ArchiveServices.SeedsDirectory(services.GetRequiredService<IConfiguration>()), "registry"));
                var source = new PageSource((string)input["text"]!, (DateOnly)input["editionDate"]!,
                    input.GetValueOrDefault("newspaper") as string, input.GetValueOrDefault("page") as int?, SourceFile: "ingestPage");
                try
                {
                    var result = await services.GetRequiredService<PageIngestor>().IngestAnnouncedAsync(services.GetRequiredService<IArchiveEvents>(),
                        source, registry, context.CancellationToken);
                    return new IngestPagePayload(result.Created, result.ArticleIds, result.Extracted, result.CreatedNames);
                }
                catch (IngestionException e)
                {
                    throw new ExecutionError(e.Message) { Code = e.Code };
                }
            });

        Field<NonNullGraphType<MergeOfficialsPayloadType>>("mergeOfficials")
            .Description("Merges officials into the target in one transaction: appearances and positions move, the sources' names become aliases, the sources are removed. Needs X-Api-Key.")
            .Argument<NonNullGraphType<MergeOfficialsInputType>>("input", "The official that stays and the ones merged into it.")
            .ResolveAsync(async context =>
            {
                ApiKey.Require(context);
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var target = OfficialKey(input["targetId"]);
                var sources = ((IEnumerable<object?>)input["sourceIds"]!).Select(OfficialKey).ToList();
                try
                {
                    return new MergeOfficialsPayload(await context.RequestServices!.GetRequiredService<OfficialMerger>().MergeAsync(target, sources, context.CancellationToken));
                }
                catch (MergeException e) when (e.MissingIds.Count > 0)
                {
                    // The client knows officials by their global IDs, never by our keys.
                    var ids = e.MissingIds.Select(key => GlobalId.Encode("Official", key)).ToList();
                    throw new ExecutionError($"No official has the ID {string.Join(", ", ids)}: it may have been merged into another already. " +
                                             "Look the official up again by name, and merge into the ID found.") { Code = e.Code }.With("ids", ids);
                }
                catch (MergeException e)
                {
                    throw new ExecutionError(e.Message) { Code = e.Code };
                }
            });
    }

    private static int OfficialKey(object? id) =>
        GlobalId.TryDecodeKey(id?.ToString(), "Official", typeof(int)) is int key
            ? key
            : throw new ExecutionError($"The ID `{id}` is not a valid Official ID. Use the `id` of an Official returned by this API.") { Code = "INVALID_ID" };
}

internal static class MutationProjections
{
    public static Task<IReadOnlyList<Model.Articles.Article>> ProjectArticlesAsync(this IResolveFieldContext context, IReadOnlyList<int> ids) =>
        context.ProjectByKeysAsync(context.RequestServices!.GetRequiredService<ArchiveDbContext>().Articles, ids.ToList());

    public static Task<IReadOnlyList<Official>> ProjectOfficialsAsync(this IResolveFieldContext context, IReadOnlyList<int> ids) =>
        context.ProjectByKeysAsync(context.RequestServices!.GetRequiredService<ArchiveDbContext>().Officials, ids.ToList());
}
