using System.Text.Json;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>Reads results.jsonl back; a malformed line is an error naming the file and line.</summary>
public static class ResultsFileReader
{
    public static IReadOnlyList<SessionResult> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        var results = new List<SessionResult>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                results.Add(JsonSerializer.Deserialize<SessionResult>(text, ResultJson.Options) ?? throw new JsonException("null record"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{line}: not a session result ({e.Message.Split(" Path:")[0]})", e);
            }
        }

        return results;
    }
}
