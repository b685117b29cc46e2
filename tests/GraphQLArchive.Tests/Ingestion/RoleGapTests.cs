using GraphQLArchive.Ingestion.Mentions;
using static GraphQLArchive.Ingestion.Mentions.AppearanceRole;

namespace GraphQLArchive.Tests.Ingestion;

/// <summary>
/// Roles that real reports printed and the rules missed (issue 9), each in a sentence of our own: a company name with
/// 建设 in a list, the verbs of a call (拜会, 拜访), a speech that is quoted or studied, a visit that describes the guests,
/// escorts between a subject and its verb, a list that runs on past a semicolon.
/// </summary>
public class RoleGapTests
{
    private static readonly DateOnly Edition = new(2024, 4, 18);

    private static Dictionary<string, AppearanceRole> Roles(string newspaper, params string[] blocks) => Reports.Roles(Edition, newspaper, blocks);

    [Fact]
    public void A_leader_listed_before_a_company_with_jianshe_in_its_name_shares_the_list_s_verb()
    {
        var roles = Roles("宜昌日报", "会见", "本报讯 4月17日,市长覃立新会见客人。市领导邓佳慧,楚峡能源建设开发有限公司董事长郭振邦参加会见。");

        Assert.Equal(Attended, roles["邓佳慧"]);
        Assert.Equal(Attended, roles["郭振邦"]);
    }

    [Fact]
    public void A_call_on_a_host_is_a_meeting_for_both_sides()
    {
        var roles = Roles("宜昌日报", "拜会", "本报讯 4月17日,集团董事长严建华、总裁左明远一行拜会了市委书记柯有为。", "当天,严建华还拜访了市长覃立新。");

        Assert.Equal(Met, roles["严建华"]);
        Assert.Equal(Met, roles["左明远"]);
        Assert.Equal(Met, roles["柯有为"]);
        Assert.Equal(Met, roles["覃立新"]);
    }

    [Fact]
    public void A_director_s_office_keeps_a_list_together()
    {
        var roles = Roles("宜昌日报", "会谈", "本报讯 4月17日,副市长邓佳慧,集团党委副书记、董事郭振邦参加会谈。");

        Assert.Equal(Attended, roles["邓佳慧"]);
    }

    [Fact]
    public void A_speech_that_is_quoted_or_studied_is_not_the_speaker_s_deed_here()
    {
        var roles = Roles("南京日报", "集体学习",
            "本报讯 3月8日,区委中心组传达学习省委书记骆文涛在培训班上的讲话,市委书记房立诚的重要讲话,市长翁思齐讲话精神。区委书记钱牧之主持并讲话。",
            "区长蒲晓东作重要讲话。");

        Assert.Equal(Mentioned, roles["骆文涛"]);
        Assert.Equal(Mentioned, roles["房立诚"]);
        Assert.Equal(Mentioned, roles["翁思齐"]);
        Assert.Equal(Presided, roles["钱牧之"]);
        Assert.Equal(Spoke, roles["蒲晓东"]);
    }

    [Fact]
    public void A_visit_that_describes_the_guests_is_not_the_host_s_verb()
    {
        var roles = Roles("绵阳日报", "座谈", "本报讯 4月17日,市委书记许怀瑾与来绵考察的集团董事长宓春来座谈交流。");

        Assert.Equal(Met, roles["许怀瑾"]);
        Assert.Equal(Met, roles["宓春来"]);
    }

    [Fact]
    public void Escorts_printed_between_a_leader_and_the_verb_do_not_take_the_leader_s_visit()
    {
        var roles = Roles("绵阳日报", "走访慰问",
            "本报讯 1月26日,市长司马云峰带领市民政局负责人,在县委书记丁可夫、县长仇雪梅的陪同下,深入黄林镇,看望慰问困难群众。");

        Assert.Equal(Visited, roles["司马云峰"]);
        Assert.Equal(Accompanied, roles["丁可夫"]);
        Assert.Equal(Accompanied, roles["仇雪梅"]);
    }

    [Fact]
    public void A_list_of_leaders_and_groups_runs_on_past_a_semicolon_to_its_verb()
    {
        var roles = Roles("南京日报", "签约",
            "本报讯 3月8日,区长蒲晓东出席签约仪式。常务副区长于海澜,区发改委主任邰文静,区直有关部门负责同志;集团总经理严一鸣、副总经理左明远和集团有关人员参加签约仪式。",
            "受区委书记钱牧之委托,蒲晓东在会上讲话。");

        Assert.Equal(Attended, roles["于海澜"]);
        Assert.Equal(Attended, roles["邰文静"]);
        Assert.Equal(Attended, roles["严一鸣"]);
        Assert.Equal(Attended, roles["左明远"]);
        // Past a comma, a name after other words is a subject of its own, not the list's next item.
        Assert.Equal(Mentioned, roles["钱牧之"]);
    }
}
