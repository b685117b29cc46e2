namespace GraphQLArchive.Model.Generation;

/// <summary>What to generate: how many articles, from which random seed, with which seed page and registry.</summary>
/// <param name="Articles">Articles to write, at least 1.</param>
/// <param name="Seed">The <see cref="System.Random"/> seed: the same seed writes the same archive.</param>
/// <param name="SeedsDirectory">The <c>seeds/</c> folder: the seed page gives the vocabulary, the registry the fixed entities.</param>
/// <param name="Indexed">False for a file that is only a source to copy from (into PostgreSQL, which builds its own):
/// its secondary indexes and its search index are left out, and nothing keeps them.</param>
public sealed record GenerationOptions(int Articles, int Seed, string SeedsDirectory, bool Indexed = true);

/// <summary>Rows written, by table (paragraphs: in the articles' bodies).</summary>
public sealed record GenerationSummary(
    int Editions, int Articles, int Paragraphs, int Appearances, int Officials, int Positions,
    int Journalists, int Locations, int Organizations, int Projects, int Photos);
