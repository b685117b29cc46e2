using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Numbers;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>A figure the page prints about many projects at once: 45个项目总投资326亿元. It belongs to the edition, not to a project.</summary>
public sealed record EditionFactRecord(int ArticleOrdinal, string Label, decimal Value, string Unit, FactQualifier Qualifier, string Printed);

/// <summary>Finds the totals a report gives for a group of projects: "此次集中开工的45个项目总投资326亿元", "共签约项目12个,总投资186亿元".</summary>
public static class EditionFacts
{
    private const string Numerals = "0-9０-９一二三四五六七八九十百千两";

    // N个(…)项目 … 总投资X, or 项目N个, 总投资X: the count and the total in one clause run. The hedge (约, 超过…) is part of the amount, so its qualifier is kept.
    private static readonly Regex Total = new(
        $@"(?:(?<count>[{Numerals}]+)(?:个|项|批)[\u4e00-\u9fff]{{0,8}}?项目|项目(?<count2>[{Numerals}]+)(?:个|项))[,，]?[^。；;]{{0,12}}?(?:计划)?(?:总投资|投资总额)(?:额)?达?(?<amount>(?:大约|约|近|逾|超过)?[0-9０-９.．]+(?:万|亿)?元(?:以上|左右)?)",
        RegexOptions.CultureInvariant);

    public static IReadOnlyList<EditionFactRecord> Find(ParsedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var facts = new List<EditionFactRecord>();
        foreach (var article in page.Articles)
        {
            foreach (var paragraph in article.Paragraphs)
            {
                foreach (Match match in Total.Matches(paragraph))
                {
                    var countText = match.Groups["count"].Success ? match.Groups["count"].Value : match.Groups["count2"].Value;
                    if (QuantityParser.Parse(match.Groups["amount"].Value) is not { } amount || ChineseNumber.Parse(countText) is not { } count)
                        continue;
                    facts.Add(new EditionFactRecord(article.Ordinal, "项目数", count, "个", FactQualifier.Exact, match.Value));
                    facts.Add(new EditionFactRecord(article.Ordinal, "项目总投资", amount.Value, amount.Unit, amount.Qualifier, match.Value));
                }
            }
        }
        return facts;
    }
}
