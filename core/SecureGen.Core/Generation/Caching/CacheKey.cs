using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace SecureGen.Core.Generation.Caching;

/// <summary>
/// The cache key of one sample: SHA-256 of a canonical JSON of (endpoint, model, messages, sampling
/// parameters, seed, sample index). The endpoint is its configured name, not its URL, so that the
/// in-process simulator (a new port every run) and a renamed host still hit.
/// </summary>
public static class CacheKey
{
    /// <summary>Bump when the key's content changes, so old rows are never mistaken for new ones.</summary>
    public const int Version = 1;

    public static string For(string endpoint, ChatRequest request, int sampleIndex)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("endpoint", endpoint);
            json.WriteString("model", request.Model);
            json.WriteStartArray("messages");
            foreach (var m in request.Messages)
            {
                json.WriteStartArray();
                json.WriteStringValue(m.Role);
                json.WriteStringValue(m.Content);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteNumber("temperature", request.Temperature);
            WriteNullable(json, "top_p", request.TopP);
            json.WriteNumber("max_tokens", request.MaxTokens);
            json.WriteStartArray("stop");
            foreach (var s in request.Stop ?? [])
            {
                json.WriteStringValue(s);
            }

            json.WriteEndArray();
            if (request.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }
            else
            {
                json.WriteNull("seed");
            }

            json.WriteNumber("sample", sampleIndex);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, float? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
