using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Tests.Ingestion;

public class RegistryReaderTests
{
    private static readonly ArchiveRegistry Seed = RegistryReader.Load(SeedFiles.RegistryDirectory);

    [Fact]
    public void Seed_edition_is_marked_inferred()
    {
        var edition = Assert.Single(Seed.Editions);
        Assert.Equal(SeedFiles.SeedPageName, edition.SourceFile);
        Assert.Equal(new Inferable<string>("太原日报", true), edition.Newspaper);
        Assert.Equal(new Inferable<DateOnly>(new DateOnly(2021, 7, 31), true), edition.Date);
        Assert.Equal(new Inferable<int>(1, true), edition.Page);
    }

    [Fact]
    public void Seed_has_the_fourteen_officials_of_the_page()
    {
        Assert.Equal(14, Seed.Officials.Count);

        var onPage = NameMatcher.FindAll(SeedFiles.SeedPageText, Seed.Officials.Select(o => (o.Name, o.Aliases)));
        Assert.Equal(Seed.Officials.Select(o => o.Name).Order(), onPage.Order());
    }

    [Fact]
    public void Seed_officials_carry_the_titles_printed_beside_them()
    {
        Assert.Equal(
            [new RegistryPosition("省委常委", "中共山西省委"), new RegistryPosition("市委书记", "中共太原市委")],
            Official("罗清宇").Positions);
        Assert.Equal(
            [new RegistryPosition("市委副书记", "中共太原市委"), new RegistryPosition("市长", "太原市人民政府")],
            Official("张新伟").Positions);
        Assert.Equal([new RegistryPosition("中北大学党委书记", "中北大学")], Official("沈兴全").Positions);
        Assert.Contains(new RegistryPosition("市双拥工作领导小组副组长", "太原市双拥工作领导小组"), Official("程永平").Positions);
        Assert.All(new[] { "杨继承", "张齐山", "葛波蔚", "陈博", "李新春", "张磊", "郝宝清" }, name => Assert.Empty(Official(name).Positions));
    }

    [Fact]
    public void Seed_titles_match_what_the_parser_reads_on_the_page()
    {
        var names = Seed.Officials.Select(o => o.Name).ToList();
        var printed = PageParser.Parse(SeedFiles.SeedPageText, SeedFiles.SeedEditionDate).Articles
            .SelectMany(a => OfficialMentionFinder.Find(a, names))
            .SelectMany(m => m.Titles.Select(title => (m.Name, title)))
            .Distinct();

        Assert.All(printed, p => Assert.Contains(Official(p.Name).Positions, position => position.Title == p.title));
    }

    [Fact]
    public void Seed_journalists()
    {
        Assert.Equal(
            [new RegistryJournalist("赵继钊", JournalistRole.Reporter), new RegistryJournalist("殷雪莺", JournalistRole.Reporter),
             new RegistryJournalist("丁洁", JournalistRole.Reporter), new RegistryJournalist("梁琛", JournalistRole.Photographer)],
            Seed.Journalists);
    }

    [Fact]
    public void Seed_locations_form_a_hierarchy_up_to_the_province()
    {
        Assert.Equal(["三给片区", "尖草坪区", "太原市", "山西省"], Ancestry("三给片区"));
        Assert.Equal(["战略性基础材料产业园", "中北高新技术产业开发区", "太原市", "山西省"], Ancestry("战略性基础材料产业园"));
        Assert.Equal(["北部新城", "太原市", "山西省"], Ancestry("北部新城"));
        Assert.Single(Seed.Locations, l => l.Parent is null);

        Assert.Equal(LocationKind.Province, Location("山西省").Kind);
        Assert.Equal(LocationKind.City, Location("太原市").Kind);
        Assert.Equal(LocationKind.District, Location("尖草坪区").Kind);
        Assert.Equal(LocationKind.Area, Location("三给片区").Kind);
        Assert.Equal(LocationKind.DevelopmentZone, Location("中北高新技术产业开发区").Kind);
        Assert.Equal(LocationKind.Park, Location("战略性基础材料产业园").Kind);
        Assert.Equal(["太原", "并"], Location("太原市").Aliases);
        Assert.Equal(["中北高新区"], Location("中北高新技术产业开发区").Aliases);
    }

    [Fact]
    public void Seed_organizations_have_kinds_and_printed_aliases()
    {
        Assert.Equal(11, Seed.Organizations.Count);
        var kinds = Seed.Organizations.ToDictionary(o => o.Name, o => o.Kind);
        Assert.Equal(OrganizationKind.Military, kinds["太原警备区"]);
        Assert.Equal(OrganizationKind.Military, kinds["63710部队"]);
        Assert.Equal(OrganizationKind.Military, kinds["武警太原支队"]);
        Assert.Equal(OrganizationKind.University, kinds["中北大学"]);
        Assert.Equal(OrganizationKind.Company, kinds["太原汇川技术有限公司"]);
        Assert.Equal(OrganizationKind.Committee, kinds["太原市双拥工作领导小组"]);
        Assert.Equal(
            ["中共山西省委", "中共太原市委", "太原市人民政府", "太原市双拥工作领导小组", "太原市防汛抗旱指挥部", "山西省疫情防控工作领导小组"],
            NameMatcher.FindAll("省委、市委、市政府、市双拥工作领导小组、市防汛抗旱指挥部、省疫情防控工作领导小组", Seed.Organizations.Select(o => (o.Name, o.Aliases))));
    }

    [Fact]
    public void Seed_complex_project_figures_are_normalized_exactly()
    {
        var project = Project("太原富力天禧城L区项目");

        Assert.Equal(ProjectStatus.Started, project.Status);
        Assert.Equal("三给片区", project.Location);
        Assert.Equal(5_200_000_000m, project.TotalInvestment);
        Assert.Equal(890_000m, project.FloorArea);
        Assert.Equal(700_000_000m, project.ExpectedAnnualRevenue);
        Assert.Equal(58_000_000m, project.ExpectedAnnualTax);
        Assert.Contains(new RegistryFact("预计年营业额", 700_000_000m, "CNY", FactQualifier.AtLeast, "建成后预计年营业额7亿元以上"), project.Facts);
        Assert.Contains(new RegistryFact("总投资", 5_200_000_000m, "CNY", FactQualifier.Exact, "总投资52亿元"), project.Facts);
        Assert.Contains(new RegistryFact("总建筑面积", 890_000m, "m²", FactQualifier.Exact, "总建筑面积89万平方米"), project.Facts);
        Assert.Contains(new RegistryFact("利税", 58_000_000m, "CNY", FactQualifier.Exact, "可实现利税5800万元"), project.Facts);
        Assert.Contains(project.Milestones, m => m.Date == new DateOnly(2021, 7, 30) && m.Event == MilestoneEvent.GroundBreaking);
    }

    [Fact]
    public void Seed_factory_project_figures_are_normalized_exactly()
    {
        var project = Project("太原汇川技术有限公司项目");

        Assert.Equal("中北高新技术产业开发区", project.Location);
        Assert.Equal("太原汇川技术有限公司", project.Organization);
        Assert.Equal(150_000m, project.SiteArea);
        Assert.Null(project.TotalInvestment);
        Assert.Contains(project.Facts, f => f.Value == 84_000m && f.Unit == "m²" && f.Printed == "一期项目8.4万平方米");
        Assert.Contains(project.Facts, f => f.Value == 2m && f.Printed == "分两期建设");
        Assert.Contains(project.Milestones, m => m.Date == new DateOnly(2021, 7, 30) && m.Event == MilestoneEvent.Started);
    }

    [Fact]
    public void Seed_sapphire_project_figures_are_normalized_exactly()
    {
        var project = Project("蓝宝石晶体生长项目");

        Assert.Equal(ProjectStatus.InProduction, project.Status);
        Assert.Equal("战略性基础材料产业园", project.Location);
        Assert.Equal(
            [(180m, "台", FactQualifier.Exact), (40m, "台", FactQualifier.Exact), (12m, "件", FactQualifier.Exact), (3m, "month", FactQualifier.MoreThan)],
            project.Facts.Select(f => (f.Value, f.Unit, f.Qualifier)));
        Assert.Contains(project.Milestones, m => m.Date == new DateOnly(2021, 7, 30) && m.Event == MilestoneEvent.InProduction);
        Assert.Contains(project.Milestones, m => m.Date is null && m.Event == MilestoneEvent.Signed);
    }

    [Fact]
    public void Every_printed_fact_is_quoted_from_the_page()
    {
        var page = SeedFiles.SeedPageText;
        Assert.All(Seed.Projects.SelectMany(p => p.Facts), f => Assert.Contains(f.Printed, page));
        Assert.All(Seed.Projects.SelectMany(p => p.Milestones), m => Assert.Contains(m.Printed, page));
        Assert.All(Seed.Projects, p => Assert.Contains(p.Name, page));
    }

    [Fact]
    public void Missing_files_are_empty_lists()
    {
        using var dir = new TempDirectory();

        var registry = RegistryReader.Load(dir.Path);

        Assert.Empty(registry.Editions);
        Assert.Empty(registry.Officials);
        Assert.Empty(registry.Projects);
    }

    [Fact]
    public void A_parent_that_does_not_exist_is_rejected_naming_file_and_parent()
    {
        using var dir = new TempDirectory();
        dir.Write("locations.json", """
            [{ "name": "太原市", "kind": "City", "parent": "山西", "aliases": [], "latitude": null, "longitude": null }]
            """);

        var error = Assert.Throws<InvalidDataException>(() => RegistryReader.Load(dir.Path));

        Assert.Contains("locations.json", error.Message);
        Assert.Contains("'山西'", error.Message);
    }

    [Fact]
    public void A_position_naming_an_unknown_organization_is_rejected()
    {
        using var dir = new TempDirectory();
        dir.Write("officials.json", """
            [{ "name": "罗清宇", "aliases": [], "positions": [{ "title": "市委书记", "organization": "中共太原市委" }] }]
            """);

        var error = Assert.Throws<InvalidDataException>(() => RegistryReader.Load(dir.Path));

        Assert.Contains("officials.json", error.Message);
        Assert.Contains("'中共太原市委'", error.Message);
    }

    [Fact]
    public void A_project_naming_an_unknown_location_is_rejected()
    {
        using var dir = new TempDirectory();
        dir.Write("projects.json", """
            [{ "name": "项目", "aliases": [], "status": "Started", "location": "三给片区", "organization": null, "sector": null,
               "totalInvestment": null, "floorArea": null, "siteArea": null, "expectedAnnualRevenue": null, "expectedAnnualTax": null,
               "facts": [], "milestones": [] }]
            """);

        var error = Assert.Throws<InvalidDataException>(() => RegistryReader.Load(dir.Path));

        Assert.Contains("projects.json", error.Message);
        Assert.Contains("'三给片区'", error.Message);
    }

    [Fact]
    public void Parents_forming_a_cycle_are_rejected()
    {
        using var dir = new TempDirectory();
        dir.Write("organizations.json", """
            [{ "name": "甲", "kind": "Other", "parent": "乙", "aliases": [] },
             { "name": "乙", "kind": "Other", "parent": "甲", "aliases": [] }]
            """);

        var error = Assert.Throws<InvalidDataException>(() => RegistryReader.Load(dir.Path));

        Assert.Contains("organizations.json", error.Message);
        Assert.Contains("cycle", error.Message);
    }

    [Theory]
    [InlineData("""[{ "name": "太原市", "kind": "Town", "parent": null, "aliases": [], "latitude": null, "longitude": null }]""", "kind")]
    [InlineData("""[{ "name": "太原市", "parent": null, "aliases": [], "latitude": null, "longitude": null }]""", "kind")]
    [InlineData("""[{ "name": "太原市", "kind": "City", "parent": null, "aliases": [], "latitude": null, "longitude": null, "lat": 37 }]""", "lat")]
    [InlineData("""[{ "name": "太原市", "kind": "City", """, "locations.json")]
    public void Unreadable_content_is_rejected_naming_the_file_and_the_problem(string json, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("locations.json", json);

        var error = Assert.Throws<InvalidDataException>(() => RegistryReader.Load(dir.Path));

        Assert.StartsWith("locations.json: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static RegistryOfficial Official(string name) => Seed.Officials.Single(o => o.Name == name);

    private static RegistryLocation Location(string name) => Seed.Locations.Single(l => l.Name == name);

    private static RegistryProject Project(string name) => Seed.Projects.Single(p => p.Name == name);

    private static List<string> Ancestry(string name)
    {
        var chain = new List<string>();
        for (string? current = name; current is not null; current = Location(current).Parent)
            chain.Add(current);
        return chain;
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("registry-test-").FullName;

        public void Write(string fileName, string content) => File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
