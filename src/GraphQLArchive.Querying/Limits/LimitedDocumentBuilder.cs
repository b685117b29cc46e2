using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// Parses a document only when it is within the size and token limits, which are checked in one linear pass
/// before the parser builds anything; the parser's own depth limit becomes a coded error instead of an exception.
/// </summary>
public sealed class LimitedDocumentBuilder(RequestLimits limits) : IDocumentBuilder
{
    public GraphQLDocument Build(string body)
    {
        if (body.Length > limits.MaxDocumentLength)
        {
            throw new RequestLimitError(
                $"The document has {body.Length} characters; at most {limits.MaxDocumentLength} are allowed. Pass data in variables, or split the request.",
                RequestLimitCodes.DocumentTooLarge, ("length", body.Length), ("allowedLength", limits.MaxDocumentLength));
        }
        CountTokens(body);
        try
        {
            return Parser.Parse(body, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = limits.MaxParserDepth });
        }
        catch (GraphQLSyntaxErrorException e)
        {
            throw new SyntaxError(e);
        }
        catch (IndexOutOfRangeException)
        {
            throw Unreadable();
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new RequestLimitError(
                $"The document nests more than {limits.MaxParserDepth} levels (selections, lists and objects). Flatten it.",
                RequestLimitCodes.ParserDepth, ("allowedParserDepth", limits.MaxParserDepth));
        }
    }

    /// <summary>
    /// The parser fails while describing some syntax errors (it highlights a location past a line break it
    /// mis-measured); the document is still simply invalid, so it gets the syntax error's code.
    /// </summary>
    private static ValidationError Unreadable() =>
        new("The document is not valid GraphQL: it holds a character the parser cannot place, such as a control character or a line break inside a string. Escape it, or pass the text in a variable.")
        { Code = "SYNTAX_ERROR" };

    private void CountTokens(string body)
    {
        var tokens = 0;
        var position = 0;
        while (true)
        {
            Token token;
            try
            {
                token = Lexer.Lex(body, position);
            }
            catch (GraphQLSyntaxErrorException e)
            {
                throw new SyntaxError(e);
            }
            catch (IndexOutOfRangeException)
            {
                throw Unreadable();
            }
            if (token.Kind == TokenKind.EOF) return;
            if (++tokens > limits.MaxTokens)
            {
                throw new RequestLimitError(
                    $"The document has more than {limits.MaxTokens} tokens. Select fewer fields, or split the request.",
                    RequestLimitCodes.TooManyTokens, ("allowedTokens", limits.MaxTokens));
            }
            position = token.End;
        }
    }
}
