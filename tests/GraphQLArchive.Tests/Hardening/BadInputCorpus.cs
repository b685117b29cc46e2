using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>One bad request: its class (for the figures) and how to make it.</summary>
public sealed record BadInput(string Class, string Name, Func<HttpRequestMessage> Request)
{
    public override string ToString() => $"{Class}: {Name}";
}

/// <summary>
/// The classes of bad input that issue 11 found answered with a 500, an uncoded error or far too much work,
/// each in many variants. Deterministic: the same list every run.
/// </summary>
public static class BadInputCorpus
{
    private const string Accept = "application/graphql-response+json";

    public static IReadOnlyList<BadInput> All()
    {
        var cases = new List<BadInput>();
        var random = new Random(11);

        // Invalid UTF-8: every byte that cannot start a character, and truncated sequences.
        for (var b = 0x80; b <= 0xFF; b++)
        {
            var bad = (byte)b;
            cases.Add(Raw("invalid UTF-8", $"byte 0x{b:X2}", [.. "{\"query\":\"{ search(query: \\\"罗"u8, bad, .. "\\\") { totalCount } }\"}"u8]));
        }
        var han = "罗"u8.ToArray();
        for (var cut = 1; cut < han.Length; cut++)
            for (var at = 0; at < 7; at++)
            {
                var prefix = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + new string('a', at));
                cases.Add(Raw("invalid UTF-8", $"truncated after {cut} byte(s) at {at}", [.. prefix, .. han[..cut], .. "\"}}"u8]));
            }

        // Lone surrogate escapes, in every place a string goes.
        for (var s = 0xD800; s <= 0xDFFF; s += 0x40)
        {
            var escape = $"\\u{s:x4}";
            cases.Add(Json("lone surrogate", $"{escape} in a variable", $"{{\"query\":\"query($q: String!) {{ search(query: $q) {{ totalCount }} }}\",\"variables\":{{\"q\":\"{escape}\"}}}}"));
            cases.Add(Json("lone surrogate", $"{escape} in the query", $"{{\"query\":\"{{ search(query: \\\"{escape}\\\") {{ totalCount }} }}\"}}"));
        }

        // Broken JSON: a valid body cut short at every length.
        var valid = JsonSerializer.Serialize(new { query = "{ articles(first: 2) { nodes { headline } } }", variables = new { a = 1 } });
        for (var length = 1; length < valid.Length; length += 2)
            cases.Add(Json("malformed JSON", $"cut at {length}", valid[..length]));

        // The parser's depth limit: nested values and nested selections around the limit.
        for (var depth = 60; depth <= 140; depth += 4)
        {
            cases.Add(Query("parser depth", $"list value {depth}", "{ articles(where: { characterCount: { in: " + new string('[', depth) + "1" + new string(']', depth) + " } }) { totalCount } }"));
            cases.Add(Query("parser depth", $"object value {depth}", "{ articles(where: " + string.Concat(Enumerable.Repeat("{ and: [", depth / 2)) + "{}" + string.Concat(Enumerable.Repeat("] }", depth / 2)) + ") { totalCount } }"));
            cases.Add(Query("parser depth", $"selection {depth}", string.Concat(Enumerable.Repeat("{ __typename ... on Query ", depth)) + new string('}', depth)));
        }

        // Operation types the schema lacks, and mutations by GET.
        foreach (var op in new[] { "subscription { articles { totalCount } }", "subscription S { __typename }", "subscription { search(query: \"罗\") { totalCount } }" })
        {
            cases.Add(Query("operation type", op, op));
            cases.Add(Get("operation type", "GET " + op, op));
        }
        cases.Add(Get("operation type", "mutation over GET", "mutation { ingestPage(input: { text: \"x\", editionDate: \"2021-01-01\" }) { created } }"));

        // Doubling fragments.
        for (var levels = 5; levels <= 45; levels++)
        {
            var text = new StringBuilder("query { ...F0 }\n");
            for (var i = 0; i < levels; i++) text.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
            text.Append($"fragment F{levels} on Query {{ __typename }}\n");
            cases.Add(Query("fragment bomb", $"{levels} levels", text.ToString()));
        }

        // Repeated fields and conflicting aliases.
        foreach (var count in new[] { 100, 500, 1000, 2048, 2049, 3000, 5000, 10_000, 20_000 })
            cases.Add(Query("repeated fields", $"{count} __typename", "{ " + string.Concat(Enumerable.Repeat("__typename ", count)) + "}"));
        for (var count = 10; count <= 500; count += 10)
            cases.Add(Query("conflicting aliases", $"{count}", "{ " + string.Concat(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "x: articles { totalCount } " : "x: officials { totalCount } ")) + "}"));

        // Introspection: aliases, ofType chains, recursion through lists.
        for (var aliases = 1; aliases <= 30; aliases++)
            cases.Add(Query("introspection", $"{aliases} aliases of __schema", "{ " + string.Concat(Enumerable.Range(0, aliases).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name args {{ name }} }} }} }} ")) + "}"));
        for (var depth = 1; depth <= 30; depth++)
            cases.Add(Query("introspection", $"ofType {depth}", "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", depth)) + "name" + new string('}', depth) + " } } } } }"));
        foreach (var list in new[] { "fields", "interfaces", "possibleTypes" })
            for (var repeat = 1; repeat <= 4; repeat++)
            {
                var inner = list == "fields" ? "type { " : "";
                var close = list == "fields" ? " }" : "";
                cases.Add(Query("introspection", $"{list} × {repeat}", "{ __type(name: \"Article\") { " + string.Concat(Enumerable.Repeat(list + " { " + inner, repeat)) + "name" + string.Concat(Enumerable.Repeat(close + " }", repeat)) + " } }"));
            }

        // Input lists.
        foreach (var size in new[] { 10, 100, 499, 500, 501, 1000, 5000, 40_000 })
        {
            cases.Add(Variables("in list", $"characterCount in {size}", "query($v: [Int]) { articles(where: { characterCount: { in: $v } }) { totalCount } }", new { v = Enumerable.Range(0, size) }));
            cases.Add(Variables("in list", $"headline nin {size}", "query($v: [String]) { articles(where: { headline: { nin: $v } }) { totalCount } }", new { v = Enumerable.Range(0, size).Select(i => "h" + i) }));
            cases.Add(Variables("in list", $"totalInvestment in {size}", "query($v: [Decimal]) { projects(where: { totalInvestment: { in: $v } }) { totalCount } }", new { v = Enumerable.Range(0, size).Select(i => i * 1000m) }));
            cases.Add(Variables("in list", $"nodes {size}", "query($v: [ID!]!) { nodes(ids: $v) { id } }", new { v = Enumerable.Range(1, size).Select(i => Convert.ToBase64String(Encoding.UTF8.GetBytes($"Article:{i}"))) }));
        }

        // Searches: control characters, lengths, syntax.
        for (var c = 0; c < 0x20; c++)
            cases.Add(Variables("search", $"control U+{c:X4}", "query($q: String!) { search(query: $q) { totalCount } }", new { q = new string((char)c, 3) }));
        cases.Add(Variables("search", "DEL", "query($q: String!) { search(query: $q) { totalCount facets { total } } }", new { q = "\u007f" }));
        foreach (var length in new[] { 1, 100, 499, 500, 501, 2000, 100_000, 1_000_000 })
            cases.Add(Variables("search", $"length {length}", "query($q: String!) { search(query: $q) { totalCount } }", new { q = new string('罗', length) }));
        foreach (var q in new[] { "", " ", "\"", "-", "OR", "a OR", "OR a", "-a", "\"unclosed", "a -\"b\" OR c", "\"\"", new string('"', 9), string.Join(" ", Enumerable.Repeat("罗", 40)) })
            cases.Add(Variables("search", $"syntax [{q}]", "query($q: String!) { search(query: $q) { totalCount } }", new { q }));

        // Forged and broken cursors, on connections and on search.
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(1, 80)];
            random.NextBytes(bytes);
            var cursor = Convert.ToBase64String(bytes);
            cases.Add(Variables("cursor", $"random {i} on articles", "query($c: String) { articles(after: $c) { totalCount } }", new { c = cursor }));
            cases.Add(Variables("cursor", $"random {i} on search", "query($c: String) { search(query: \"罗清宇\", before: $c, last: 2) { totalCount } }", new { c = cursor }));
        }
        foreach (var payload in new[] { "[null,null,null]", "[\"x\",1,2,3]", "[1.5,99999999,1]", "{}", "[]", "\"s\"", "[\"00000000\",null]" })
        {
            var cursor = Convert.ToBase64String([.. Encoding.UTF8.GetBytes(payload), .. new byte[16]]);
            cases.Add(Variables("cursor", $"payload {payload} on search", "query($c: String) { search(query: \"罗清宇\", after: $c) { totalCount } }", new { c = cursor }));
            cases.Add(Variables("cursor", $"payload {payload} on officials", "query($c: String) { officials(before: $c, last: 1) { totalCount } }", new { c = cursor }));
        }

        // Ids.
        foreach (var id in new[] { "", "=", "not base64!", "QXJ0aWNsZTp4", "V2lkZ2V0OjE=", "QXJ0aWNsZTo=", "QXJ0aWNsZTotMQ==", "QXJ0aWNsZTo5OTk5OTk5OTk5OTk5", Convert.ToBase64String(Encoding.UTF8.GetBytes("Article:" + new string('9', 400))), "T2ZmaWNpYWw6MQ" })
        {
            cases.Add(Variables("id", $"node {id}", "query($id: ID!) { node(id: $id) { id } }", new { id }));
            cases.Add(Variables("id", $"officialById {id}", "query($id: ID!) { officialById(id: $id) { name } }", new { id }));
            cases.Add(Variables("id", $"filter {id}", "query($id: ID) { articles(where: { id: { eq: $id } }) { totalCount } }", new { id }));
        }

        // Decimals at and beyond what is stored.
        foreach (var value in new[] { "1e17", "-1e17", "1e28", "79228162514264337593543950335", "5200000000.004", "5199999999.996", "0.001", "-0.005", "92233720368547758.07", "1e-30" })
        {
            cases.Add(Query("decimal", $"eq {value}", $"{{ projects(where: {{ totalInvestment: {{ eq: {value} }} }}) {{ totalCount }} }}"));
            cases.Add(Query("decimal", $"gt {value}", $"{{ projects(where: {{ floorArea: {{ gt: {value} }} }}) {{ totalCount }} }}"));
        }

        // Page sizes and numbers.
        foreach (var n in new[] { "-1", "51", "2147483647", "-2147483648", "1e3", "\"5\"" })
        {
            cases.Add(Query("paging", $"first {n}", $"{{ articles(first: {n}) {{ totalCount }} }}"));
            cases.Add(Query("paging", $"take {n}", $"{{ articlesPage(take: {n}) {{ totalCount }} }}"));
        }

        // Variables of the wrong shape.
        foreach (var (name, variables) in new (string, object)[] { ("string for Int", new { v = "x" }), ("object for Int", new { v = new { a = 1 } }), ("float for Int", new { v = 1.5 }), ("huge", new { v = 1e300 }), ("list for Int", new { v = new[] { 1 } }) })
            cases.Add(Variables("variables", name, "query($v: Int) { articles(first: $v) { totalCount } }", variables));
        foreach (var body in new[] { "[]", "1", "\"q\"", "null", "{\"query\":1}", "{\"query\":\"{ __typename }\",\"variables\":[]}", "{\"query\":\"{ __typename }\",\"extensions\":\"x\"}", "{\"query\":\"{ __typename }\",\"operationName\":5}", "{\"query\":\"query A { __typename } query B { __typename }\"}", "{\"query\":\"{ __typename }\",\"operationName\":\"Nope\"}" })
            cases.Add(Json("request shape", body, body));

        // Transport: content types, methods, a body over the size limit.
        foreach (var contentType in new[] { "text/plain", "application/xml", "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/graphql" })
            cases.Add(new BadInput("transport", $"content type {contentType}", () => WithAccept(new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
            })));
        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS" })
            cases.Add(new BadInput("transport", $"method {method}", () => WithAccept(new HttpRequestMessage(new HttpMethod(method), "/graphql"))));
        cases.Add(new BadInput("transport", "accept image/png", () => new HttpRequestMessage(HttpMethod.Get, "/graphql?query={__typename}") { Headers = { Accept = { MediaTypeWithQualityHeaderValue.Parse("image/png") } } }));
        cases.Add(Raw("transport", "body of 21 MB", Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + new string('a', 21_000_000) + "\"}}")));

        PersistedQueries(cases);
        Batches(cases);
        ConditionalHeaders(cases);
        return cases;
    }

    private const string Hash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Automatic persisted queries and trusted-document ids of every wrong shape, over POST and GET.</summary>
    private static void PersistedQueries(List<BadInput> cases)
    {
        var extensions = new[]
        {
            "\"x\"", "[]", "1", "{\"persistedQuery\":\"x\"}", "{\"persistedQuery\":[]}", "{\"persistedQuery\":1}", "{\"persistedQuery\":{}}",
            "{\"persistedQuery\":{\"version\":1}}", "{\"persistedQuery\":{\"sha256Hash\":\"" + Hash + "\"}}",
            "{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"" + Hash + "\"}}", "{\"persistedQuery\":{\"version\":0,\"sha256Hash\":\"" + Hash + "\"}}",
            "{\"persistedQuery\":{\"version\":-1,\"sha256Hash\":\"" + Hash + "\"}}", "{\"persistedQuery\":{\"version\":1.5,\"sha256Hash\":\"" + Hash + "\"}}",
            "{\"persistedQuery\":{\"version\":1e400,\"sha256Hash\":\"" + Hash + "\"}}", "{\"persistedQuery\":{\"version\":\"1\",\"sha256Hash\":\"" + Hash + "\"}}",
            "{\"persistedQuery\":{\"version\":null,\"sha256Hash\":\"" + Hash + "\"}}", "{\"persistedQuery\":{\"version\":true,\"sha256Hash\":\"" + Hash + "\"}}",
            "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":null}}", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":1}}",
            "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"\"}}", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}",
            "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('g', 64) + "\"}}", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + Hash + "0\"}}",
            "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('f', 100_000) + "\"}}", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"罗" + Hash[1..] + "\"}}",
            "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"\\ud800" + Hash[1..] + "\"}}", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":[\"" + Hash + "\"]}}",
            "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + Hash + "\"}}",
        };
        foreach (var extension in extensions)
        {
            var name = extension.Length > 60 ? extension[..60] + "…" : extension;
            cases.Add(Json("persisted query", $"hash only, extensions {name}", $"{{\"extensions\":{extension}}}"));
            cases.Add(Json("persisted query", $"with a query, extensions {name}", $"{{\"query\":\"{{ __typename }}\",\"extensions\":{extension}}}"));
            cases.Add(new BadInput("persisted query", $"GET extensions {name}", () => WithAccept(new HttpRequestMessage(HttpMethod.Get, "/graphql?extensions=" + Uri.EscapeDataString(extension)))));
        }
        // A query sent with the hash of another.
        foreach (var query in new[] { "{ __typename }", "{ articles(first: 1) { totalCount } }", "mutation { ingestPage(input: { text: \"x\", editionDate: \"2021-01-01\" }) { created } }" })
            cases.Add(Json("persisted query", $"hash mismatch: {query}", JsonSerializer.Serialize(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash } } })));
        // Trusted-document ids: none is configured in this run, and none may name a path.
        foreach (var id in new[] { "\"x\"", "\"../appsettings\"", "\"..\\\\x\"", "\"/etc/passwd\"", "\"a.graphql\"", "\"\"", "\" \"", "1", "true", "[]", "{}", "\"" + new string('a', 129) + "\"", "\"罗\"", "\"\\u0000\"", "\"\\ud800\"" })
        {
            cases.Add(Json("persisted query", $"id {id}", $"{{\"id\":{id}}}"));
            cases.Add(Json("persisted query", $"id {id} with a query", $"{{\"id\":{id},\"query\":\"{{ __typename }}\"}}"));
            cases.Add(new BadInput("persisted query", $"GET id {id}", () => WithAccept(new HttpRequestMessage(HttpMethod.Get, "/graphql?id=" + Uri.EscapeDataString(id.Trim('"'))))));
        }
    }

    /// <summary>Batches (this run has batching on, capped at 10): empty, too large, nested, of the wrong items, and HC's batchOperations.</summary>
    private static void Batches(List<BadInput> cases)
    {
        const string item = "{\"query\":\"{ __typename }\"}";
        foreach (var (name, body) in new[]
        {
            ("empty", "[]"), ("null item", "[null]"), ("number item", "[1]"), ("string item", "[\"{ __typename }\"]"), ("nested batch", $"[[{item}]]"),
            ("empty object", "[{}]"), ("item without query", "[{\"variables\":{}}]"), ("bad variables", "[{\"query\":\"{ __typename }\",\"variables\":[]}]"),
            ("parse error", "[{\"query\":\"{\"}]"), ("unknown field", "[{\"query\":\"{ nope }\"}]"), ("mixed", $"[{item},1,{{\"query\":\"{{ nope }}\"}},null]"),
            ("11 items", "[" + string.Join(",", Enumerable.Repeat(item, 11)) + "]"), ("1000 items", "[" + string.Join(",", Enumerable.Repeat(item, 1000)) + "]"),
            ("100,000 items", "[" + string.Join(",", Enumerable.Repeat("1", 100_000)) + "]"), ("cut short", $"[{item},"),
            ("subscription item", "[{\"query\":\"subscription { __typename }\"}]"), ("fragment bombs", "[" + string.Join(",", Enumerable.Repeat(JsonSerializer.Serialize(new { query = FragmentBomb(30) }), 10)) + "]"),
            ("hash-only items", "[" + string.Join(",", Enumerable.Repeat($"{{\"extensions\":{{\"persistedQuery\":{{\"version\":1,\"sha256Hash\":\"{Hash}\"}}}}}}", 10)) + "]"),
            ("ten unauthenticated mutations", "[" + string.Join(",", Enumerable.Repeat("{\"query\":\"mutation { ingestPage(input: { text: \\\"x\\\", editionDate: \\\"2021-01-01\\\" }) { created } }\"}", 10)) + "]"),
        })
            cases.Add(Json("batch", name, body));

        foreach (var operations in new[] { "", "[", "]", "A", "[A", "[]", "[,]", "[1]", "[A B]", "[\"A\",]", "[" + string.Join(",", Enumerable.Repeat("A", 11)) + "]", "[Nope]", "[A,Nope]", "[" + new string('A', 10_000) + "]", "[罗]" })
        {
            const string document = "query A { __typename } query B { __typename }";
            cases.Add(new BadInput("batch", $"GET batchOperations={operations}", () => WithAccept(new HttpRequestMessage(HttpMethod.Get,
                "/graphql?query=" + Uri.EscapeDataString(document) + "&batchOperations=" + Uri.EscapeDataString(operations)))));
            cases.Add(new BadInput("batch", $"POST batchOperations={operations}", () => WithAccept(new HttpRequestMessage(HttpMethod.Post, "/graphql?batchOperations=" + Uri.EscapeDataString(operations))
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = document }), Encoding.UTF8, "application/json"),
            })));
        }
    }

    /// <summary>Conditional and range headers no client should send, on GET and HEAD of the endpoint and of the schema file.</summary>
    private static void ConditionalHeaders(List<BadInput> cases)
    {
        var values = new[]
        {
            "", "\"", "\"unterminated", "W/", "W/\"", "*, \"a\"", ",,,", "\"a\" \"b\"", "罗", "\"" + new string('a', 10_000) + "\"", string.Join(",", Enumerable.Repeat("\"a\"", 2_000)),
            "W/\"x\", *", "\"\\\"\"", "\u0001", "Mon, 32 Foo 2021 25:61:61 GMT",
        };
        foreach (var header in new[] { "If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range", "Range" })
            foreach (var value in values)
                foreach (var (method, path) in new[] { (HttpMethod.Get, "/graphql?query=%7B__typename%7D"), (HttpMethod.Head, "/graphql?query=%7B__typename%7D"), (HttpMethod.Get, "/graphql/schema.graphql") })
                {
                    if (path.Contains("schema") && header is "If-Match" or "If-Unmodified-Since") continue;
                    cases.Add(new BadInput("conditional header", $"{method} {path} {header}: {(value.Length > 30 ? value[..30] + "…" : value)}", () =>
                    {
                        var request = WithAccept(new HttpRequestMessage(method, path));
                        request.Headers.TryAddWithoutValidation(header, value);
                        return request;
                    }));
                }
    }

    private static string FragmentBomb(int levels)
    {
        var text = new StringBuilder("query { ...F0 }\n");
        for (var i = 0; i < levels; i++) text.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
        return text.Append($"fragment F{levels} on Query {{ __typename }}\n").ToString();
    }

    private static HttpRequestMessage WithAccept(HttpRequestMessage request)
    {
        request.Headers.Accept.ParseAdd(Accept);
        return request;
    }

    private static BadInput Raw(string @class, string name, byte[] body) => new(@class, name, () => WithAccept(new HttpRequestMessage(HttpMethod.Post, "/graphql")
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/json") } },
    }));

    private static BadInput Json(string @class, string name, string json) => Raw(@class, name, Encoding.UTF8.GetBytes(json));

    private static BadInput Query(string @class, string name, string query) => Json(@class, name, JsonSerializer.Serialize(new { query }));

    private static BadInput Variables(string @class, string name, string query, object variables) => Json(@class, name, JsonSerializer.Serialize(new { query, variables }));

    private static BadInput Get(string @class, string name, string query) =>
        new(@class, name, () => WithAccept(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query))));
}
