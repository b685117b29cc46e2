using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Http;

/// <summary>A tiny schema that exercises the transport without any archive data.</summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services) : base(services)
    {
        Query = new TestQuery();
        Mutation = new TestMutation();
    }
}

public sealed class TestQuery : ObjectGraphType
{
    public const string ChineseText = "市委书记调研重大项目建设";

    public TestQuery()
    {
        Name = "Query";
        Field<StringGraphType>("hello").Resolve(_ => "world");
        Field<StringGraphType>("greet")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<IntGraphType>("times")
            .Resolve(context => string.Join(" ",
                Enumerable.Repeat($"Hello, {context.GetArgument<string>("name")}!", context.GetArgument("times", 1))));
        Field<StringGraphType>("chinese").Resolve(_ => ChineseText);
        Field<StringGraphType>("boom").Resolve(_ => throw new InvalidOperationException("Boom on purpose."));
        Field<StringGraphType>("slow")
            .Argument<NonNullGraphType<IntGraphType>>("milliseconds")
            .ResolveAsync(async context =>
            {
                await Task.Delay(context.GetArgument<int>("milliseconds"), context.CancellationToken);
                return "done";
            });
        Field<StringGraphType>("apiKey")
            .Resolve(context => context.GetHttpContext()?.Request.Headers["X-Api-Key"].ToString());
    }
}

public sealed class TestMutation : ObjectGraphType
{
    public TestMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<IntGraphType>>("increment")
            .Resolve(context => context.RequestServices!.GetRequiredService<MutationCounter>().Increment());
    }
}

/// <summary>Counts mutation runs, so tests can prove a refused mutation never ran.</summary>
public sealed class MutationCounter
{
    private int _count;
    public int Count => _count;
    public int Increment() => Interlocked.Increment(ref _count);
}
