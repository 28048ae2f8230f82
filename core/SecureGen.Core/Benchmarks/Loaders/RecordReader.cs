using System.Text;
using System.Text.Json;

namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>Reads JSON Lines, JSON arrays and CSV into records that remember their file and line.</summary>
internal static class RecordReader
{
    public static IReadOnlyList<DatasetRecord> Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new DatasetFormatException(file, null, "file does not exist");
        }

        return Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".jsonl" => JsonLines(file),
            ".json" => JsonArray(file),
            ".csv" => Csv(file),
            var other => throw new DatasetFormatException(file, null, $"unsupported file type '{other}' (expected .jsonl, .json or .csv)"),
        };
    }

    public static IReadOnlyList<DatasetRecord> JsonLines(string file)
    {
        var records = new List<DatasetRecord>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                records.Add(DatasetRecord.FromJson(file, lineNumber, document.RootElement));
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(file, lineNumber, $"invalid JSON: {FirstSentence(e.Message)}");
            }
        }

        return records;
    }

    /// <summary>A top-level JSON array of objects; each record keeps the line its object starts on.</summary>
    public static IReadOnlyList<DatasetRecord> JsonArray(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var records = new List<DatasetRecord>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new DatasetFormatException(file, LineAt(bytes, reader.TokenStartIndex), "expected a JSON array of records");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineAt(bytes, reader.TokenStartIndex);
                using var document = JsonDocument.ParseValue(ref reader);
                records.Add(DatasetRecord.FromJson(file, line, document.RootElement));
            }
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(file, (int?)(e.LineNumber + 1), $"invalid JSON: {FirstSentence(e.Message)}");
        }

        return records;
    }

    /// <summary>RFC 4180 CSV with a header row; quoted fields may span lines. A record's line is where it starts.</summary>
    public static IReadOnlyList<DatasetRecord> Csv(string file)
    {
        var text = File.ReadAllText(file);
        var rows = new List<(int Line, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        var quoteOpenedOn = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    cell.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when cell.Length == 0:
                    inQuotes = true;
                    quoteOpenedOn = line;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    rows.Add((rowStart, cells));
                    cells = [];
                    line++;
                    rowStart = line;
                    break;
                default:
                    cell.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new DatasetFormatException(file, quoteOpenedOn, "unterminated quoted field");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowStart, cells));
        }

        rows.RemoveAll(r => r.Cells.Count == 1 && r.Cells[0].Length == 0);
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(file, 1, "empty CSV file (a header row is required)");
        }

        var header = rows[0].Cells.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var records = new List<DatasetRecord>();
        foreach (var (rowLine, row) in rows.Skip(1))
        {
            if (row.Count != header.Count)
            {
                throw new DatasetFormatException(file, rowLine, $"expected {header.Count} fields as in the header, found {row.Count}");
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                fields[header[c]] = row[c];
            }

            records.Add(new DatasetRecord(file, rowLine, fields));
        }

        return records;
    }

    private static int LineAt(byte[] bytes, long offset)
    {
        var line = 1;
        for (var i = 0L; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
