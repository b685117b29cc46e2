using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using static GraphQLArchive.Ingestion.Mentions.AppearanceRole;
using static GraphQLArchive.Tests.Ingestion.SeedFiles;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>The forms of issue 9: reports as city and provincial papers print them, and officials as they list them.</summary>
public class RealPagesTests
{
    private static readonly DateOnly Edition = new(2023, 5, 13);

    private static ParsedArticle Single(params string[] blocks) => Assert.Single(PageParser.Parse(Page(blocks), Edition).Articles);

    private static IReadOnlyList<OfficialMention> Officials(string newspaper, params string[] blocks)
    {
        var extraction = EntityExtractor.ExtractPage(PageParser.Parse(Page(blocks), Edition), newspaper);
        return extraction.Articles.SelectMany(a => a.Officials).ToList();
    }

    [Theory]
    [InlineData("本报记者 郝文静 报道", "郝文静")]
    [InlineData("记者 鲍宇航 通讯员 戚文博", "鲍宇航,戚文博")]
    public void A_credit_line_of_its_own_is_the_byline_not_a_headline(string credit, string journalists)
    {
        var article = Single("市领导调研城市更新项目", credit, "5月12日,副市长张强调研城市更新工作。");

        Assert.Equal("市领导调研城市更新项目", article.Headline);
        Assert.Null(article.Subheadline);
        Assert.Equal(journalists.Split(','), article.Journalists);
        Assert.Equal(new DateOnly(2023, 5, 12), article.EventDate);
    }

    [Theory]
    [InlineData("新华社南京5月12日电(记者 颜明)12日,推进会在南京召开。", "新华社南京5月12日电(记者 颜明)", "颜明")]
    [InlineData("本报太原5月12日讯(记者 苗青)省政府召开常务会议。", "本报太原5月12日讯(记者 苗青)", "苗青")]
    [InlineData("大同日报讯(记者 安国强)5月12日,会议召开。", "大同日报讯(记者 安国强)", "安国强")]
    public void A_dateline_of_any_paper_opens_the_lead(string lead, string byline, string journalist)
    {
        var article = Single("会议召开", lead);

        Assert.Equal(byline, article.Byline);
        Assert.Equal([journalist], article.Journalists);
        Assert.Equal(new DateOnly(2023, 5, 12), article.EventDate);
        Assert.DoesNotContain("电", article.Paragraphs[0][..2]);
    }

    [Fact]
    public void A_closing_credit_is_lifted_off_the_last_paragraph_and_the_next_report_still_starts()
    {
        var page = PageParser.Parse(Page("市人大常委会召开主任会议", "5月12日,市人大常委会主任尚立新主持召开主任会议。(记者 荆晓东)",
            "高新区举行项目签约", "5月12日,高新区举行重点项目集中签约活动。"), Edition);

        Assert.Equal(["市人大常委会召开主任会议", "高新区举行项目签约"], page.Articles.Select(a => a.Headline));
        Assert.Equal(["荆晓东"], page.Articles[0].Journalists);
        Assert.Equal("5月12日,市人大常委会主任尚立新主持召开主任会议。", page.Articles[0].Paragraphs.Single());
    }

    [Fact]
    public void A_page_may_open_with_a_dateline_and_no_headline()
    {
        var page = PageParser.Parse(Page("本报讯(记者 蒲晓)5月12日,市委书记范振宇到新津区调研。", "范振宇察看项目建设情况。",
            "市政协召开专题协商会", "本报讯(记者 蒲晓)5月12日,市政协主席苟文杰主持召开专题协商会。"), Edition);

        Assert.Equal(["", "市政协召开专题协商会"], page.Articles.Select(a => a.Headline));
        Assert.Equal(2, page.Articles[0].Paragraphs.Count);
    }

    [Fact]
    public void A_section_heading_inside_a_report_does_not_start_another()
    {
        var page = PageParser.Parse(Page("全市经济工作会议召开", "本报讯 5月12日,全市经济工作会议召开。", "坚持项目为王", "会议要求,要压实各方责任。"), Edition);

        Assert.Single(page.Articles);
    }

    [Theory]
    [InlineData("12日,会议召开。", "2023-05-12")]
    [InlineData("26日,会议召开。", "2023-04-26")]
    [InlineData("昨日,会议召开。", "2023-05-12")]
    [InlineData("前日,会议召开。", "2023-05-11")]
    [InlineData("今日上午,会议召开。", "2023-05-13")]
    [InlineData("五月十二日,会议召开。", "2023-05-12")]
    [InlineData("2022年12月30日,会议召开。", "2022-12-30")]
    [InlineData("在5月6日督导活动中提出要求后,5月12日,会议召开。", "2023-05-12")]
    [InlineData("继5月6日一批项目开工后,5月12日上午,又一批项目开工。", "2023-05-12")]
    public void The_event_date_is_the_main_event_s(string lead, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Single("会议召开", "本报讯 " + lead).EventDate);
    }

    [Fact]
    public void A_title_printed_once_before_a_list_belongs_to_every_name_in_it()
    {
        var mentions = Officials("太原日报", "会议召开", "本报讯 5月12日,市长欧阳明哲主持会议。市人大常委会副主任于川、卢展明、秦军,副市长张强出席。");

        foreach (var name in new[] { "于川", "卢展明", "秦军" })
        {
            var mention = mentions.Single(m => m.Name == name);
            Assert.Equal(["市人大常委会副主任"], mention.Titles);
            Assert.Equal("太原市人大常委会", mention.Positions.Single().Organization);
            Assert.Equal(Attended, mention.Role);
        }
        Assert.Equal(["副市长"], mentions.Single(m => m.Name == "张强").Titles);
    }

    [Theory]
    [InlineData("省领导")]
    [InlineData("县领导")]
    [InlineData("区领导")]
    [InlineData("省党政军领导")]
    public void A_leadership_phrase_lists_officials_without_titles(string phrase)
    {
        var mentions = Officials("山西日报", "会议召开", $"本报讯 5月12日,省长蓝振宇主持会议。{phrase}祁东升、万立国、臧晓红参加。");

        Assert.Equal(["蓝振宇", "祁东升", "万立国", "臧晓红"], mentions.Select(m => m.Name));
        Assert.All(mentions.Skip(1), m => { Assert.Empty(m.Titles); Assert.Equal(Attended, m.Role); });
    }

    [Fact]
    public void Any_surname_compound_surnames_four_character_names_and_names_ending_in_qiang_are_read()
    {
        var mentions = Officials("太原日报", "会议召开",
            "本报讯 5月12日,市委书记欧阳明哲主持会议。副市长鹿鸣、尉建平、楼小川、储志远、水建国、张强、周强,市政府秘书长刘予强,市委副书记司马文清参加。");

        Assert.Equal(["欧阳明哲", "鹿鸣", "尉建平", "楼小川", "储志远", "水建国", "张强", "周强", "刘予强", "司马文清"], mentions.Select(m => m.Name));
    }

    [Theory]
    [InlineData("市人大常委会主任申慧敏", "市人大常委会主任", "太原市人大常委会")]
    [InlineData("市政协主席冀东升", "市政协主席", "政协太原市委员会")]
    [InlineData("常务副市长雍志斌", "常务副市长", "太原市人民政府")]
    [InlineData("市纪委书记邵明山", "市纪委书记", "中共太原市纪委")]
    [InlineData("市应急管理局局长邱立新", "市应急管理局局长", "太原市应急管理局")]
    [InlineData("市人民检察院检察长封晓东", "市人民检察院检察长", "太原市人民检察院")]
    [InlineData("阳曲县委书记沙晓军", "阳曲县委书记", "中共阳曲县委")]
    [InlineData("晋城市委书记牟德胜", "晋城市委书记", "中共晋城市委")]
    public void A_title_gets_the_organization_of_the_lexicon_s_template(string printed, string title, string organization)
    {
        var mention = Assert.Single(Officials("太原日报", "会议召开", $"本报讯 5月12日,{printed}出席会议。"));

        Assert.Equal(new NormalizedTitle(title, mention.Positions.Single().Title, organization), mention.Positions.Single() with { Printed = title });
    }

    [Fact]
    public void A_bare_title_continues_the_body_before_it_and_a_place_named_in_the_chain_holds_for_the_sentence()
    {
        var mentions = Officials("杭州日报", "会议召开",
            "本报讯 5月12日,市委常委、组织部部长汤晓霞,市委常委、纪委书记、监委主任邵明山出席。余杭区委副书记、区长晏菲,晋城市委书记牟德胜,市长邰红陪同。");
        string[] Organizations(string name) => mentions.Single(m => m.Name == name).Positions.Select(p => p.Organization ?? "-").ToArray();

        Assert.Equal(["中共杭州市委", "中共杭州市委组织部"], Organizations("汤晓霞"));
        Assert.Equal(["中共杭州市委", "中共杭州市纪委", "杭州市监委"], Organizations("邵明山"));
        Assert.Equal(["中共余杭区委", "余杭区人民政府"], Organizations("晏菲"));
        Assert.Equal(["晋城市人民政府"], Organizations("邰红"));
    }

    [Theory]
    [InlineData("市委书记钟立群来到海曙区、鄞州区,看望慰问困难群众。", Visited)]
    [InlineData("市委书记钟立群率队赴绍兴考察学习。", Visited)]
    [InlineData("市委书记钟立群会见了客人一行,双方举行会谈。", Met)]
    [InlineData("市委书记钟立群在座谈会上作报告。", Spoke)]
    [InlineData("市委书记钟立群出席并致辞。", Spoke)]
    [InlineData("市委书记钟立群列席会议。", Attended)]
    [InlineData("市委书记钟立群主持会议并讲话。", Presided)]
    public void The_role_comes_from_the_verb_that_governs_the_name(string sentence, AppearanceRole role)
    {
        Assert.Equal(role, Assert.Single(Officials("宁波日报", "会议召开", "本报讯 5月12日," + sentence)).Role);
    }

    [Fact]
    public void The_object_of_a_meeting_verb_met_too()
    {
        var mentions = Officials("郑州日报", "会见客人", "本报讯 5月12日,市委书记聂天佑会见了中国建筑集团有限公司副总经理上官文涛一行。");

        Assert.Equal([Met, Met], mentions.Select(m => m.Role));
        Assert.Equal("中国建筑集团有限公司", mentions[1].Positions.Single().Organization);
    }

    [Fact]
    public void A_list_before_the_verb_shares_it_across_commas()
    {
        var mentions = Officials("太原日报", "会议召开",
            "本报讯 5月12日,市委书记韩立峰主持会议。市委副书记、市长欧阳明哲,市人大常委会主任申慧敏、市政协主席冀东升,副市长张强、储志远出席。");

        Assert.All(mentions.Skip(1), m => Assert.Equal(Attended, m.Role));
        Assert.Equal(6, mentions.Count);
    }

    [Fact]
    public void Words_before_a_title_are_not_part_of_it()
    {
        var mentions = Officials("大同日报", "会见客人", "本报讯 5月12日,市委书记卢振邦在市委会见了中化能源集团有限公司董事长宫立言一行。");

        Assert.Equal(["中化能源集团有限公司董事长"], mentions.Single(m => m.Name == "宫立言").Titles);
    }

    [Fact]
    public void Groups_of_projects_and_totals_are_not_projects_and_a_total_is_nobody_s_figure()
    {
        var extraction = EntityExtractor.ExtractPage(PageParser.Parse(Page("一批重点项目集中开工",
            "本报讯 5月12日,一批重点项目集中开工。此次开工的45个项目总投资326亿元。深化转型项目持续推进。",
            "其中,洛阳伊滨科技城二期项目总投资36亿元;中航光电洛阳产业园项目总投资21亿元,占地面积约300亩。"), Edition), "洛阳日报");

        Assert.Equal(["洛阳伊滨科技城二期项目", "中航光电洛阳产业园项目"], extraction.Registry.Projects.Select(p => p.Name));
        Assert.Equal([3600000000m], extraction.Registry.Projects[0].Facts.Select(f => f.Value));
        Assert.Equal([2100000000m, 300m], extraction.Registry.Projects[1].Facts.Select(f => f.Value));
    }

    [Fact]
    public void The_newspaper_names_the_home_city_even_when_the_text_names_another_more()
    {
        var mention = Assert.Single(Officials("长治日报", "太原客商来访", "本报讯 5月12日,太原客商来访,太原、太原。市委书记郑东来会见客人。"));

        Assert.Equal("中共长治市委", mention.Positions.Single().Organization);
    }

    [Fact]
    public void A_list_reads_a_surname_the_lexicon_lacks_and_a_name_ending_in_a_conjunction_before_a_comma()
    {
        var mentions = Officials("太原日报", "会议召开", "本报讯 5月12日,市人大常委会副主任陈斌、蓝进和,市领导犰遂民、王冬梅等列席会议。");

        Assert.Equal(["陈斌", "蓝进和", "犰遂民", "王冬梅"], mentions.Select(m => m.Name));
        Assert.All(mentions, m => Assert.Equal(Attended, m.Role));
    }

    [Fact]
    public void Whoever_presided_anywhere_in_the_report_presided()
    {
        var mentions = Officials("太原日报", "会议召开", "本报讯 5月12日,市人大常委会主任蔡梅生、市委副书记林乃平出席会议,会议由蔡梅生主持。");

        Assert.Equal([Presided, Attended], mentions.Select(m => m.Role));
    }

    [Fact]
    public void Without_a_newspaper_a_dateline_naming_one_gives_the_home_place()
    {
        var extraction = EntityExtractor.ExtractPage(PageParser.Parse(Page("省领导会见客人", "浙江日报北京5月12日电 12日,在北京,省长娄勤民会见客人。北京、北京。"), Edition));

        Assert.Equal("浙江省", extraction.Home.Province);
        Assert.Equal("浙江省人民政府", extraction.Articles.Single().Officials.Single().Positions.Single().Organization);
    }

    [Theory]
    [InlineData("此次集中开工的45个项目总投资326亿元。", 45, 32600000000)]
    [InlineData("现场签约项目9个,总投资78亿元。", 9, 7800000000)]
    [InlineData("共签约重大产业项目26个,计划总投资412亿元。", 26, 41200000000)]
    public void A_total_for_a_group_of_projects_is_an_edition_fact(string sentence, int count, long total)
    {
        var facts = EditionFacts.Find(PageParser.Parse(Page("项目签约", "本报讯 5月12日,项目集中签约。" + sentence), Edition));

        Assert.Equal([("项目数", (decimal)count), ("项目总投资", (decimal)total)], facts.Select(f => (f.Label, f.Value)));
    }

    [Fact]
    public void An_office_that_begins_a_longer_word_is_no_title_but_one_a_word_only_straddles_is()
    {
        var mentions = Officials("宜昌日报", "会议召开", "本报讯 5月12日,县人大常委会主任何明远,县政协主席谢兰在主席台前排就座。");

        Assert.Equal(["何明远", "谢兰"], mentions.Select(m => m.Name));
        Assert.All(mentions, m => Assert.Equal(Attended, m.Role));
    }

    [Fact]
    public void A_bare_office_after_an_unknown_body_is_that_body_s_and_a_body_of_the_committee_is_named_under_it()
    {
        var mentions = Officials("山西日报", "会议召开",
            "本报讯 5月12日,省人民检察院检察长杨景海,省武警总队司令员曾友成、政委李清涛,省委教育工作领导小组组长张春林出席。");
        string Organization(string name) => mentions.Single(m => m.Name == name).Positions.Single().Organization ?? "-";

        Assert.Equal("山西省武警总队", Organization("李清涛"));
        Assert.Equal("中共山西省委教育工作领导小组", Organization("张春林"));
    }

    [Fact]
    public void Today_in_a_datelined_report_is_the_dateline_s_day_and_a_list_led_in_by_de_you_runs_past_semicolons()
    {
        var page = PageParser.Parse(Page("团拜会举行", "本报5月10日讯(记者贺锴)今天上午,团拜会举行。出席团拜会的有省领导金银焕、方文平;省高级人民法院院长左世忠。"), Edition);
        var mentions = EntityExtractor.ExtractPage(page, "山西日报").Articles.Single().Officials;

        Assert.Equal(new DateOnly(2023, 5, 10), page.Articles.Single().EventDate);
        Assert.All(mentions, m => Assert.Equal(Attended, m.Role));
        Assert.Equal(3, mentions.Count);
    }

    [Fact]
    public void A_verb_after_a_later_name_in_the_clause_is_that_name_s()
    {
        var mentions = Officials("太原日报", "市领导调研",
            "本报讯 5月12日,副市长、市政府党组成员张齐山一行在市城市建设管理中心主任尹钥的陪同下,深入施工现场进行调研。");

        Assert.Equal([("张齐山", Visited), ("尹钥", Accompanied)], mentions.Select(m => (m.Name, m.Role)));
    }

    [Fact]
    public void Names_joined_by_a_conjunction_share_the_verb()
    {
        var mentions = Officials("太原日报", "座谈", "本报讯 5月12日,市委书记罗清宇与中国铁建股份有限公司总裁庄尚标一行举行工作座谈。");

        Assert.All(mentions, m => Assert.Equal(Met, m.Role));
        Assert.Equal(2, mentions.Count);
    }
}
