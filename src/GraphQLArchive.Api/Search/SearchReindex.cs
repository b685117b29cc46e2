using GraphQLArchive.Model.Storage.Sqlite;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Search;

/// <summary><c>search reindex</c>: rebuilds the full-text index from the articles, with a progress bar.</summary>
internal static class SearchReindex
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await db.Database.MigrateAsync(); // the index table comes with a migration
        if (db is PostgresArchiveDbContext)
        {
            output.WriteLine("Nothing to rebuild: on PostgreSQL the search reads trigram indexes that the server keeps up to date itself.");
            return 0;
        }
        var connection = db.Database.GetDbConnection();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var indexed = await SqliteSearchIndex.RebuildAsync(connection, new Progress(output));
        output.WriteLine();
        output.WriteLine($"Indexed {indexed:N0} articles in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Redraws one line: <c>[#######.............]  35%  35,000 / 100,000</c>.</summary>
    private sealed class Progress(TextWriter output) : IProgress<(int Done, int Total)>
    {
        private const int Width = 30;

        public void Report((int Done, int Total) value)
        {
            var fraction = value.Total == 0 ? 1 : (double)value.Done / value.Total;
            var filled = (int)Math.Round(fraction * Width);
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0}  {value.Done:N0} / {value.Total:N0}");
            output.Flush();
        }
    }
}
