namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>A printed title split into the office and the organization it belongs to: 市委书记 → 书记 of 中共太原市委.</summary>
public sealed record NormalizedTitle(string Printed, string Title, string? Organization);

/// <summary>Normalizes printed titles against the city and province the page is about.</summary>
public sealed class TitleNormalizer(string? city, string? province)
{
    private static readonly string[] OrganizationSuffixes = ["警备区", "领导小组", "委员会", "指挥部", "大学", "学院", "公司", "集团", "部队", "支队"];

    /// <summary>Normalizes one title chain in print order: a bare 秘书长 after 市委常委 belongs to the same committee.</summary>
    public IReadOnlyList<NormalizedTitle> Normalize(IReadOnlyList<string> chain)
    {
        var result = new List<NormalizedTitle>();
        string? previous = null;
        foreach (var printed in chain)
        {
            var normalized = Normalize(printed, previous);
            result.Add(normalized);
            previous = normalized.Organization;
        }
        return result;
    }

    public NormalizedTitle Normalize(string printed, string? previousOrganization = null)
    {
        ArgumentNullException.ThrowIfNull(printed);
        if (printed.StartsWith("省委", StringComparison.Ordinal) && printed.Length > 2)
            return new(printed, printed[2..], ProvincialCommittee);
        if (printed.StartsWith("市委", StringComparison.Ordinal) && printed.Length > 2)
            return new(printed, printed[2..], CityCommittee);
        if (printed is "市长" or "副市长")
            return new(printed, printed, city is null ? null : city + "人民政府");
        if (printed is "省长" or "副省长")
            return new(printed, printed, province is null ? null : province + "人民政府");

        foreach (var suffix in OrganizationSuffixes)
        {
            var at = printed.IndexOf(suffix, StringComparison.Ordinal);
            if (at > 0 && at + suffix.Length < printed.Length)
                return new(printed, printed[(at + suffix.Length)..], ExpandOrganization(printed[..(at + suffix.Length)]));
        }
        // 秘书长, 常委 and the like without a prefix belong to the body named just before them in the chain.
        return new(printed, printed, previousOrganization is not null && previousOrganization.StartsWith("中共", StringComparison.Ordinal) ? previousOrganization : null);
    }

    internal string? CityCommittee => city is null ? null : "中共" + city + "委";
    internal string? ProvincialCommittee => province is null ? null : "中共" + province + "委";

    /// <summary>市双拥工作领导小组 → 太原市双拥工作领导小组: a bare 市/省 prefix means the page's own city or province.</summary>
    public string ExpandOrganization(string name)
    {
        if (name.StartsWith('市') && city is not null && name.Length > 3) return city + name[1..];
        if (name.StartsWith('省') && province is not null && name.Length > 3) return province + name[1..];
        return name;
    }
}
