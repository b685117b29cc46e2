using GraphQLArchive.Model.Search;

namespace GraphQLArchive.Tests.Search;

public sealed class SearchQueryParserTests
{
    [Theory]
    [InlineData("重点项目", "\"重点项目\"")]
    [InlineData("  罗清宇   张新伟 ", "\"罗清宇\" \"张新伟\"")]
    [InlineData("防汛 OR 防疫 会议", "\"防汛\" OR \"防疫\" \"会议\"")]
    [InlineData("罗清宇 -部队", "\"罗清宇\" -\"部队\"")]
    [InlineData("\"防汛减灾\"", "\"防汛减灾\"")]
    [InlineData("\"疫情 防控\" -\"驻并部队\"", "\"疫情 防控\" -\"驻并部队\"")]
    [InlineData("a OR b OR c", "\"a\" OR \"b\" OR \"c\"")]
    [InlineData("or 会议", "\"or\" \"会议\"")] // only upper-case OR is the operator
    [InlineData("\"OR\"", "\"OR\"")]
    [InlineData("L区 50%_", "\"L区\" \"50%_\"")]
    public void Reads_terms_groups_and_exclusions(string text, string canonical) =>
        Assert.Equal(canonical, SearchQuery.Parse(text).ToString());

    [Fact]
    public void Term_length_decides_between_the_index_and_LIKE()
    {
        var query = SearchQuery.Parse("罗 会议 重点项目 \"防汛 减\" 𠀀𠀁");
        Assert.Equal([false, false, true, true, false], query.Groups.Select(g => g[0].UsesIndex));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("\"防汛减灾", "never closed")]
    [InlineData("防汛\"减灾\"", "inside a word")]
    [InlineData("\"防汛\"减灾", "put a space after the closing quote")]
    [InlineData("\"\"", "phrase at position 1 is empty")]
    [InlineData("-", "excludes nothing")]
    [InlineData("罗清宇 - 部队", "excludes nothing")]
    [InlineData("OR 会议", "no term before it")]
    [InlineData("会议 OR", "no term after it")]
    [InlineData("会议 OR OR 防汛", "no term after it")]
    [InlineData("-部队", "only excludes")]
    [InlineData("会议 OR -部队", "cannot be part of OR")]
    [InlineData("a b c d e f g h i j k l m n o p q", "more than 16 terms")]
    public void Bad_syntax_says_what_to_fix(string text, string message)
    {
        var error = Assert.Throws<SearchSyntaxException>(() => SearchQuery.Parse(text));
        Assert.Contains(message, error.Message);
    }
}
