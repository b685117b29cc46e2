namespace GraphQLArchive.Ingestion.Pages;

/// <summary>Turns an article's printed blocks into paragraphs: joins words split by column breaks and lifts photo captions out.</summary>
internal static class LayoutRepair
{
    public static (IReadOnlyList<string> Paragraphs, IReadOnlyList<ParsedPhoto> Photos) Repair(IReadOnlyList<string> blocks)
    {
        var paragraphs = new List<string>();
        var photos = new List<ParsedPhoto>();
        string? open = null; // a paragraph whose last block stopped mid-sentence

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (PhotoCaption.IsCaption(block))
            {
                var photo = PhotoCaption.Read(block);
                if (photo.Credit is null && i + 1 < blocks.Count && PhotoCaption.IsCredit(blocks[i + 1]))
                    photo = photo with { Credit = PhotoCaption.ReadCredit(blocks[++i]) };
                photos.Add(photo);
                continue; // the open sentence, if any, carries on after the photo
            }
            if (PhotoCaption.IsCredit(block))
            {
                photos.Add(new ParsedPhoto("", PhotoCaption.ReadCredit(block)));
                continue;
            }

            // A column break splits words anywhere ("所有环" / "节"), so the halves join with no space.
            open = open is null ? block : open + block;
            if (Punctuation.EndsSentence(open))
            {
                paragraphs.Add(PaddedNames.Join(open));
                open = null;
            }
        }
        if (open is not null)
            paragraphs.Add(PaddedNames.Join(open));

        return (paragraphs, photos);
    }
}
