using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQLArchive.Querying.Limits;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// Serializes an answer whole, before its first byte is sent, under the request's deadline and the response size cap.
/// GraphQL.NET's converter writes a result in one piece, so streaming it gave no early bytes, only serialization that no
/// timeout covered (a second of CPU for 26 MB). Here the writer is checked every <see cref="Chunk"/> bytes: an answer that
/// grows past <see cref="RequestLimits.MaxResponseBytes"/> or runs past the deadline stops there, while the status and
/// body can still say why.
/// </summary>
internal static class BoundedResponse
{
    /// <summary>How often, in bytes written, the cap and the deadline are checked.</summary>
    internal const int Chunk = 64 * 1024;

    /// <summary>The answer's bytes, or why there are none.</summary>
    public sealed class Serialized : IDisposable
    {
        private readonly BoundedBufferWriter? _buffer;

        internal Serialized(BoundedBufferWriter buffer) => _buffer = buffer;

        internal Serialized(ExecutionError refusal) => Refusal = refusal;

        public ReadOnlyMemory<byte> Body => _buffer?.Written ?? ReadOnlyMemory<byte>.Empty;

        /// <summary><c>MAX_RESPONSE_SIZE_EXCEEDED</c> or the timeout, when the answer could not be written whole.</summary>
        public ExecutionError? Refusal { get; }

        public void Dispose() => _buffer?.Dispose();
    }

    /// <summary>
    /// <paramref name="result"/> as JSON, or a refusal when it is larger than the cap or the deadline passes while it is
    /// written. Throws <see cref="OperationCanceledException"/> only when the client has gone.
    /// </summary>
    public static Serialized Serialize<T>(HttpContext http, T result, RequestLimits limits, CancellationToken deadline) =>
        Serialize(http, result, limits, limits.MaxResponseBytes, inBatch: false, deadline);

    /// <summary>
    /// As above, with <paramref name="maxBytes"/> left of the cap: a batch's answers get what the earlier ones left, and a
    /// refusal says so (<paramref name="inBatch"/>).
    /// </summary>
    public static Serialized Serialize<T>(HttpContext http, T result, RequestLimits limits, long maxBytes, bool inBatch, CancellationToken deadline)
    {
        try
        {
            return new Serialized(Write(http, result, maxBytes, deadline));
        }
        catch (Exception e) when (e is ResponseTooLargeException or OperationCanceledException)
        {
            http.RequestAborted.ThrowIfCancellationRequested();
            return new Serialized(e is ResponseTooLargeException
                ? new ExecutionError((inBatch ? "The batch's answers up to this one are together" : "The answer is")
                    + $" larger than {limits.MaxResponseBytes:N0} bytes, the most this server sends, and {(inBatch ? "this one" : "it")} was not sent. Ask for smaller pages, fewer aliases or fewer long text fields (body, paragraphs)"
                    + (inBatch ? ", or split the batch." : "."))
                {
                    Code = RequestLimitCodes.ResponseTooLarge,
                    Data = { ["allowedBytes"] = limits.MaxResponseBytes },
                }
                : Timeouts.Error(limits));
        }
    }

    /// <summary>A small answer that needs no bound (an error), as JSON.</summary>
    public static Serialized SerializeUnbounded<T>(HttpContext http, T result) =>
        new(Write(http, result, long.MaxValue, CancellationToken.None));

    private static BoundedBufferWriter Write<T>(HttpContext http, T result, long maxBytes, CancellationToken deadline)
    {
        var json = http.RequestServices.GetRequiredService<Json>();
        var buffer = new BoundedBufferWriter(maxBytes, deadline);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, json.Writer))
                JsonSerializer.Serialize(writer, result, json.Serializer);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The endpoint serializer's options, found once (a singleton; <see cref="GraphQLHttpEndpointRouteBuilderExtensions.MapGraphQLHttp"/>
    /// builds it at start-up, so that another serializer fails there, not on the first request).
    /// </summary>
    internal sealed class Json
    {
        public Json(IGraphQLSerializer serializer)
        {
            Serializer = serializer is ArchiveJsonSerializer archive
                ? archive.Options
                : throw new InvalidOperationException($"The endpoint writes answers with {nameof(ArchiveJsonSerializer)}, not {serializer.GetType().Name}; register it with AddUnescapedUnicodeSystemTextJson().");
            Writer = new JsonWriterOptions { Encoder = Serializer.Encoder, Indented = Serializer.WriteIndented };
        }

        public JsonSerializerOptions Serializer { get; }

        public JsonWriterOptions Writer { get; }
    }

    private sealed class ResponseTooLargeException() : Exception("The answer is larger than the response size limit.");

    /// <summary>
    /// A pooled, growing buffer that hands the JSON writer at most <see cref="Chunk"/> bytes at a time, so that it comes
    /// back often, and refuses to go on past the cap or the deadline.
    /// </summary>
    internal sealed class BoundedBufferWriter(long maxBytes, CancellationToken deadline) : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        private int _written;

        public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _written);

        public void Advance(int count)
        {
            _written += count;
            Check();
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Check();
            var wanted = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written < wanted) Grow(wanted);
            return _buffer.AsMemory(_written, Math.Min(_buffer.Length - _written, Math.Max(wanted, Chunk)));
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, []);
            if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        }

        private void Check()
        {
            deadline.ThrowIfCancellationRequested();
            if (_written > maxBytes) throw new ResponseTooLargeException();
        }

        private void Grow(int wanted)
        {
            var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_written + wanted));
            if (size - _written < wanted) throw new ResponseTooLargeException();
            var larger = ArrayPool<byte>.Shared.Rent(size);
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}

/// <summary>The execution timeout, as Hot Chocolate reports it: <c>HC0045</c> with the figure.</summary>
internal static class Timeouts
{
    public static ExecutionError Error(RequestLimits limits)
    {
        var seconds = limits.ExecutionTimeout.TotalSeconds;
        return new ExecutionError(
            $"The request exceeded the execution timeout of {seconds:0.###} s and was stopped. Ask for smaller pages, fewer nested lists or a narrower search.")
        {
            Code = RequestLimitCodes.Timeout,
            Data = { ["timeoutSeconds"] = seconds },
        };
    }

    public static ExecutionResult Result(RequestLimits limits) => Refusals.Result(Error(limits));
}
