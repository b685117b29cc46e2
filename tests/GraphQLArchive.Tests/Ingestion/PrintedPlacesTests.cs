using GraphQLArchive.Ingestion.Extraction;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>The one pass over the gazetteer that counts the places a report prints, which the home place is guessed from.</summary>
public class PrintedPlacesTests
{
    [Fact]
    public void Every_place_name_that_starts_at_a_position_counts_and_a_name_that_straddles_an_office_does_not()
    {
        var printed = Gazetteer.PrintedNames("朝阳县、朝阳区和朝阳市的干部与副州长沙学文座谈。", HomePlace.StraddlesOffice);

        Assert.Equal(3, printed["朝阳"]);
        Assert.Equal(1, printed["朝阳县"]);
        Assert.Equal(1, printed["朝阳区"]);
        Assert.False(printed.ContainsKey("长沙"));
    }
}
