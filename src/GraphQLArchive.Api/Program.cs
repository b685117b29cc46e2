using GraphQLArchive.Api.Cli;
using GraphQLArchive.Api.Http;
using GraphQLArchive.Api.Http.PersistedDocuments;
using GraphQLArchive.Api.Operations;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Api.Search;
using GraphQLArchive.Api.Subscriptions;
using GraphQLArchive.Api.Startup;
using GraphQLArchive.Model.Seeding;

return await StartupFailure.GuardAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddArchive(builder.Configuration, builder.Environment);
    var app = builder.Build();

    if (args is ["schema", "export", ..])
        return SchemaExport.Run(app.Services, args);
    if (args is ["generate", ..])
        return await Generate.RunAsync(app.Configuration, app.Environment, args);
    if (args is ["search", "reindex", ..])
        return await SearchReindex.RunAsync(app.Services, Console.Error);
    if (args is ["ingest", ..])
        return await Ingest.RunAsync(app.Services, args, Console.Out, Console.Error);
    if (args is ["evaluate", ..])
        return Evaluate.Run(ArchiveServices.SeedsDirectory(app.Configuration), args, Console.Out);

    using (var scope = app.Services.CreateScope())
        await scope.ServiceProvider.GetRequiredService<ArchiveSeeder>().SeedAsync(ArchiveServices.SeedsDirectory(app.Configuration));
    _ = app.Services.GetRequiredService<CursorSigningKey>(); // made (or read) now, so that a read-only folder fails here
    _ = app.Services.GetRequiredService<PersistedDocumentResolver>(); // and a missing directory of trusted documents

    app.UseCors();
    app.UseWebSockets();
    app.UseGraphQLSubscriptions("/graphql");
    app.UseBananaCakePop("/graphql");
    app.MapGraphQLHttp("/graphql");
    app.MapArchiveHealthChecks();
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        foreach (var address in app.Urls)
            Console.WriteLine($"GraphQL Archive: the IDE and the API are at {address.TrimEnd('/')}/graphql");
    });
    await app.RunAsync();
    return 0;
}, Console.Error);

public partial class Program;
