using GraphQLArchive.Ingestion.Lexicon;
using GraphQLArchive.Ingestion.Evaluation;
using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Tests.Ingestion;

public class EntityExtractorTests
{
    private static readonly DateOnly Edition = new(2021, 8, 3);

    private static ArchiveRegistry Extract(params string[] blocks) =>
        EntityExtractor.Extract(PageParser.Parse(SeedFiles.Page(blocks), Edition));

    [Fact]
    public void A_title_chain_before_a_name_gives_the_official_and_normalized_positions()
    {
        var found = Extract("李明主持召开太原市防汛工作会议",
            "本报讯(记者 王涛)8月2日,省委常委、市委书记李明主持召开会议。市委副书记、市长周强,副市长孙立新,太原警备区司令员马国庆参加。");

        Assert.Equal(["李明", "周强", "孙立新", "马国庆"], found.Officials.Select(o => o.Name));
        Assert.Equal([new RegistryPosition("省委常委", "中共山西省委"), new RegistryPosition("市委书记", "中共太原市委")], found.Officials[0].Positions);
        Assert.Equal([new RegistryPosition("市委副书记", "中共太原市委"), new RegistryPosition("市长", "太原市人民政府")], found.Officials[1].Positions);
        Assert.Equal([new RegistryPosition("副市长", "太原市人民政府")], found.Officials[2].Positions);
        Assert.Equal([new RegistryPosition("太原警备区司令员", "太原警备区")], found.Officials[3].Positions);
        Assert.Contains(found.Organizations, o => o.Name == "太原警备区" && o.Kind == OrganizationKind.Military);
    }

    [Fact]
    public void A_name_list_after_the_leaders_marker_gives_every_name_of_two_or_three_characters()
    {
        var found = Extract("太原市召开安全生产会议",
            "本报讯(记者 王涛)8月2日,市长周强主持召开会议。市领导王芳、赵立军、钱伟、郭宏斌参加。");

        Assert.Equal(["周强", "王芳", "赵立军", "钱伟", "郭宏斌"], found.Officials.Select(o => o.Name));
        Assert.All(found.Officials.Where(o => o.Name != "周强"), o => Assert.Empty(o.Positions));
    }

    [Fact]
    public void An_organization_title_is_split_into_office_and_organization_and_a_committee_is_expanded_to_the_city()
    {
        var found = Extract("太原市双拥工作会议召开",
            "本报讯(记者 王涛)8月2日,中北大学党委书记沈兴全,副市长、市双拥工作领导小组副组长程永平出席。");

        Assert.Equal([new RegistryPosition("中北大学党委书记", "中北大学")], found.Officials.Single(o => o.Name == "沈兴全").Positions);
        Assert.Contains(new RegistryPosition("市双拥工作领导小组副组长", "太原市双拥工作领导小组"), found.Officials.Single(o => o.Name == "程永平").Positions);
        Assert.Contains(found.Organizations, o => o.Name == "太原市双拥工作领导小组" && o.Aliases.Contains("市双拥工作领导小组"));
    }

    [Fact]
    public void Title_normalization_separates_office_and_organization()
    {
        var normalizer = new TitleNormalizer("太原市", "山西省");

        Assert.Equal(new NormalizedTitle("市委书记", "书记", "中共太原市委"), normalizer.Normalize("市委书记"));
        Assert.Equal(new NormalizedTitle("省委常委", "常委", "中共山西省委"), normalizer.Normalize("省委常委"));
        Assert.Equal(new NormalizedTitle("市长", "市长", "太原市人民政府"), normalizer.Normalize("市长"));
        Assert.Equal(
            [new NormalizedTitle("市委常委", "常委", "中共太原市委"), new NormalizedTitle("秘书长", "秘书长", "中共太原市委")],
            normalizer.Normalize(["市委常委", "秘书长"]));
    }

    [Theory]
    [InlineData("甘南州委书记", "中共甘南藏族自治州委")]
    [InlineData("黔南州委副书记", "中共黔南布依族苗族自治州委")]
    [InlineData("州长", "甘南藏族自治州人民政府")]
    [InlineData("州政协主席", "政协甘南藏族自治州委员会")]
    [InlineData("锡林郭勒盟委书记", "中共锡林郭勒盟委")]
    [InlineData("副盟长", "锡林郭勒盟行政公署")]
    [InlineData("达拉特旗委书记", "中共达拉特旗委")]
    [InlineData("乌拉特中旗政协主席", "政协乌拉特中旗委员会")]
    [InlineData("苏尼特左旗旗长", "苏尼特左旗人民政府")]
    [InlineData("大沁他拉镇党委书记", "中共大沁他拉镇委员会")]
    [InlineData("金川街道党工委书记", "中共金川街道工作委员会")]
    [InlineData("温县县委书记", "中共温县委")]
    public void Prefectures_leagues_banners_and_towns_name_their_bodies_from_the_lexicon(string printed, string organization)
    {
        var home = printed.StartsWith("锡林郭勒", StringComparison.Ordinal) || printed == "副盟长"
            ? new HomePlace("内蒙古自治区", "锡林郭勒盟")
            : new HomePlace("甘肃省", "甘南藏族自治州");

        Assert.Equal(organization, new TitleNormalizer(home).Normalize(printed).Organization);
    }

    [Fact]
    public void A_district_name_two_cities_share_is_the_home_citys()
    {
        Assert.Equal("中共鼓楼区委", new TitleNormalizer("徐州市", "江苏省").Normalize("鼓楼区委书记").Organization);
        Assert.Equal("徐州市", WordLexicon.Default.Divisions.CountyCity("鼓楼区", "徐州市")?.Name);
        Assert.Equal("南京市", WordLexicon.Default.Divisions.CountyCity("鼓楼区", "南京市")?.Name);
    }


    [Theory]
    [InlineData("太原晚报", "山西省", "太原市")] // by its city, with no lexicon entry
    [InlineData("巴彦淖尔日报", "内蒙古自治区", "巴彦淖尔市")]
    [InlineData("黔南日报", "贵州省", "黔南布依族苗族自治州")] // a prefecture's paper drops its level
    [InlineData("山西日报", "山西省", null)] // by its province
    [InlineData("长江日报", "湖北省", "武汉市")] // an entry: its name names no place
    [InlineData("吉林日报", "吉林省", null)] // an entry: the province's, not 吉林市's
    [InlineData("海南日报", "海南省", null)] // an entry: not 海南藏族自治州's
    public void A_newspaper_names_its_place_by_the_name_it_starts_with_and_the_lexicon_lists_only_the_rest(string newspaper, string province, string? city)
    {
        var place = HomePlace.Of(newspaper, "");

        Assert.Equal((province, city), (place.Province, place.City));
    }
    [Fact]
    public void A_project_gets_its_sentence_figures_status_and_milestones()
    {
        var found = Extract("太原市一批项目开工",
            "本报讯(记者 王涛)8月2日,市长周强出席开工仪式。开工建设的太原星河湾C区项目,位于尖草坪区三给片区,总建筑面积约20万平方米,总投资12亿元,建成后预计年营业额3亿元以上。项目奠基开工现场,周强为项目培土奠基。");

        var project = Assert.Single(found.Projects);
        Assert.Equal("太原星河湾C区项目", project.Name);
        Assert.Equal(ProjectStatus.Started, project.Status);
        Assert.Equal("三给片区", project.Location);
        Assert.Equal(1200000000m, project.TotalInvestment);
        Assert.Equal(200000m, project.FloorArea);
        Assert.Equal(300000000m, project.ExpectedAnnualRevenue);
        Assert.Contains(project.Facts, f => f.Label == "总建筑面积" && f.Qualifier == FactQualifier.Approximately);
        Assert.Contains(project.Facts, f => f.Label == "预计年营业额" && f.Qualifier == FactQualifier.AtLeast);
        Assert.Contains(project.Milestones, m => m.Event == MilestoneEvent.Started && m.Date == new DateOnly(2021, 8, 2));
        Assert.Contains(found.Locations, l => l.Name == "三给片区" && l.Parent == "尖草坪区");
        Assert.Contains(found.Locations, l => l.Name == "太原市" && l.Parent == "山西省");
    }

    [Theory]
    [InlineData("高新区重点项目集中签约", "此次签约项目12个。", MilestoneEvent.Signed)]
    [InlineData("全市第二季度重点项目集中开工", "此次集中开工的20个项目总投资80亿元。", MilestoneEvent.Started)]
    public void A_project_whose_own_sentences_name_no_step_reached_the_step_the_report_is_about(string headline, string lead, MilestoneEvent expected)
    {
        var found = Extract(headline, $"本报讯(记者 王涛)8月2日,{lead}市长周强出席。", "其中,晋阳智能装备产业园项目总投资35亿元。");

        var project = Assert.Single(found.Projects);
        Assert.Equal([(expected, (DateOnly?)new DateOnly(2021, 8, 2))], project.Milestones.Select(m => (m.Event, m.Date)));
    }

    [Fact]
    public void A_visit_to_a_project_gives_it_no_milestone()
    {
        var found = Extract("市领导调研重点项目", "本报讯(记者 王涛)8月2日,市长周强调研重点项目建设。", "在晋阳智能装备产业园项目现场,周强详细了解施工进度。该项目总投资35亿元。");

        Assert.Empty(Assert.Single(found.Projects).Milestones);
    }

    [Fact]
    public void With_a_registry_known_entities_come_back_under_their_canonical_names()
    {
        var registry = RegistryReader.Load(SeedFiles.RegistryDirectory);
        var found = EntityExtractor.Extract(PageParser.Parse(SeedFiles.SeedPageText, SeedFiles.SeedEditionDate), registry);

        Assert.Contains(found.Locations, l => l.Name == "中北高新技术产业开发区");
        Assert.DoesNotContain(found.Locations, l => l.Name == "中北高新区");
        Assert.Contains(found.Organizations, o => o.Name == "太原市双拥工作领导小组");
    }

    [Fact]
    public void Evaluated_on_the_seed_page_with_the_registry_hidden_every_kind_meets_the_issue_targets()
    {
        var registry = RegistryReader.Load(SeedFiles.RegistryDirectory);
        var scores = ExtractionEvaluator.Evaluate([new EvaluationPage(SeedFiles.SeedPageText, SeedFiles.SeedEditionDate)], registry)
            .ToDictionary(s => s.Kind);

        Assert.True(scores[ExtractionEvaluator.Officials].F1 >= 0.95, Describe(scores[ExtractionEvaluator.Officials]));
        foreach (var kind in new[] { ExtractionEvaluator.Locations, ExtractionEvaluator.Organizations, ExtractionEvaluator.Projects })
            Assert.True(scores[kind].F1 >= 0.85, Describe(scores[kind]));
        var figures = scores[ExtractionEvaluator.Figures];
        Assert.True(figures.FalsePositives == 0 && figures.FalseNegatives == 0, Describe(figures));
    }

    [Fact]
    public void The_seed_page_scores_titles_per_appearance_and_roles_against_its_hand_annotation_not_against_the_mention_finder()
    {
        var seedCopy = CorpusEvaluator.Load(Path.Combine(Path.GetDirectoryName(SeedFiles.SeedsDirectory)!, "tests", "corpus", "dev"))
            .Single(p => p.Name == "00");
        Assert.Equal(SeedFiles.SeedPageText, seedCopy.Text);
        var scores = CorpusEvaluator.Evaluate([seedCopy]).Scores.ToDictionary(s => s.Kind);

        Assert.DoesNotContain(ExtractionEvaluator.Evaluate([new EvaluationPage(SeedFiles.SeedPageText, SeedFiles.SeedEditionDate)],
            RegistryReader.Load(SeedFiles.RegistryDirectory)), s => s.Kind is "titles per appearance" or "roles");
        foreach (var kind in new[] { CorpusEvaluator.Titles, CorpusEvaluator.Organizations, CorpusEvaluator.Roles })
        {
            Assert.True(scores[kind].TruePositives >= 10, Describe(scores[kind]));
            Assert.True(scores[kind].F1 >= 0.9, Describe(scores[kind]));
        }
    }

    private static string Describe(EvaluationScore score) =>
        $"{score.Kind}: F1 {score.F1:0.000}; missed {string.Join(", ", score.Missed)}; spurious {string.Join(", ", score.Spurious)}";
}
