using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// How a success body becomes its typed result: either the record's generated converter called directly on a
/// <see cref="Utf8JsonReader"/> over the body, or, for types without one of their own (pages, raw responses), the
/// source-generated serializer contract.
/// </summary>
/// <remarks>
/// Going to the generated converter directly skips the serializer's entry point: fetching a contract from a context
/// puts the context's options into the serializer's global cache the first time (hashing every option, loading
/// System.Collections.Concurrent and System.Text.Encodings.Web), which a fresh process paid on its first call, and
/// every call set up the serializer's read state for a converter that needs none. Both ways read with the same
/// rules: one JSON value, nothing after it but white space, no comments, no trailing commas, at most 64 levels deep.
/// </remarks>
/// <typeparam name="T">The result type.</typeparam>
internal readonly struct ResponseReader<T>
    where T : class
{
    private readonly JsonTypeInfo<T>? _contract;
    private readonly JsonConverter<T>? _converter;
    private readonly JsonSerializerOptions? _options;

    private ResponseReader(JsonTypeInfo<T>? contract, JsonConverter<T>? converter, JsonSerializerOptions? options)
    {
        _contract = contract;
        _converter = converter;
        _options = options;
    }

    /// <summary>Reads through the serializer with <paramref name="contract"/>.</summary>
    /// <param name="contract">The source-generated contract of the result.</param>
    /// <returns>The reader.</returns>
    public static ResponseReader<T> Of(JsonTypeInfo<T> contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new(contract, null, null);
    }

    /// <summary>Reads with the generated <paramref name="converter"/>, which is handed <paramref name="options"/> for the records it nests.</summary>
    /// <param name="converter">The result's generated converter.</param>
    /// <param name="options">The options of the family's JSON context (expanded objects are read through them).</param>
    /// <returns>The reader.</returns>
    public static ResponseReader<T> Direct(JsonConverter<T> converter, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(options);
        return new(null, converter, options);
    }

    /// <summary>Reads one JSON value from <paramref name="json"/>.</summary>
    /// <param name="json">The whole body, UTF-8.</param>
    /// <returns>The result, or <see langword="null"/> for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The body is not one JSON value of the expected shape.</exception>
    public T? Read(ReadOnlySpan<byte> json)
    {
        if (_contract is not null)
        {
            return JsonSerializer.Deserialize(json, _contract);
        }

        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            throw new JsonException("The body holds no JSON value.");
        }

        var value = _converter!.Read(ref reader, typeof(T), _options!);

        // The serializer refuses anything after the value but white space; so does this path.
        if (reader.Read())
        {
            throw new JsonException($"The body holds more than one JSON value: {reader.TokenType} after the {typeof(T).Name}.");
        }

        return value;
    }
}
