using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Pages;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>Reports copied from news and government sites, with the site's menus and buttons around them.</summary>
public class WebPageTests
{
    private static readonly DateOnly Edition = new(2024, 6, 5);

    [Fact]
    public void A_sites_menu_breadcrumb_and_buttons_are_not_the_report()
    {
        var text = string.Join("\n", "首页", "新闻中心", "县区动态", "图片新闻", "当前位置:首页 > 新闻中心 > 县区动态",
            "县委召开理论学习中心组学习会", "发布时间:2024-06-05 09:12  来源:县融媒体中心  浏览次数:",
            "6月4日,县委书记冯立成主持召开县委理论学习中心组学习会。", "图片", "分享到:", "【打印本页】【关闭窗口】");

        var article = Assert.Single(PageParser.Parse(text, Edition).Articles);

        Assert.Equal("县委召开理论学习中心组学习会", article.Headline);
        Assert.Equal(["6月4日,县委书记冯立成主持召开县委理论学习中心组学习会。"], article.Paragraphs);
        Assert.Equal(new DateOnly(2024, 6, 4), article.EventDate);
    }

    [Fact]
    public void What_follows_the_related_news_is_dropped_and_a_forum_header_is_no_headline()
    {
        var text = string.Join("\n", "楼主", "普通会员 TA的每日心情 | 开心 2024-6-1 10:00 |", "---|",
            "6月4日,区委书记冯立成调研城市更新工作。(记者 何晓)", "新闻推荐", "区长曾说,这里的夜市很热闹。");

        var article = Assert.Single(PageParser.Parse(text, Edition).Articles);

        Assert.Equal("", article.Headline);
        Assert.Equal(["6月4日,区委书记冯立成调研城市更新工作。"], article.Paragraphs);
    }

    [Fact]
    public void A_report_without_headline_or_dateline_may_open_with_a_clause_before_its_date()
    {
        var article = Assert.Single(PageParser.Parse("为推进乡村振兴,6月3日,县长冯立成带队赴邻县考察学习。\n考察组一行先后参观了三个村。", Edition).Articles);

        Assert.Equal(new DateOnly(2024, 6, 3), article.EventDate);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("州委副书记、州长沙马伍各出席。", "沙马伍各")]
    [InlineData("苏木党委书记斯琴图雅介绍了工作。", "斯琴图雅")]
    [InlineData("州人大常委会主任阿苏尔布,州政协主席何晓燕出席。", "阿苏尔布")]
    public void Names_of_four_and_five_characters_are_read_after_a_title(string sentence, string name)
    {
        var found = EntityExtractor.Extract(PageParser.Parse($"州委召开会议\n\n本报讯 6月4日,州委书记吉克阿呷主持召开会议。{sentence}", Edition), newspaper: "凉山日报");

        Assert.Contains(name, found.Officials.Select(o => o.Name));
    }

    [Fact]
    public void A_verb_after_a_name_is_not_read_into_a_long_name()
    {
        var found = EntityExtractor.Extract(PageParser.Parse("市委召开会议\n\n本报讯 6月4日,市委书记李明强调,要抓好安全生产。", Edition), newspaper: "太原日报");

        Assert.Equal(["李明"], found.Officials.Select(o => o.Name));
    }

    [Fact]
    public void Titles_joined_by_jian_are_two_and_a_prefix_that_names_the_report_is_cut()
    {
        var extraction = EntityExtractor.ExtractPage(PageParser.Parse(
            "岐山县推进物流建设\n\n本报讯 6月4日,该县县委副书记、县长刘晓川带队考察。副县长兼县商务局局长陈雨,县政府办主任吴思远参加。受县委书记周建华委托,刘晓川讲话。", Edition), "宝鸡日报");
        var titles = extraction.Articles.Single().Officials.ToDictionary(m => m.Name, m => m.Positions.Select(p => (p.Printed, p.Organization)).ToList());

        Assert.Equal([("县委副书记", "中共岐山县委"), ("县长", "岐山县人民政府")], titles["刘晓川"]);
        Assert.Equal([("副县长", "岐山县人民政府"), ("县商务局局长", "岐山县商务局")], titles["陈雨"]);
        Assert.Equal([("县政府办主任", "岐山县人民政府办公室")], titles["吴思远"]);
        Assert.Equal([("县委书记", "中共岐山县委")], titles["周建华"]);
    }
}
