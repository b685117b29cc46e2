using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary><c>Edition.facts</c> over HTTP: the group totals a page prints are read back from the edition that stored them.</summary>
public sealed class EditionFactsFieldTests(KeyedArchiveApiFactory fixture) : IClassFixture<KeyedArchiveApiFactory>
{
    private const string Ingest = "mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }";

    private const string Facts = """
        query($newspaper: String!) {
          editions(where: { newspaper: { eq: $newspaper }, facts: { some: { label: { eq: "项目数" } } } }) {
            nodes { date facts(order: [{ label: ASC }]) { articleOrdinal label value unit qualifier printed } }
          }
        }
        """;

    [Fact]
    public async Task A_group_total_is_read_back_on_its_edition_with_the_report_that_printed_it()
    {
        var page = SeedFiles.Page("宜昌市重点项目签约",
            "本报讯(记者 周敏)3月2日,市长何建新出席签约仪式。") + "\n\n" + SeedFiles.Page("一季度重点项目集中开工",
            "本报讯(记者 周敏)3月2日,全市一季度重点项目集中开工。此次集中开工的38个项目总投资约215亿元。市长何建新宣布开工。");
        var ingested = await fixture.Api.PostAsync(Ingest,
            new { input = new { text = page, editionDate = "2024-03-03", newspaper = "宜昌日报", page = 1 } }, apiKey: KeyedArchiveApiFactory.Key);
        Assert.True((bool)ingested.Json["data"]!["ingestPage"]!["created"]!, ingested.ToString());

        var response = await fixture.Api.PostAsync(Facts, new { newspaper = "宜昌日报" });

        Assert.Null(response.Json["errors"]);
        var edition = Assert.Single(response.Json["data"]!["editions"]!["nodes"]!.AsArray())!;
        Assert.Equal("2024-03-03", (string?)edition["date"]);
        var facts = edition["facts"]!.AsArray().Select(f => (
            (int)f!["articleOrdinal"]!, (string)f["label"]!, (decimal)f["value"]!, (string)f["unit"]!, (string)f["qualifier"]!, (string)f["printed"]!)).ToList();
        Assert.Equal(
            [(2, "项目总投资", 21500000000m, "CNY", "APPROXIMATELY", "38个项目总投资约215亿元"), (2, "项目数", 38m, "个", "EXACT", "38个项目总投资约215亿元")],
            facts);
    }

    [Fact]
    public async Task An_edition_without_group_totals_has_an_empty_list()
    {
        var response = await fixture.Api.PostAsync("{ editions(where: { newspaper: { eq: \"太原日报\" } }) { nodes { page facts { label } } } }");

        Assert.Null(response.Json["errors"]);
        Assert.All(response.Json["data"]!["editions"]!["nodes"]!.AsArray(), e => Assert.Empty(e!["facts"]!.AsArray()));
    }
}
