using GraphQLArchive.Ingestion.Numbers;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Tests.Ingestion;

public class ChineseNumberTests
{
    [Theory]
    [InlineData("5800", 5800)]
    [InlineData("8.4", 8.4)]
    [InlineData("８４", 84)]
    [InlineData("2,000", 2000)]
    [InlineData("8.4万", 84000)]
    [InlineData("5800万", 58000000)]
    [InlineData("52亿", 5200000000)]
    [InlineData("1.5亿", 150000000)]
    [InlineData("1亿2000万", 120000000)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("三十五", 35)]
    [InlineData("两千", 2000)]
    [InlineData("一百零五", 105)]
    [InlineData("三百五十万", 3500000)]
    [InlineData("十万", 100000)]
    [InlineData("两", 2)]
    [InlineData("二〇二一", 2021)]
    public void Numbers_read_as_printed(string printed, double expected) =>
        Assert.Equal((decimal)expected, ChineseNumber.Parse(printed));

    [Theory]
    [InlineData("")]
    [InlineData("万")]
    [InlineData("百")]
    [InlineData("5800元")]
    [InlineData("8.4.1")]
    public void Non_numbers_are_null(string printed) => Assert.Null(ChineseNumber.Parse(printed));

    [Theory]
    [InlineData("52亿元", 5200000000, "CNY", FactQualifier.Exact)]
    [InlineData("5800万元", 58000000, "CNY", FactQualifier.Exact)]
    [InlineData("7亿元以上", 700000000, "CNY", FactQualifier.AtLeast)]
    [InlineData("100万元以下", 1000000, "CNY", FactQualifier.AtMost)]
    [InlineData("约2000平方米", 2000, "m²", FactQualifier.Approximately)]
    [InlineData("89万平方米", 890000, "m²", FactQualifier.Exact)]
    [InlineData("8.4万平方米", 84000, "m²", FactQualifier.Exact)]
    [InlineData("15万平方米", 150000, "m²", FactQualifier.Exact)]
    [InlineData("3个多月", 3, "month", FactQualifier.MoreThan)]
    [InlineData("十二个月", 12, "month", FactQualifier.Exact)]
    [InlineData("180台", 180, "台", FactQualifier.Exact)]
    [InlineData("300多人", 300, "人", FactQualifier.MoreThan)]
    [InlineData("2000余亩", 2000, "mu", FactQualifier.MoreThan)]
    [InlineData("两千平方米左右", 2000, "m²", FactQualifier.Approximately)]
    [InlineData("逾5亿元", 500000000, "CNY", FactQualifier.MoreThan)]
    [InlineData("3.2平方公里", 3.2, "km²", FactQualifier.Exact)]
    public void Figures_read_with_unit_and_qualifier(string printed, double value, string unit, FactQualifier qualifier) =>
        Assert.Equal(new Quantity((decimal)value, unit, qualifier), QuantityParser.Parse(printed));

    [Fact]
    public void Figures_are_found_in_running_text_and_numerals_inside_words_are_not()
    {
        var found = QuantityParser.FindAll("目前,1号长晶车间建成完工,180台蓝宝石单晶炉已安装完毕,其中40台已经试生产,第一批12件晶体产品已出炉。");

        Assert.Equal(["180台", "40台", "12件"], found.Select(f => f.Printed));
    }

    [Fact]
    public void A_sentence_of_the_seed_page_gives_every_figure()
    {
        var found = QuantityParser.FindAll("总建筑面积89万平方米,总投资52亿元,建成后预计年营业额7亿元以上,可实现利税5800万元。");

        Assert.Equal(
            [new Quantity(890000, "m²", FactQualifier.Exact), new Quantity(5200000000, "CNY", FactQualifier.Exact),
             new Quantity(700000000, "CNY", FactQualifier.AtLeast), new Quantity(58000000, "CNY", FactQualifier.Exact)],
            found.Select(f => f.Quantity));
    }
}
