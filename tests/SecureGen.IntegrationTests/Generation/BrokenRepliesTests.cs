using System.Diagnostics;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;
using SecureGen.IntegrationTests.Support;
using SecureGen.Simulator;

namespace SecureGen.IntegrationTests.Generation;

public sealed class BrokenRepliesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-broken-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task No_truncated_or_garbage_reply_yields_code_that_Python_can_parse()
    {
        Tools.RequireBandit();
        var tasks = new BuiltinDatasetLoader().Load(null).Where(t => t.SecureReference is not null).ToList();
        var files = 0;
        foreach (var task in tasks)
        {
            for (var seed = 0; seed < 20; seed++)
            {
                var random = new Random(seed);
                var reference = seed % 2 == 0 ? task.SecureReference! : task.InsecureReference!;
                var truncated = BrokenReplies.Truncate(ReplyComposer.Compose(reference, task.EntryPoint!, random), random);
                var garbage = BrokenReplies.Garbage(random);
                foreach (var reply in new[] { truncated, garbage })
                {
                    var code = CodeExtractor.Extract(reply, task.PromptCode, task.EntryPoint).Code;
                    await File.WriteAllTextAsync(Path.Combine(_dir, $"{files++:D5}.py"), code, TestContext.Current.CancellationToken);
                }
            }
        }

        // Empty code is unparsable to the grain ("no code found"); everything else must fail ast.parse.
        const string Check = "import ast, pathlib, sys\nbad = []\nfor p in sorted(pathlib.Path(sys.argv[1]).glob('*.py')):\n    src = p.read_text()\n    if not src.strip():\n        continue\n    try:\n        ast.parse(src)\n        bad.append(p.name)\n    except SyntaxError:\n        pass\nprint(' '.join(bad))\n";
        using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", Check, _dir]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var parsable = (await python.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Trim();
        await python.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(files >= 1000, $"{files} replies");
        Assert.True(parsable.Length == 0, "these parse: " + parsable);
    }
}
