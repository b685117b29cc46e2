using GraphQLArchive.Ingestion.Pages;
using static GraphQLArchive.Tests.Ingestion.SeedFiles;

namespace GraphQLArchive.Tests.Ingestion;

public class PageParserTests
{
    private static readonly DateOnly Edition = new(2021, 8, 2);

    [Fact]
    public void Reads_full_width_brackets()
    {
        var article = Assert.Single(PageParser.Parse(Page("张新伟调研城市更新", "本报讯（记者 赵继钊 丁洁）8月1日，市长张新伟调研城市更新工作。"), Edition).Articles);

        Assert.Equal("本报讯（记者 赵继钊 丁洁）", article.Byline);
        Assert.Equal(["赵继钊", "丁洁"], article.Journalists);
        Assert.Equal(["8月1日，市长张新伟调研城市更新工作。"], article.Paragraphs);
    }

    [Fact]
    public void Reads_half_width_brackets_and_a_role_word_per_name()
    {
        var article = Assert.Single(PageParser.Parse(Page("张新伟调研城市更新", "本报讯(记者 赵继钊 通讯员 王涛)8月1日,市长张新伟调研。"), Edition).Articles);

        Assert.Equal("本报讯(记者 赵继钊 通讯员 王涛)", article.Byline);
        Assert.Equal(["赵继钊", "王涛"], article.Journalists);
        Assert.Equal("8月1日,市长张新伟调研。", article.Paragraphs[0]);
    }

    [Fact]
    public void Reads_a_byline_without_credits()
    {
        var article = Assert.Single(PageParser.Parse(Page("全市防汛工作会议召开", "本报讯 8月1日,全市防汛工作会议召开。"), Edition).Articles);

        Assert.Equal("本报讯", article.Byline);
        Assert.Empty(article.Journalists);
        Assert.Equal("8月1日,全市防汛工作会议召开。", article.Paragraphs[0]);
    }

    [Fact]
    public void Reads_an_article_without_subheadline()
    {
        var article = Assert.Single(PageParser.Parse(Page("罗清宇走访慰问驻并部队", "本报讯(记者 丁洁)8月1日,罗清宇走访慰问部队官兵。"), Edition).Articles);

        Assert.Equal("罗清宇走访慰问驻并部队", article.Headline);
        Assert.Null(article.Subheadline);
        Assert.Null(article.Kicker);
    }

    [Fact]
    public void Reads_kicker_headline_and_subheadline_from_three_title_lines()
    {
        var article = Assert.Single(PageParser.Parse(Page("奋力谱写高质量发展新篇章", "一批重点项目开工投产", "罗清宇张新伟出席", "本报讯(记者 丁洁)7月30日,一批重点项目开工。"), Edition).Articles);

        Assert.Equal("奋力谱写高质量发展新篇章", article.Kicker);
        Assert.Equal("一批重点项目开工投产", article.Headline);
        Assert.Equal("罗清宇张新伟出席", article.Subheadline);
    }

    [Fact]
    public void Lifts_a_caption_that_interrupts_a_sentence_and_joins_the_sentence_back()
    {
        var article = Assert.Single(PageParser.Parse(Page(
            "一批项目开工",
            "本报讯(记者 丁洁)7月30日,罗清宇听取介绍,对",
            "图为开工仪式现场。",
            "本报记者 梁琛 摄",
            "项目建设速度给予肯定。"), Edition).Articles);

        Assert.Equal(["7月30日,罗清宇听取介绍,对项目建设速度给予肯定。"], article.Paragraphs);
        Assert.Equal([new ParsedPhoto("图为开工仪式现场。", "梁琛")], article.Photos);
    }

    [Fact]
    public void Lifts_a_caption_with_its_credit_on_the_same_line()
    {
        var article = Assert.Single(PageParser.Parse(Page(
            "一批项目开工",
            "本报讯(记者 丁洁)7月30日,一批项目开工。",
            "图为开工仪式现场。梁琛 摄",
            "项目总投资52亿元。"), Edition).Articles);

        Assert.Equal(["7月30日,一批项目开工。", "项目总投资52亿元。"], article.Paragraphs);
        Assert.Equal([new ParsedPhoto("图为开工仪式现场。", "梁琛")], article.Photos);
    }

    [Fact]
    public void A_short_fragment_after_a_column_break_is_not_a_headline()
    {
        var page = PageParser.Parse(Page(
            "罗清宇察看项目",
            "本报讯(记者 丁洁)7月30日,罗清宇听取介绍,",
            "对",
            "项目建设给予肯定。"), Edition);

        var article = Assert.Single(page.Articles);
        Assert.Equal(["7月30日,罗清宇听取介绍,对项目建设给予肯定。"], article.Paragraphs);
    }

    [Fact]
    public void A_fragment_continuing_the_previous_sentence_is_not_a_kicker()
    {
        var page = PageParser.Parse(Page(
            "罗清宇察看项目",
            "本报讯(记者 丁洁)7月30日,罗清宇听取介绍,",
            "对",
            "张新伟调研城市更新",
            "市长强调加快进度",
            "本报讯(记者 赵继钊)7月30日,张新伟调研。"), Edition);

        Assert.Equal(2, page.Articles.Count);
        Assert.Equal("7月30日,罗清宇听取介绍,对", page.Articles[0].Paragraphs[^1]);
        Assert.Null(page.Articles[1].Kicker);
        Assert.Equal("张新伟调研城市更新", page.Articles[1].Headline);
        Assert.Equal("市长强调加快进度", page.Articles[1].Subheadline);
    }

    [Fact]
    public void Parses_an_article_that_ends_the_page()
    {
        var text = Page("罗清宇主持召开专题会议", "本报讯(记者 丁洁)7月29日,罗清宇主持会议。", "会议强调要压实责任。")
            + "\n张新伟调研城市更新\n\n本报讯(记者 赵继钊)7月30日,张新伟调研城市更新工作"; // no final newline, no full stop

        var page = PageParser.Parse(text, Edition);

        Assert.Equal(2, page.Articles.Count);
        Assert.Equal(["7月29日,罗清宇主持会议。", "会议强调要压实责任。"], page.Articles[0].Paragraphs);
        Assert.Equal(["7月30日,张新伟调研城市更新工作"], page.Articles[1].Paragraphs);
        Assert.Equal(2, page.Articles[1].Ordinal);
    }

    [Fact]
    public void Ignores_carriage_returns_and_full_width_indents()
    {
        var text = "罗清宇主持召开专题会议\r\n\r\n本报讯(记者 丁洁)7月29日,罗清宇主持会议,全面梳理所有环\r\n\r\n\u3000\u3000节。\r\n";

        var article = Assert.Single(PageParser.Parse(text, Edition).Articles);

        Assert.Equal(["7月29日,罗清宇主持会议,全面梳理所有环节。"], article.Paragraphs);
    }

    [Fact]
    public void A_quote_ending_mid_sentence_does_not_end_the_paragraph()
    {
        var article = Assert.Single(PageParser.Parse(Page(
            "罗清宇察看项目",
            "本报讯(记者 丁洁)7月30日,项目创造了“太原速度”",
            "得到充分肯定。他说:“要加快建设。”",
            "企业负责人表示赞誉。"), Edition).Articles);

        Assert.Equal(["7月30日,项目创造了“太原速度”得到充分肯定。他说:“要加快建设。”", "企业负责人表示赞誉。"], article.Paragraphs);
    }

    [Fact]
    public void A_December_date_in_a_January_edition_is_last_year()
    {
        var article = Assert.Single(PageParser.Parse(Page("全市经济工作会议召开", "本报讯(记者 丁洁)12月30日,全市经济工作会议召开。"), new DateOnly(2022, 1, 2)).Articles);

        Assert.Equal(new DateOnly(2021, 12, 30), article.EventDate);
    }

    [Fact]
    public void A_date_on_the_edition_day_is_this_year()
    {
        var article = Assert.Single(PageParser.Parse(Page("全市经济工作会议召开", "本报讯(记者 丁洁)1月2日,全市经济工作会议召开。"), new DateOnly(2022, 1, 2)).Articles);

        Assert.Equal(new DateOnly(2022, 1, 2), article.EventDate);
    }

    [Fact]
    public void Event_date_is_null_when_the_lead_has_none()
    {
        var article = Assert.Single(PageParser.Parse(Page("全市经济工作会议召开", "本报讯(记者 丁洁)近日,全市经济工作会议召开。", "会议于7月6日筹备。"), Edition).Articles);

        Assert.Null(article.EventDate);
    }

    [Theory]
    [InlineData("本报讯 近日,副市长高岚到企业调研。3月5日,调研组还走访了园区。")]
    [InlineData("本报讯 近日,副市长高岚到企业调研。", "3月5日,调研组还走访了园区。")]
    public void A_lead_told_undated_stays_undated_whether_the_next_date_is_in_its_paragraph_or_the_next(params string[] body)
    {
        var article = Assert.Single(PageParser.Parse(Page(["副市长到企业调研", .. body]), new DateOnly(2024, 3, 8)).Articles);

        Assert.Null(article.EventDate);
    }

    [Fact]
    public void A_sentence_that_sets_the_scene_gives_way_to_the_date_that_opens_the_next()
    {
        var article = Assert.Single(PageParser.Parse(Page("副市长到企业调研", "本报讯 春耕时节,田间地头一片繁忙。3月5日,副市长高岚到企业调研。"), new DateOnly(2024, 3, 8)).Articles);

        Assert.Equal(new DateOnly(2024, 3, 5), article.EventDate);
    }

    [Fact]
    public void A_page_with_no_report_in_it_has_no_articles()
    {
        Assert.Empty(PageParser.Parse(Page("太原日报", "今日八版"), Edition).Articles);
    }
}
