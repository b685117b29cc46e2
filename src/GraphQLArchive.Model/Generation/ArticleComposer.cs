using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Registry;
using static GraphQLArchive.Model.Generation.Vocabulary;

namespace GraphQLArchive.Model.Generation;

internal sealed record ComposedAppearance(Tenure Tenure, AppearanceRole Role, bool TitlesPrinted);

internal sealed record ComposedPhoto(string Caption, GenPerson Photographer);

/// <summary>One synthetic report, with everything it names.</summary>
internal sealed record ComposedArticle(
    string? Kicker, string Headline, string? Subheadline, string Byline, DateOnly EventDate, IReadOnlyList<string> Paragraphs,
    IReadOnlyList<GenPerson> Reporters, IReadOnlyList<ComposedAppearance> Appearances, IReadOnlyList<ComposedPhoto> Photos,
    IReadOnlyList<GenLocation> Locations, IReadOnlyList<GenProject> Projects, IReadOnlyList<GenOrganization> Organizations);

/// <summary>
/// Writes reports in the seed page's four shapes (a meeting presided over, a visit, projects started, a
/// speech), with the post holders of the event date, the first two posts in most reports and the rest
/// drawn with falling weights.
/// </summary>
internal sealed class ArticleComposer(Random random, ArchiveWorld world, Vocabulary vocabulary)
{
    private readonly double[] _postWeights = CumulativeZipf(world.Posts.Count);
    private readonly double[] _lowerPostWeights = CumulativeZipf(world.Posts.Count - 2);
    private readonly double[] _reporterWeights = CumulativeZipf(world.Reporters.Count);
    private readonly Dictionary<DateOnly, Tenure[]> _holders = [];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static double[] CumulativeZipf(int count)
    {
        var weights = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++) weights[i] = sum += 1.0 / (i + 1);
        for (var i = 0; i < count; i++) weights[i] /= sum;
        return weights;
    }

    private int Zipf(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private Tenure[] HoldersOn(DateOnly date)
    {
        if (_holders.TryGetValue(date, out var holders)) return holders;
        if (_holders.Count > 32) _holders.Clear();
        return _holders[date] = world.Tenures.Select(tenures => tenures.Last(t => t.From <= date)).ToArray();
    }

    /// <summary>The same random sequence as the articles, so that page sizes are deterministic too.</summary>
    public int Next(int maxValue) => random.Next(maxValue);

    public ComposedArticle Compose(DateOnly editionDate)
    {
        var eventDate = editionDate.AddDays(random.Next(10) == 0 ? -2 - random.Next(5) : -1 - random.Next(2));
        var holders = HoldersOn(eventDate);
        var draft = new Draft(eventDate);

        // The secretary leads most reports and the mayor many; the other posts follow a Zipf curve.
        var roll = random.NextDouble();
        var lead = roll < 0.55 ? holders[0] : roll < 0.8 ? holders[1] : holders[2 + Zipf(_lowerPostWeights)];
        var second = random.NextDouble() < 0.6 ? (lead == holders[0] ? holders[1] : holders[0]) : null;
        var leaders = new List<Tenure> { lead };
        if (second is not null && second.Official != lead.Official) leaders.Add(second);
        var others = Enumerable.Range(0, random.Next(6)).Select(_ => holders[Zipf(_postWeights)])
            .Where(t => leaders.All(l => l.Official != t.Official)).DistinctBy(t => t.Official).ToList();

        var kind = random.Next(20);
        if (kind < 7) Meeting(draft, leaders, others);
        else if (kind < 13) Visit(draft, leaders, others, holders);
        else if (kind < 17) ProjectsStarted(draft, leaders, others);
        else Speech(draft, leaders, others);

        if (random.Next(7) == 0 && holders.FirstOrDefault(t => draft.Appearances.All(a => a.Tenure.Official != t.Official)) is { } mentioned)
        {
            draft.Paragraphs.Add($"此前,{Named(mentioned)}曾就{Pick(Topics)}工作作出批示,{Clause()},{Clause()}。");
            draft.Appearances.Add(new(mentioned, AppearanceRole.Mentioned, true));
        }

        var reporters = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => world.Reporters[Zipf(_reporterWeights)]).Distinct().ToList();
        return new ComposedArticle(
            random.Next(10) == 0 ? Pick(Kickers) : null, draft.Headline, draft.Subheadline,
            $"本报讯(记者 {string.Join(" ", reporters.Select(r => r.Name))})", eventDate, draft.Paragraphs, reporters,
            draft.Appearances, draft.Photos, draft.Locations.Distinct().ToList(), draft.Projects, draft.Organizations.Distinct().ToList());
    }

    private sealed class Draft(DateOnly eventDate)
    {
        public string Date { get; } = $"{eventDate.Month}月{eventDate.Day}日";
        public string Headline { get; set; } = "";
        public string? Subheadline { get; set; }
        public List<string> Paragraphs { get; } = [];
        public List<ComposedAppearance> Appearances { get; } = [];
        public List<ComposedPhoto> Photos { get; } = [];
        public List<GenLocation> Locations { get; } = [];
        public List<GenProject> Projects { get; } = [];
        public List<GenOrganization> Organizations { get; } = [];
    }

    private static string Named(Tenure t) => string.Join("、", t.Positions.Select(p => p.Title)) + t.Official.Name;

    private static string Names(IEnumerable<Tenure> tenures) => string.Concat(tenures.Select(t => t.Official.Name));

    private string Clause() => Pick(vocabulary.Clauses);

    private string Sentence() => string.Join(",", Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Clause())) + "。";

    private string Sentences(int min, int max) => string.Concat(Enumerable.Range(0, min + random.Next(max - min + 1)).Select(_ => Sentence()));

    private string Slogan() => $"{Pick(Slogans)} {Pick(Slogans)} " + (random.Next(2) == 0 ? $"扎实做好{Pick(Topics)}各项工作" : $"推动{Pick(Topics)}取得新成效");

    /// <summary>市领导 A、B参加: names only, the way the page prints the rest of the city's leaders.</summary>
    private void Attending(Draft draft, List<Tenure> others)
    {
        if (others.Count == 0) return;
        draft.Paragraphs[^1] += $"市领导{string.Join("、", others.Select(o => o.Official.Name))}参加。";
        draft.Appearances.AddRange(others.Select(o => new ComposedAppearance(o, AppearanceRole.Attended, false)));
    }

    private void Photo(Draft draft, string scene)
    {
        if (random.Next(10) < 3) draft.Photos.Add(new ComposedPhoto($"图为{scene}。", Pick(world.Photographers)));
    }

    private void Meeting(Draft draft, List<Tenure> leaders, List<Tenure> others)
    {
        var meeting = Pick(Meetings);
        draft.Headline = $"{leaders[0].Official.Name}主持召开{meeting}";
        draft.Subheadline = Slogan();
        draft.Paragraphs.Add($"{draft.Date},{Named(leaders[0])}主持召开{meeting},{Clause()},{Clause()}。"
                             + (leaders.Count > 1 ? $"{Named(leaders[1])}出席。" : ""));
        draft.Appearances.Add(new(leaders[0], AppearanceRole.Presided, true));
        draft.Appearances.AddRange(leaders.Skip(1).Select(l => new ComposedAppearance(l, AppearanceRole.Attended, true)));
        Attending(draft, others);
        foreach (var opener in new[] { "会议指出,", "会议强调,", "会议要求," }.Take(1 + random.Next(3)))
            draft.Paragraphs.Add(opener + Sentences(2, 4));
        Photo(draft, "会议现场");
    }

    private void Visit(Draft draft, List<Tenure> leaders, List<Tenure> others, Tenure[] holders)
    {
        var place = Pick(world.Places);
        var parent = world.Locations.FirstOrDefault(l => l.Id == place.ParentId && l.Kind is LocationKind.District or LocationKind.DevelopmentZone);
        var verb = Pick(VisitVerbs);
        var topic = Pick(Topics);
        var where = (parent?.Name ?? "") + place.Name;
        draft.Headline = $"{Names(leaders)}{verb}{place.Name}{topic}工作";
        draft.Locations.Add(place);
        if (parent is not null) draft.Locations.Add(parent);

        var escorts = holders.Where(t => t.Post.Place is { } p && (p == place || p == parent)).Take(1).ToList();
        if (random.Next(3) == 0 && holders.Where(t => t.Post.Name == "局长").ToList() is { Count: > 0 } bureaus)
        {
            var head = Pick(bureaus);
            escorts.Add(head);
            draft.Organizations.Add(world.Organizations.First(o => o.Id == head.Positions[0].OrganizationId));
        }
        escorts = escorts.Where(e => leaders.Concat(others).All(l => l.Official != e.Official)).DistinctBy(e => e.Official).ToList();

        draft.Paragraphs.Add($"{draft.Date},{string.Join(",", leaders.Select(Named))}深入{where}{verb}{topic}工作。"
                             + (escorts.Count > 0 ? $"{string.Join(",", escorts.Select(Named))}陪同。" : ""));
        draft.Appearances.AddRange(leaders.Select(l => new ComposedAppearance(l, AppearanceRole.Visited, true)));
        draft.Appearances.AddRange(escorts.Select(e => new ComposedAppearance(e, AppearanceRole.Accompanied, true)));
        Attending(draft, others);
        draft.Paragraphs.Add($"在{place.Name},{leaders[0].Official.Name}{Pick(new[] { "听取", "察看", "详细了解" })}{topic}工作情况,{Sentences(1, 3)}");
        draft.Paragraphs.Add($"{leaders[0].Official.Name}{Pick(new[] { "指出,", "强调,", "要求," })}{Sentences(2, 4)}");
        if (random.Next(2) == 0) draft.Paragraphs.Add($"市直有关部门,{(parent ?? place).Name}负责同志参加。");
        Photo(draft, $"{leaders[0].Official.Name}在{place.Name}{verb}");
    }

    private void ProjectsStarted(Draft draft, List<Tenure> leaders, List<Tenure> others)
    {
        var projects = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(world.Projects)).Distinct().ToList();
        var sites = projects.Select(p => world.Locations.FirstOrDefault(l => l.Id == p.Location.ParentId && l.Kind != LocationKind.City) ?? p.Location)
            .Distinct().ToList();
        var happened = Pick(ProjectEvents);
        draft.Headline = $"{string.Concat(sites.Select(s => s.Name))}一批重点项目{happened}";
        draft.Subheadline = $"{Names(leaders)}出席";
        draft.Paragraphs.Add($"{draft.Date},又一批重点项目在{string.Join("、", sites.Select(s => s.Name))}落地、{happened}。{string.Join(",", leaders.Select(Named))}出席。");
        draft.Appearances.AddRange(leaders.Select(l => new ComposedAppearance(l, AppearanceRole.Attended, true)));
        Attending(draft, others);
        foreach (var project in projects)
        {
            var figures = string.Join(",", project.Facts.Select(f => f.Printed));
            draft.Paragraphs.Add($"{Clause()},{Clause()}。{happened}的{project.Name},位于{project.Location.Name}"
                                 + (figures.Length > 0 ? $",{figures}。" : "。")
                                 + $"{leaders[0].Official.Name}一行来到这里,{Sentences(1, 2)}");
            draft.Projects.Add(project);
            draft.Locations.Add(project.Location);
            if (project.Company is { } company) draft.Organizations.Add(company);
        }
        draft.Locations.AddRange(sites);
        if (random.Next(2) == 0) draft.Paragraphs.Add($"市直有关部门,{string.Join("、", sites.Select(s => s.Name))}负责同志参加。");
        Photo(draft, $"{projects[0].Name}奠基仪式现场");
    }

    private void Speech(Draft draft, List<Tenure> leaders, List<Tenure> others)
    {
        var topic = Pick(Topics);
        var meeting = $"全市{topic}工作会议";
        draft.Headline = $"{leaders[0].Official.Name}在{meeting}上强调";
        draft.Subheadline = Slogan();
        draft.Paragraphs.Add($"{draft.Date},{meeting}召开。{Named(leaders[0])}出席并讲话。" + (leaders.Count > 1 ? $"{Named(leaders[1])}主持。" : ""));
        draft.Appearances.Add(new(leaders[0], AppearanceRole.Spoke, true));
        draft.Appearances.AddRange(leaders.Skip(1).Select(l => new ComposedAppearance(l, AppearanceRole.Presided, true)));
        Attending(draft, others);
        draft.Paragraphs.Add($"{leaders[0].Official.Name}指出,{Sentences(2, 4)}");
        draft.Paragraphs.Add($"{leaders[0].Official.Name}强调,{Sentences(2, 4)}");
        Photo(draft, "会议现场");
    }
}
