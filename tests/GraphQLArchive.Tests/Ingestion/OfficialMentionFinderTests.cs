using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using static GraphQLArchive.Ingestion.Mentions.AppearanceRole;

namespace GraphQLArchive.Tests.Ingestion;

public class OfficialMentionFinderTests
{
    private static readonly string[] SeedOfficials =
        ["罗清宇", "张新伟", "刘鹤", "杨继承", "张齐山", "葛波蔚", "陈博", "王志校", "杨文军", "程永平", "沈兴全", "李新春", "张磊", "郝宝清"];

    private static ParsedArticle Article(string headline, string? subheadline, params string[] paragraphs) =>
        new(1, null, headline, subheadline, "本报讯(记者 丁洁)", ["丁洁"], null, paragraphs, []);

    private static IReadOnlyList<OfficialMention> Find(ParsedArticle article, params string[] known) =>
        OfficialMentionFinder.Find(article, known.Length > 0 ? known : SeedOfficials);

    private static void AssertMention(OfficialMention actual, string name, string[] titles, AppearanceRole role)
    {
        Assert.Equal(name, actual.Name);
        Assert.Equal(titles, actual.Titles);
        Assert.Equal(role, actual.Role);
    }

    [Fact]
    public void Seed_meeting_report()
    {
        var mentions = Find(SeedArticle(1));

        Assert.Equal(["罗清宇", "刘鹤", "杨继承", "张齐山", "葛波蔚", "陈博"], mentions.Select(m => m.Name));
        AssertMention(mentions[0], "罗清宇", ["省委常委", "市委书记"], Presided);
        Assert.All(mentions.Skip(1), m => { Assert.Empty(m.Titles); Assert.Equal(Attended, m.Role); });
    }

    [Fact]
    public void Seed_visit_report()
    {
        var mentions = Find(SeedArticle(2));

        Assert.Equal(6, mentions.Count);
        AssertMention(mentions[0], "罗清宇", ["省委常委", "市委书记"], Visited);
        AssertMention(mentions[1], "张新伟", ["市委副书记", "市长"], Visited);
        AssertMention(mentions[2], "刘鹤", ["市委常委", "秘书长"], Attended);
        AssertMention(mentions[3], "王志校", ["市委常委", "太原警备区司令员"], Attended);
        AssertMention(mentions[4], "杨文军", ["太原警备区区委", "市双拥工作领导小组副组长"], Attended);
        AssertMention(mentions[5], "程永平", ["副市长", "市双拥工作领导小组副组长"], Attended);
    }

    [Fact]
    public void Seed_projects_report()
    {
        var mentions = Find(SeedArticle(3));

        Assert.Equal(["罗清宇", "张新伟", "沈兴全", "李新春", "刘鹤", "张磊", "张齐山", "郝宝清"], mentions.Select(m => m.Name));
        AssertMention(mentions[0], "罗清宇", ["省委常委", "市委书记"], Attended);
        AssertMention(mentions[1], "张新伟", ["市委副书记", "市长"], Attended);
        AssertMention(mentions[2], "沈兴全", ["中北大学党委书记"], Attended);
        Assert.All(mentions.Skip(3), m => { Assert.Empty(m.Titles); Assert.Equal(Attended, m.Role); });
    }

    [Fact]
    public void Splits_a_title_chain_on_the_enumeration_comma()
    {
        var mentions = Find(Article("专题会议召开", null, "7月29日,省委常委、市委书记罗清宇主持召开专题会议。"));

        AssertMention(Assert.Single(mentions), "罗清宇", ["省委常委", "市委书记"], Presided);
    }

    [Fact]
    public void Names_listed_after_city_leaders_have_no_titles()
    {
        var mentions = Find(Article("专题会议召开", null, "罗清宇主持会议。市领导刘鹤、杨继承、张齐山参加。"));

        Assert.Equal(["罗清宇", "刘鹤", "杨继承", "张齐山"], mentions.Select(m => m.Name));
        Assert.All(mentions.Skip(1), m => { Assert.Empty(m.Titles); Assert.Equal(Attended, m.Role); });
    }

    [Fact]
    public void A_chain_stops_at_the_previous_name()
    {
        var mentions = Find(Article("走访慰问", null, "市委副书记、市长张新伟、副市长程永平走访慰问部队。"));

        AssertMention(mentions[0], "张新伟", ["市委副书记", "市长"], Visited);
        AssertMention(mentions[1], "程永平", ["副市长"], Visited);
    }

    [Fact]
    public void Words_before_a_name_that_are_not_titles_are_not_titles()
    {
        var mentions = Find(Article("专题会议召开", null, "随后,罗清宇察看指挥大厅。会议由罗清宇主持。"));

        AssertMention(Assert.Single(mentions), "罗清宇", [], Presided);
    }

    [Fact]
    public void Titles_come_from_the_first_mention_that_carries_them()
    {
        var mentions = Find(Article("罗清宇调研", null, "罗清宇来到项目现场。省委常委、市委书记罗清宇强调要加快建设。"));

        Assert.Equal(["省委常委", "市委书记"], Assert.Single(mentions).Titles);
    }

    [Fact]
    public void A_subject_list_across_clauses_shares_the_verb()
    {
        var mentions = Find(Article("项目开工", null,
            "省委常委、市委书记罗清宇,市委副书记、市长张新伟出席。市委常委、秘书长刘鹤,副市长程永平陪同。"));

        Assert.Equal([Attended, Attended, Accompanied, Accompanied], mentions.Select(m => m.Role));
    }

    [Fact]
    public void A_verb_with_its_own_subject_does_not_govern_an_earlier_name()
    {
        var mentions = Find(Article("项目现场见闻", null, "罗清宇察看项目现场,市领导刘鹤陪同。"));

        AssertMention(mentions[0], "罗清宇", [], Mentioned);
        AssertMention(mentions[1], "刘鹤", [], Accompanied);
    }

    [Fact]
    public void Falls_back_to_the_headline_when_the_body_has_no_role_verb()
    {
        var mentions = Find(Article("一批重点项目开工投产", "罗清宇张新伟出席", "罗清宇一行察看展板。张新伟察看现场。"));

        Assert.Equal(["罗清宇", "张新伟"], mentions.Select(m => m.Name));
        Assert.All(mentions, m => Assert.Equal(Attended, m.Role));
    }

    [Fact]
    public void A_speech_in_the_predicate_makes_the_role_spoke_but_presiding_wins_over_it()
    {
        var mentions = Find(Article("会议召开", null, "罗清宇出席会议并讲话。张新伟主持会议并讲话。刘鹤陪同调研。"));

        Assert.Equal([Spoke, Presided, Accompanied], mentions.Select(m => m.Role));
    }

    [Fact]
    public void The_longer_known_name_wins_an_overlap()
    {
        var mentions = Find(Article("会议召开", null, "市领导张齐山参加。"), "张齐", "张齐山");

        Assert.Equal(["张齐山"], mentions.Select(m => m.Name));
    }

    [Fact]
    public void Orders_by_first_appearance_with_headline_first()
    {
        var mentions = Find(Article("张新伟调研", null, "罗清宇、张新伟出席。"));

        Assert.Equal(["张新伟", "罗清宇"], mentions.Select(m => m.Name));
    }

    private static ParsedArticle SeedArticle(int ordinal) =>
        PageParser.Parse(SeedFiles.SeedPageText, SeedFiles.SeedEditionDate).Articles.Single(a => a.Ordinal == ordinal);
}
