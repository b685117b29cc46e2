using GraphQLArchive.Ingestion.Mentions;
using static GraphQLArchive.Ingestion.Mentions.AppearanceRole;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>
/// Lists and titles that real reports printed and the rules missed (issue 9), each in a sentence of our own: a padded
/// two-character name, a paragraph that is a roll of those present, signing and leading a study, a meeting in a time clause,
/// a party group's offices, a city's whole title, a verb-like character after a name, 干部 after a leadership phrase.
/// </summary>
public class ListAndRollTests
{
    private static readonly DateOnly Edition = new(2024, 8, 22);

    private static IReadOnlyList<OfficialMention> Officials(string newspaper, params string[] blocks) => Reports.Officials(Edition, newspaper, blocks);

    private static Dictionary<string, AppearanceRole> Roles(string newspaper, params string[] blocks) => Reports.Roles(Edition, newspaper, blocks);

    private static string[] Organizations(IEnumerable<OfficialMention> officials, string name) =>
        officials.Single(o => o.Name == name).Positions.Select(p => p.Organization ?? "-").ToArray();

    [Fact]
    public void A_two_character_name_padded_with_a_space_in_a_list_is_read_whole_and_keeps_the_list_together()
    {
        var roles = Roles("锦州日报", "考察", "本报讯 8月21日,市领导孔凡军、于 川、高　峰、刘丽萍参加考察。");

        Assert.Equal(["孔凡军", "于川", "高峰", "刘丽萍"], roles.Keys);
        Assert.All(roles.Values, r => Assert.Equal(Attended, r));
    }

    [Fact]
    public void A_title_printed_right_against_the_previous_name_keeps_the_list_together()
    {
        var officials = Officials("南阳日报", "常务会议", "本报讯 4月10日,市长许明远主持会议,副市长孙立新市政协副主席何文平参加会议。");

        Assert.Equal(Attended, officials.Single(o => o.Name == "孙立新").Role);
        Assert.Equal(Attended, officials.Single(o => o.Name == "何文平").Role);
        Assert.Equal(["市政协副主席"], officials.Single(o => o.Name == "何文平").Titles);
    }

    [Fact]
    public void A_paragraph_of_nothing_but_titled_officials_is_the_roll_of_those_present()
    {
        var roles = Roles("吴忠日报", "签约仪式", "本报讯 6月3日,吴忠市举行签约仪式。", "市委常委、秘书长蒋丽,副市长唐志远,利通区委书记马永红。");

        Assert.Equal(Attended, roles["蒋丽"]);
        Assert.Equal(Attended, roles["唐志远"]);
        Assert.Equal(Attended, roles["马永红"]);
    }

    [Fact]
    public void Signing_is_a_part_in_the_ceremony_and_leading_a_study_is_a_speech()
    {
        var roles = Roles("乌兰察布日报", "学习会",
            "本报讯 7月9日,市委副书记、市长高振华与集团董事长许文斌代表双方签约。副市长孟庆林领学了有关文件。");

        Assert.Equal(Attended, roles["高振华"]);
        Assert.Equal(Attended, roles["许文斌"]);
        Assert.Equal(Spoke, roles["孟庆林"]);
        Assert.DoesNotContain("双方", roles.Keys);
    }

    [Fact]
    public void An_official_seated_at_a_meeting_attended_it()
    {
        var roles = Roles("锦州日报", "会见", "本报讯 8月21日,市委书记曹文举会见客人。市委常委、宣传部部长、副市长宣晓红会见时在座。");

        Assert.Equal(Met, roles["曹文举"]);
        Assert.Equal(Attended, roles["宣晓红"]);
        Assert.DoesNotContain("宣传部", roles.Keys);
    }

    [Fact]
    public void An_office_of_a_party_group_belongs_to_the_group_and_the_body_s_own_office_to_the_body()
    {
        var officials = Officials("成都日报", "市人大常委会召开党组会议", "本报讯 12月7日,市人大常委会党组书记、主任蒲世杰主持会议,党组成员、副主任古丽华出席。");

        Assert.Equal(["成都市人大常委会党组", "成都市人大常委会"], Organizations(officials, "蒲世杰"));
        Assert.Equal(["成都市人大常委会党组", "成都市人大常委会"], Organizations(officials, "古丽华"));
    }

    [Fact]
    public void A_city_named_before_a_whole_title_is_the_title_s_city()
    {
        var officials = Officials("绥化日报", "会议", "本报讯 5月16日,庆安县委书记赵立国主持会议。哈尔滨市副市长郑晓光列席会议。");

        Assert.Equal(["哈尔滨市人民政府"], Organizations(officials, "郑晓光"));
        Assert.Equal(["中共庆安县委"], Organizations(officials, "赵立国"));
    }

    [Fact]
    public void A_name_does_not_take_in_the_character_that_leads_a_delegation()
    {
        var roles = Roles("锦州日报", "考察", "本报讯 8月21日,副市长孔德明率考察团一行深入凌海市考察重点项目建设。");

        Assert.Equal(["孔德明"], roles.Keys);
    }

    [Fact]
    public void A_long_name_is_read_whole_past_a_word_jieba_made_up_but_not_past_a_word_it_knows()
    {
        var roles = Roles("鄂尔多斯日报", "调研",
            "本报讯 5月22日,市人大常委会副主任布仁其日格带领调研组深入伊金霍洛旗调研。副市长林光明重点介绍了牧区人居环境整治工作。");

        Assert.Equal(["布仁其日格", "林光明"], roles.Keys);
    }

    [Fact]
    public void A_word_after_a_leadership_phrase_that_ends_in_bu_is_no_name()
    {
        var roles = Roles("乌兰察布日报", "调研", "本报讯 近日，副市长孔德明带领调研组赴四子王旗开展专题调研。调研组一行深入嘎查、社区，与基层干部群众座谈交流。",
            "四子王旗领导干部表示，将把调研成果转化为工作举措。");

        Assert.Equal(["孔德明"], roles.Keys);
    }
}
