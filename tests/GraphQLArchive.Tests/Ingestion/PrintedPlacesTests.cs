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

    [Fact]
    public void A_district_printed_by_its_stem_alone_is_the_report_s_district_when_nothing_else_places_it()
    {
        const string text = "区委书记冯建军主持会议。会议强调,要奋力谱写雁塔发展新篇章。";

        Assert.Equal("雁塔区", HomePlace.Of("yanta.gov.cn", text).ForReport(text).District);
    }

    [Fact]
    public void A_stem_inside_a_town_s_name_or_on_a_county_s_own_paper_places_nothing()
    {
        const string text = "县委书记杜向前深入化北屯乡看望慰问困难群众。";

        Assert.Null(HomePlace.Of("example.gov.cn", text).ForReport(text).County);
        var ownPaper = HomePlace.Of("宁武县融媒体中心", text + "谱写雁塔发展新篇章。").ForReport(text + "谱写雁塔发展新篇章。");
        Assert.Equal("宁武县", ownPaper.County);
        Assert.Null(ownPaper.District);
    }
}
