using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Generation;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Tests.Querying;

/// <summary>
/// <c>totalCount</c> under a list filter (<c>some</c>, <c>any</c>) counts the distinct parent keys of the matching
/// items instead of seeking each parent; the counts must be what SQL written by hand counts, for foreign keys that may
/// be NULL too, and <c>none</c>/<c>all</c> (which cannot be counted that way) must stay right.
/// </summary>
public sealed class MembershipCountTests(GeneratedArchiveFixture archive) : IClassFixture<GeneratedArchiveFixture>
{
    [SqliteTheory]
    [InlineData("articles", "appearances: { some: { role: { eq: PRESIDED } } }",
        "SELECT COUNT(DISTINCT ArticleId) FROM Appearances WHERE Role = 0")]
    [InlineData("articles", "appearances: { none: { role: { eq: PRESIDED } } }",
        "SELECT COUNT(*) FROM Articles WHERE Id NOT IN (SELECT ArticleId FROM Appearances WHERE Role = 0)")]
    // An item condition on a unique column through a reference is read as that row's key; a name that no row has is
    // a key that matches nothing, so no article names that official.
    [InlineData("articles", "appearances: { none: { official: { name: { eq: \"无此人\" } } } }",
        "SELECT COUNT(*) FROM Articles")]
    [InlineData("locations", "projects: { any: true }",
        "SELECT COUNT(DISTINCT LocationId) FROM Projects")]
    [InlineData("locations", "projects: { any: false }",
        "SELECT COUNT(*) FROM Locations WHERE Id NOT IN (SELECT LocationId FROM Projects WHERE LocationId IS NOT NULL)")]
    [InlineData("organizations", "projects: { any: true }",
        "SELECT COUNT(DISTINCT OrganizationId) FROM Projects")]
    [InlineData("officials", "appearances: { all: { role: { eq: MENTIONED } } }",
        "SELECT COUNT(*) FROM Officials WHERE Id NOT IN (SELECT OfficialId FROM Appearances WHERE Role <> 5)")]
    public async Task A_list_filter_counts_what_SQL_counts(string connection, string where, string sql)
    {
        var response = await archive.Api.PostAsync($"{{ {connection}(where: {{ {where} }}) {{ totalCount }} }}");
        Assert.Null(response.Json["errors"]);

        await using var db = new SqliteConnection($"Data Source={archive.Api.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        var expected = Convert.ToInt32(await command.ExecuteScalarAsync());

        Assert.True(expected > 0, $"the archive has nothing to count for {where}: the case proves nothing");
        Assert.Equal(expected, (int)response.Json["data"]![connection]!["totalCount"]!);
    }
}
