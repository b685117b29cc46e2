using GraphQLArchive.Ingestion.Mentions;

namespace GraphQLArchive.Tests.Ingestion;

public class NameMatcherTests
{
    private static (string, IReadOnlyList<string>) Known(string name, params string[] aliases) => (name, aliases);

    [Fact]
    public void A_longer_known_name_hides_the_shorter_one_inside_it()
    {
        var found = NameMatcher.FindAll("太原警备区司令员王志校", [Known("太原市", "太原"), Known("太原警备区")]);

        Assert.Equal(["太原警备区"], found);
    }

    [Fact]
    public void A_shorter_name_still_counts_where_it_stands_alone()
    {
        var found = NameMatcher.FindAll("武警太原支队某部为太原全方位推进高质量发展", [Known("太原市", "太原"), Known("武警太原支队")]);

        Assert.Equal(["武警太原支队", "太原市"], found);
    }

    [Fact]
    public void An_unknown_longer_entity_does_not_hide_a_known_name()
    {
        var found = NameMatcher.FindAll("太原警备区司令员", [Known("太原市", "太原")]);

        Assert.Equal(["太原市"], found);
    }

    [Fact]
    public void Aliases_resolve_to_canonical_names_in_order_of_first_occurrence_without_repeats()
    {
        var found = NameMatcher.FindAll(
            "在中北高新区,中北大学科技成果转化。中北高新技术产业开发区负责同志参加。",
            [Known("中北大学"), Known("中北高新技术产业开发区", "中北高新区")]);

        Assert.Equal(["中北高新技术产业开发区", "中北大学"], found);
    }

    [Fact]
    public void Names_run_together_without_spaces_are_all_found()
    {
        var found = NameMatcher.FindAll("罗清宇张新伟出席", [Known("张新伟"), Known("罗清宇")]);

        Assert.Equal(["罗清宇", "张新伟"], found);
    }

    [Fact]
    public void Text_naming_nothing_known_finds_nothing()
    {
        Assert.Empty(NameMatcher.FindAll("会议强调要压实责任。", [Known("太原市", "太原")]));
    }

    [Fact]
    public void A_one_character_alias_counts_only_where_it_names_the_place()
    {
        Assert.Equal(["太原市"], NameMatcher.FindAll("切实帮助驻并部队解决实际困难", [Known("太原市", "太原", "并")]));
        Assert.Empty(NameMatcher.FindAll("并走到工位前,与大家一一握手", [Known("太原市", "太原", "并")]));
        Assert.Empty(NameMatcher.FindAll("认真听取项目介绍,并为项目培土奠基", [Known("太原市", "太原", "并")]));
    }

    [Fact]
    public void A_committee_alias_inside_a_title_is_not_a_mention_of_the_committee()
    {
        Assert.Empty(NameMatcher.FindAll("省委常委、市委书记罗清宇", [Known("中共太原市委", "市委"), Known("中共山西省委", "省委")]));
        Assert.Equal(["中共太原市委"], NameMatcher.FindAll("市委、市政府大力推动城市有机更新", [Known("中共太原市委", "市委")]));
    }
}
