using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using static GraphQLArchive.Ingestion.Mentions.AppearanceRole;
using static GraphQLArchive.Tests.Ingestion.SeedFiles;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>
/// Issue 9's causes of misses on real pages, each in a sentence of our own: names of the minorities' languages, titles
/// printed after a name, verbs that govern a whole list, the places of titles, projects without 项目, and lead dates.
/// </summary>
public class GeneralizationTests
{
    private static readonly DateOnly Edition = new(2023, 5, 13);

    private static PageExtraction Extract(string newspaper, params string[] blocks) =>
        EntityExtractor.ExtractPage(PageParser.Parse(Page(blocks), Edition), newspaper);

    private static IReadOnlyList<OfficialMention> Officials(string newspaper, params string[] blocks) =>
        Extract(newspaper, blocks).Articles.SelectMany(a => a.Officials).ToList();

    private static string? Organization(OfficialMention mention, string printed) =>
        mention.Positions.Single(p => p.Printed == printed).Organization;

    [Fact]
    public void Transliterated_names_are_read_whole_with_or_without_a_middle_dot()
    {
        var mentions = Officials("赤峰日报", "调研", "本报讯 5月12日,市委常委、秘书长乌力吉巴雅尔,副市长孟和巴图,州长艾尔肯·吐尔逊陪同调研。");

        Assert.Equal(["乌力吉巴雅尔", "孟和巴图", "艾尔肯·吐尔逊"], mentions.Select(m => m.Name));
        Assert.All(mentions, m => Assert.Equal(Accompanied, m.Role));
    }

    [Fact]
    public void A_name_printed_before_its_office_has_that_title()
    {
        var mention = Assert.Single(Officials("黄冈日报", "慰问", "本报讯 5月12日,万少华副市长一行到团风县走访慰问困难职工。"));

        Assert.Equal("万少华", mention.Name);
        Assert.Equal(["副市长"], mention.Titles);
        Assert.Equal("黄冈市人民政府", Organization(mention, "副市长"));
        Assert.Equal(Visited, mention.Role);
    }

    [Fact]
    public void A_place_is_not_read_across_an_office()
    {
        // A site that names no place: the home city is the one printed most, and 长沙 of 副州长沙… is not printed.
        var prefecture = Officials("门户网站", "州政府召开常务会议",
            "本报讯 5月12日,副州长沙学文主持会议。副州长沙建华出席。楚雄州各县市负责人参加会议。");
        Assert.Equal(["沙学文", "沙建华"], prefecture.Select(m => m.Name));
        Assert.All(prefecture, m => Assert.Equal("楚雄彝族自治州人民政府", Organization(m, "副州长")));

        // 代县 of 代县长 is not the report's county: this page prints none of its own (its body cannot be named).
        var county = Assert.Single(Officials("焦作日报", "县政府召开常务会议", "本报讯 5月12日,县委副书记、代县长孔德明主持召开县政府常务会议。"));
        Assert.Null(Organization(county, "代县长"));
    }

    [Fact]
    public void A_list_closed_by_a_nameless_group_shares_the_group_s_verb()
    {
        var mentions = Officials("海东日报", "常务会议召开",
            "本报讯 5月12日,市长才让多杰主持会议。副市长马文德、韩玉兰,市政府秘书长祁永林,各县区政府主要负责人参加会议。");

        Assert.Equal([Presided, Attended, Attended, Attended], mentions.Select(m => m.Role));
    }

    [Fact]
    public void A_guest_escorted_by_hosts_did_what_follows_the_escort()
    {
        var mentions = Officials("通辽日报", "调研", "本报讯 5月12日,自治区政协副主席王海涛一行在副市长包金山,旗委书记吴日娜陪同下,到科左中旗调研。");

        Assert.Equal([Visited, Accompanied, Accompanied], mentions.Select(m => m.Role));
        Assert.Equal("政协内蒙古自治区委员会", Organization(mentions[0], "自治区政协副主席"));
    }

    [Fact]
    public void Names_listed_before_etc_and_a_leadership_phrase_are_officials()
    {
        var mentions = Officials("邢台日报", "推进会召开", "本报讯 5月12日,肖立军、郝文斌、单雅琪等市领导出席推进会。");

        Assert.Equal(["肖立军", "郝文斌", "单雅琪"], mentions.Select(m => m.Name));
        Assert.All(mentions, m => Assert.Equal(Attended, m.Role));
    }

    [Fact]
    public void A_list_set_with_spaces_is_one_list_under_one_verb()
    {
        var mentions = Officials("柳州日报", "学习会召开", "本报讯 5月12日,区领导 柏文杰 龙晓燕 杭立民 出席会议。");

        Assert.Equal(["柏文杰", "龙晓燕", "杭立民"], mentions.Select(m => m.Name));
        Assert.All(mentions, m => Assert.Equal(Attended, m.Role));
    }

    [Fact]
    public void A_genre_verb_or_a_word_after_a_full_name_is_not_part_of_a_name()
    {
        var mentions = Officials("德州日报", "恳谈会举行",
            "本报讯 5月12日,山东黄河建工集团有限公司董事长林光明重点介绍了企业情况。市长甄永强冒雨来到工地调研。甄市长强调,要确保质量。");

        Assert.Equal(["林光明", "甄永强"], mentions.Select(m => m.Name));
    }

    [Fact]
    public void Titles_take_the_banner_or_the_county_of_their_own_level_and_a_municipality_keeps_its_titles()
    {
        var banner = Officials("巴彦淖尔日报", "座谈会召开",
            "本报讯 5月12日,座谈会在乌拉特前旗召开。五原县委副书记、县长杜建明,旗人大常委会主任巴图孟和参加座谈。乌拉特前旗、五原县、五原县。");
        Assert.Equal("乌拉特前旗人大常委会", Organization(banner.Single(m => m.Name == "巴图孟和"), "旗人大常委会主任"));
        Assert.Equal("五原县人民政府", Organization(banner.Single(m => m.Name == "杜建明"), "县长"));

        var visitor = Officials("黄冈日报", "代表团来访", "本报讯 5月12日,上海市委副书记、市长聂永祥率代表团来我市考察。").Single();
        Assert.Equal("上海市人民政府", Organization(visitor, "市长"));
    }

    [Fact]
    public void A_printed_banner_stays_as_printed_in_a_report_that_names_two()
    {
        // 乌拉特前旗 is printed most; 乌拉特中旗's own officials keep their banner, a bare 旗 title takes the report's.
        var mentions = Officials("巴彦淖尔日报", "两旗座谈交流",
            "本报讯 5月12日,乌拉特前旗党政考察团到乌拉特中旗座谈交流。乌拉特中旗旗委书记苏和巴特尔,乌拉特中旗旗长孟庆华介绍情况。旗人大常委会主任巴图孟和参加座谈。乌拉特前旗、乌拉特前旗。");

        Assert.Equal("中共乌拉特中旗委", Organization(mentions.Single(m => m.Name == "苏和巴特尔"), "乌拉特中旗旗委书记"));
        Assert.Equal("乌拉特中旗人民政府", Organization(mentions.Single(m => m.Name == "孟庆华"), "乌拉特中旗旗长"));
        Assert.Equal("乌拉特前旗人大常委会", Organization(mentions.Single(m => m.Name == "巴图孟和"), "旗人大常委会主任"));

        // A banner's own media centre: a visiting county's name does not take its 旗 titles.
        var visit = Officials("阿巴嘎旗融媒体中心", "多伦县考察团来我旗考察",
            "本报讯 5月12日,多伦县考察团来我旗考察。多伦县委书记韩立新介绍了多伦县的做法,旗委书记乌日娜陪同考察。");
        Assert.Equal("中共多伦县委", Organization(visit.Single(m => m.Name == "韩立新"), "多伦县委书记"));
        Assert.Equal("中共阿巴嘎旗委", Organization(visit.Single(m => m.Name == "乌日娜"), "旗委书记"));
    }

    [Fact]
    public void A_county_site_without_a_place_in_its_name_is_placed_by_the_counties_it_prints()
    {
        var extraction = Extract("www.example.gov.cn", "县委常委会召开", "5月12日,县委书记敏学军主持召开会议,研究临潭县贯彻落实措施。");

        Assert.Equal("甘南藏族自治州", extraction.Home.City);
        Assert.Equal("中共临潭县委", Organization(extraction.Articles.Single().Officials.Single(), "县委书记"));
    }

    [Fact]
    public void A_title_run_into_an_unpunctuated_sentence_starts_at_its_place()
    {
        var mention = Officials("石嘴山日报", "推进会召开",
            "本报讯 5月12日,推进会召开,听取各开发区主要指标完成情况石嘴山高新技术产业开发区党工委书记纳国庆作表态发言。").Single();

        Assert.Equal(["石嘴山高新技术产业开发区党工委书记"], mention.Titles);
    }

    [Fact]
    public void Facilities_named_without_project_before_their_figures_are_projects_with_their_own_figures()
    {
        var extraction = Extract("韶关日报", "项目签约",
            "本报讯 5月12日,产业合作签约会举行,共签约项目15个,总投资120亿元。",
            "其中,韶关新能源电池材料生产基地总投资45亿元,曲江生物医药产业园总投资18亿元。");

        Assert.Equal(["韶关新能源电池材料生产基地", "曲江生物医药产业园"], extraction.Registry.Projects.Select(p => p.Name));
        Assert.Equal([4500000000m], extraction.Registry.Projects[0].Facts.Select(f => f.Value));
        Assert.Equal([1800000000m], extraction.Registry.Projects[1].Facts.Select(f => f.Value));
    }

    [Fact]
    public void Projects_listed_by_name_before_a_count_of_projects_are_projects_and_the_count_is_none()
    {
        var extraction = Extract("平顶山日报", "项目集中开工",
            "本报讯 5月12日,集中开工仪式举行,宝丰县城南初级中学、宝丰县人民医院门诊楼、净肠河湿地修复工程等15个项目集中开工。");

        Assert.Equal(["宝丰县城南初级中学", "宝丰县人民医院门诊楼", "净肠河湿地修复工程"], extraction.Registry.Projects.Select(p => p.Name));
    }

    [Theory]
    [InlineData("全县秋季义务植树活动在生态林场启动。", "2023-10-26")]
    // 近日 in the lead: the event is undated, the next paragraph's date is another day's.
    [InlineData("近日,全县秋季义务植树活动在生态林场启动。", null)]
    [InlineData("连日来,全县秋季义务植树活动在各乡镇展开。", null)]
    public void A_lead_that_dates_nothing_gives_way_to_the_next_paragraph_s_opening_date(string lead, string? date)
    {
        var article = Assert.Single(PageParser.Parse(Page("植树活动启动", "本报讯 " + lead, "10月26日上午,县委书记巩志平参加植树。"), new DateOnly(2023, 10, 27)).Articles);

        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), article.EventDate);
    }

    [Fact]
    public void A_meeting_after_an_office_is_no_name_and_a_county_level_city_s_media_centre_names_its_own_bodies()
    {
        var mentions = Officials("原平市融媒体中心",
            "3月12日下午,市委副书记、市长韩振东主持召开市长碰头会,听取近期重点工作推进情况。市领导武海燕、郝建国参加会议。");

        Assert.Equal(["韩振东", "武海燕", "郝建国"], mentions.Select(m => m.Name));
        Assert.Equal("中共原平市委", Organization(mentions[0], "市委副书记"));
        Assert.Equal("原平市人民政府", Organization(mentions[0], "市长"));
    }

    [Fact]
    public void A_lead_that_sets_the_scene_first_is_dated_by_its_next_sentence_even_with_a_space_in_the_date()
    {
        var article = Assert.Single(PageParser.Parse(Page("新春佳节临近,全县上下喜迎新春。2月 3日,县委常委会召开扩大会议,安排部署春节前后重点工作。"), new DateOnly(2024, 2, 4)).Articles);

        Assert.Equal(new DateOnly(2024, 2, 3), article.EventDate);
    }

    [Fact]
    public void A_department_head_printed_short_belongs_to_the_department()
    {
        var titles = new TitleNormalizer(new HomePlace("山西省", "忻州市", County: "宁武县")).Normalize(["县委常委", "组织部长"]);

        Assert.Equal(["中共宁武县委", "中共宁武县委组织部"], titles.Select(t => t.Organization));
        Assert.Equal("部长", titles[1].Title);
    }

    [Fact]
    public void A_county_under_its_former_name_names_its_bodies_and_a_given_name_may_begin_with_xiang()
    {
        var mentions = Officials("西安日报", "户县召开县委常委会议",
            "本报讯 3月5日,户县县委书记杜向前主持会议。县委副书记、县长姜东平出席会议。");

        Assert.Equal(["杜向前", "姜东平"], mentions.Select(m => m.Name));
        Assert.Equal("中共户县委", Organization(mentions[0], "户县县委书记"));
        Assert.Equal("户县人民政府", Organization(mentions[1], "县长"));
    }

    [Fact]
    public void A_department_s_party_group_office_is_the_group_s_in_a_county_of_a_province_the_gazetteer_now_lists()
    {
        var mention = Assert.Single(Officials("湘阴县融媒体中心", "县水利局检查春耕水利设施",
            "本报讯 3月2日,县水利局党组书记、局长罗建军带队到白塘镇检查春耕水利设施。"));

        Assert.Equal("湘阴县水利局党组", Organization(mention, "县水利局党组书记"));
        Assert.Equal("湘阴县水利局", Organization(mention, "局长"));
    }
}
