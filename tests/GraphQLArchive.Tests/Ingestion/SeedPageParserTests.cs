using GraphQLArchive.Ingestion.Pages;

namespace GraphQLArchive.Tests.Ingestion;

public class SeedPageParserTests
{
    private static readonly ParsedPage Page = PageParser.Parse(SeedFiles.SeedPageText, SeedFiles.SeedEditionDate);

    [Fact]
    public void Finds_three_articles_in_print_order()
    {
        Assert.Equal(
            ["罗清宇主持召开专题会议", "罗清宇张新伟走访慰问驻并部队", "尖草坪区中北高新区一批重点项目开工投产"],
            Page.Articles.Select(a => a.Headline));
        Assert.Equal([1, 2, 3], Page.Articles.Select(a => a.Ordinal));
    }

    [Fact]
    public void Reads_subheadlines_and_no_kickers()
    {
        Assert.Equal(
            ["坚持问题导向 严格责任落实 扎实做好疫情防控和防汛减灾各项工作", null, "罗清宇张新伟出席"],
            Page.Articles.Select(a => a.Subheadline));
        Assert.All(Page.Articles, a => Assert.Null(a.Kicker));
    }

    [Fact]
    public void Reads_bylines_as_printed_and_journalists()
    {
        Assert.Equal(
            ["本报讯(记者 赵继钊 殷雪莺)", "本报讯(记者 赵继钊 殷雪莺 丁洁)", "本报讯(记者 赵继钊 殷雪莺)"],
            Page.Articles.Select(a => a.Byline));
        Assert.Equal(["赵继钊", "殷雪莺"], Page.Articles[0].Journalists);
        Assert.Equal(["赵继钊", "殷雪莺", "丁洁"], Page.Articles[1].Journalists);
        Assert.Equal(["赵继钊", "殷雪莺"], Page.Articles[2].Journalists);
    }

    [Fact]
    public void Dates_each_report_from_its_lead()
    {
        Assert.Equal(
            [new DateOnly(2021, 7, 29), new DateOnly(2021, 7, 29), new DateOnly(2021, 7, 30)],
            Page.Articles.Select(a => a.EventDate));
    }

    [Fact]
    public void Lead_paragraph_is_the_text_after_the_byline()
    {
        Assert.StartsWith("7月29日,省委常委、市委书记罗清宇主持召开专题会议", Page.Articles[0].Paragraphs[0]);
        Assert.StartsWith("7月29日,在“八一”建军节来临之际", Page.Articles[1].Paragraphs[0]);
        Assert.StartsWith("继我市工业、基础设施、服务业", Page.Articles[2].Paragraphs[0]);
    }

    [Fact]
    public void Keeps_paragraphs_apart_and_the_trailing_paragraph()
    {
        Assert.Equal([4, 4, 5], Page.Articles.Select(a => a.Paragraphs.Count));
        Assert.Equal("市直有关部门,尖草坪区、中北高新技术产业开发区负责同志参加。", Page.Articles[2].Paragraphs[^1]);
        Assert.Equal("会议以电视电话会议形式召开,市直各有关部门主要负责同志在主会场参加。各县(市、区)设分会场。", Page.Articles[0].Paragraphs[^1]);
    }

    [Theory]
    [InlineData(1, "所有环节、发热门诊")]
    [InlineData(1, "主动接种、及早接种")]
    [InlineData(1, "坚决消除各类安全隐患")]
    [InlineData(2, "了解部队建制沿革")]
    [InlineData(2, "罗清宇听取部队基本情况")]
    [InlineData(2, "争创全国双拥模范城")]
    [InlineData(3, "听取项目建设情况介绍,对项目从签约落地到建成投产")]
    [InlineData(3, "要强化服务保障")]
    public void Joins_words_split_by_column_breaks(int ordinal, string joined)
    {
        var article = Page.Articles.Single(a => a.Ordinal == ordinal);
        Assert.Contains(article.Paragraphs, p => p.Contains(joined, StringComparison.Ordinal));
    }

    [Fact]
    public void No_paragraph_ends_mid_sentence()
    {
        Assert.All(Page.Articles.SelectMany(a => a.Paragraphs), p => Assert.EndsWith("。", p));
    }

    [Fact]
    public void Lifts_the_photo_caption_out_of_the_text()
    {
        var photo = Assert.Single(Page.Articles[2].Photos);
        Assert.Equal(new ParsedPhoto("图为奠基仪式现场。", "梁琛"), photo);
        Assert.Empty(Page.Articles[0].Photos);
        Assert.Empty(Page.Articles[1].Photos);
        Assert.All(Page.Articles.SelectMany(a => a.Paragraphs), p =>
        {
            Assert.DoesNotContain("图为", p);
            Assert.DoesNotContain("摄", p);
        });
    }

    [Fact]
    public void Titles_never_leak_into_the_previous_article()
    {
        var allParagraphs = Page.Articles.SelectMany(a => a.Paragraphs).ToList();
        Assert.DoesNotContain(allParagraphs, p => p.Contains("本报讯", StringComparison.Ordinal));
        Assert.DoesNotContain(allParagraphs, p => p.Contains("罗清宇张新伟走访慰问驻并部队", StringComparison.Ordinal));
        Assert.EndsWith("共同谱写军政军民团结新篇章。", Page.Articles[1].Paragraphs[2]);
    }
}
