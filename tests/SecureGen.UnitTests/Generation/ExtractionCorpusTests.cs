using System.Runtime.CompilerServices;
using System.Text.Json;
using SecureGen.Core.Generation;

namespace SecureGen.UnitTests.Generation;

/// <summary>
/// Snapshot tests over a corpus of realistic chat replies (Generation/ExtractionCorpus/NAME/reply.txt, with
/// case.json naming the prompt and entry point). Each expected.py holds the reviewed extraction. Set
/// SECUREGEN_UPDATE_SNAPSHOTS=1 to rewrite them after a deliberate change, then review the diff.
/// </summary>
public sealed class ExtractionCorpusTests
{
    private const string CorpusFolder = "Generation/ExtractionCorpus";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, CorpusFolder)).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "reply.txt")))
            {
                data.Add(Path.GetFileName(folder));
            }
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_replies()
    {
        Assert.True(Cases().Count >= 30, $"only {Cases().Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_reply_extracts_to_its_reviewed_snapshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, CorpusFolder, name);
        var reply = File.ReadAllText(Path.Combine(folder, "reply.txt"));
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "case.json")));
        var entryPoint = meta.RootElement.TryGetProperty("entry_point", out var e) ? e.GetString() : null;
        var promptCode = meta.RootElement.TryGetProperty("prompt", out var p)
            ? File.ReadAllText(Path.Combine(AppContext.BaseDirectory, CorpusFolder, "_prompts", p.GetString() + ".py"))
            : null;

        var extracted = CodeExtractor.Extract(reply, promptCode, entryPoint);

        var expectedPath = Path.Combine(folder, "expected.py");
        if (Environment.GetEnvironmentVariable("SECUREGEN_UPDATE_SNAPSHOTS") == "1" || !File.Exists(expectedPath))
        {
            var source = Path.Combine(SourceFolder(), "ExtractionCorpus", name, "expected.py");
            File.WriteAllText(source, extracted.Code);
            Assert.Fail($"snapshot written to {source} ({extracted.Method}; {string.Join("; ", extracted.Repairs)}): review it, then run again");
        }

        Assert.Equal(File.ReadAllText(expectedPath), extracted.Code);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
