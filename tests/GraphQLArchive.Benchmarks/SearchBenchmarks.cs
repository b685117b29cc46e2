using BenchmarkDotNet.Attributes;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// A search with facets (page of 10 + totalCount + facets, as <c>search { totalCount edges facets }</c>
/// reads it) through the bigram index, side by side with the same search as a LIKE '%…%' scan.
/// Over the generated archive that the paging benchmarks use (100,000 articles).
/// </summary>
[MedianColumn]
public class SearchBenchmarks
{
    private ArchiveDbContext _db = null!;

    // Terms of everyday selectivity in the generated archive: 蓝宝石 ~1%, 督导 ~7%, 专题会议 ~4% of articles.
    [Params("蓝宝石", "督导", "专题会议 防汛 -部队")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={BenchmarkArchive.EnsureFile()}").Options);
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark]
    public async Task<int> Index()
    {
        var query = SearchQuery.Parse(Query);
        var found = await ArticleSearchIndexes.For(_db).FindAsync(_db, query, ranked: true);
        var hits = found.Query;
        var page = await hits.Join(_db.Articles, h => h.Id, a => a.Id, (h, a) => new { a.Id, a.Headline, h.Score, HitId = h.Id })
            .OrderByDescending(r => r.Score).ThenBy(r => r.HitId).Take(11).ToListAsync(); // the hits' rank index, as the API pages
        var matching = hits.Select(h => h.Id);
        // The count is the fill's, as the API's totalCount without a where.
        return page.Count + found.Count + (await ArticleSearchFacets.ComputeAsync(_db, matching, 10)).Count;
    }

    [Benchmark(Baseline = true)]
    public async Task<int> LikeScan()
    {
        var query = SearchQuery.Parse(Query);
        var matching = _db.Articles.AsQueryable();
        foreach (var group in query.Groups)
            matching = matching.Where(group.Select(t => Contains("%" + t.Text + "%")).Aggregate((a, b) => Or(a, b)));
        foreach (var term in query.Excluded)
            matching = matching.Where(Not(Contains("%" + term.Text + "%")));
        var page = await matching.OrderByDescending(a => a.EventDate).ThenBy(a => a.Id).Select(a => new { a.Id, a.Headline }).Take(11).ToListAsync();
        return page.Count + await matching.CountAsync() + (await ArticleSearchFacets.ComputeAsync(_db, matching.Select(a => a.Id), 10)).Count;
    }

    private static System.Linq.Expressions.Expression<Func<Article, bool>> Contains(string pattern) =>
        a => EF.Functions.Like(a.Headline, pattern) || EF.Functions.Like(a.Subheadline ?? "", pattern) || EF.Functions.Like(a.Kicker ?? "", pattern)
             || EF.Functions.Like(a.Body, pattern) || a.Photos.Any(p => EF.Functions.Like(p.Caption, pattern));

    private static System.Linq.Expressions.Expression<Func<Article, bool>> Or(System.Linq.Expressions.Expression<Func<Article, bool>> a, System.Linq.Expressions.Expression<Func<Article, bool>> b) =>
        System.Linq.Expressions.Expression.Lambda<Func<Article, bool>>(
            System.Linq.Expressions.Expression.OrElse(a.Body, System.Linq.Expressions.Expression.Invoke(b, a.Parameters[0])), a.Parameters);

    private static System.Linq.Expressions.Expression<Func<Article, bool>> Not(System.Linq.Expressions.Expression<Func<Article, bool>> a) =>
        System.Linq.Expressions.Expression.Lambda<Func<Article, bool>>(System.Linq.Expressions.Expression.Not(a.Body), a.Parameters);
}
