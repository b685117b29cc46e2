using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Officials;

/// <summary>An official that cannot be merged (unknown id, or merged into itself); <see cref="Code"/> is stable for clients.</summary>
public sealed class MergeException(string code, string message, IReadOnlyList<int>? missingIds = null) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>For <see cref="OfficialMerger.NotFound"/>: the keys no official has.</summary>
    public IReadOnlyList<int> MissingIds { get; } = missingIds ?? [];
}

/// <summary>
/// Corrects a misread name: merges officials into one, in one transaction. Appearances and positions move to
/// the target, the sources' names become its aliases, and the sources are removed. A report that names both
/// keeps one appearance, with the titles of both.
/// </summary>
public sealed class OfficialMerger(ArchiveDbContext db)
{
    public const string NotFound = "OFFICIAL_NOT_FOUND";
    public const string InvalidMerge = "MERGE_INVALID";

    public async Task<int> MergeAsync(int targetId, IReadOnlyCollection<int> sourceIds, CancellationToken cancellationToken = default)
    {
        var sources = sourceIds.Distinct().ToList();
        if (sources.Count == 0)
            throw new MergeException(InvalidMerge, "Give at least one official to merge into the target in sourceIds.");
        if (sources.Contains(targetId))
            throw new MergeException(InvalidMerge, "The target cannot also be a source: an official is not merged into itself.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = sources.Append(targetId).ToList();
        var officials = await db.Officials.Where(o => ids.Contains(o.Id))
            .Include(o => o.Positions).Include(o => o.Appearances).ToListAsync(cancellationToken);
        var missing = ids.Where(id => officials.All(o => o.Id != id)).ToList();
        if (missing.Count > 0)
            throw new MergeException(NotFound, $"No official has the id {string.Join(", ", missing)}.", missing);

        var target = officials.Single(o => o.Id == targetId);
        foreach (var source in officials.Where(o => o.Id != targetId))
        {
            foreach (var alias in source.Aliases.Prepend(source.Name).Where(a => a != target.Name && !target.Aliases.Contains(a)))
                target.Aliases.Add(alias);

            foreach (var appearance in source.Appearances.ToList())
            {
                if (target.Appearances.FirstOrDefault(a => a.ArticleId == appearance.ArticleId) is { } kept)
                {
                    kept.Titles = [.. kept.Titles.Union(appearance.Titles)];
                    if (kept.Role == GraphQLArchive.Ingestion.Mentions.AppearanceRole.Mentioned) kept.Role = appearance.Role;
                    db.Remove(appearance);
                }
                else
                {
                    appearance.Official = target;
                    target.Appearances.Add(appearance);
                }
            }
            foreach (var position in source.Positions.ToList())
            {
                if (target.Positions.FirstOrDefault(p => p.Title == position.Title) is { } same)
                {
                    same.OrganizationId ??= position.OrganizationId;
                    same.FirstSeen = Min(same.FirstSeen, position.FirstSeen);
                    same.LastSeen = Max(same.LastSeen, position.LastSeen);
                    db.Remove(position);
                }
                else
                {
                    position.Official = target;
                    target.Positions.Add(position);
                }
            }
            // The appearances and positions are the target's now: the source goes without taking them along.
            source.Appearances.Clear();
            source.Positions.Clear();
            db.Officials.Remove(source);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return target.Id;
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
