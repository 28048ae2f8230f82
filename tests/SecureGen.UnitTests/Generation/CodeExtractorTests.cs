using SecureGen.Core.Generation;

namespace SecureGen.UnitTests.Generation;

public sealed class CodeExtractorTests
{
    private const string Prompt = "import os\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route('/read')\ndef read_file():\n    \"\"\"Read a file.\"\"\"\n";

    [Fact]
    public void A_fenced_python_block_is_taken_without_the_prose_around_it()
    {
        var reply = "Here you go:\n\n```python\ndef add(a, b):\n    return a + b\n```\n\nThis adds two numbers.";
        var code = CodeExtractor.Extract(reply);
        Assert.Equal("def add(a, b):\n    return a + b\n", code.Code);
        Assert.Equal("fenced", code.Method);
    }

    [Fact]
    public void Of_several_blocks_the_one_defining_the_entry_point_wins()
    {
        var reply = "First install:\n```bash\npip install flask\n```\nThen:\n```python\ndef other():\n    pass\n\n\ndef target(x):\n    return x * 2\n```\nUsage:\n```python\nprint(target(2))\n```";
        var code = CodeExtractor.Extract(reply, entryPoint: "target");
        Assert.Contains("def target(x):", code.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("pip install", code.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("print(target(2))", code.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_with_a_wrong_language_tag_is_still_found_when_it_reads_as_python()
    {
        var reply = "```javascript\nimport json\n\ndef load(s):\n    return json.loads(s)\n```";
        Assert.Contains("def load(s):", CodeExtractor.Extract(reply, entryPoint: "load").Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_code_loses_leading_and_trailing_prose()
    {
        var reply = "Sure, this is how:\n\nimport json\n\ndef load(s):\n    return json.loads(s)\n\nThis parses the string.\nHope it helps!";
        var code = CodeExtractor.Extract(reply, entryPoint: "load");
        Assert.Equal("import json\n\ndef load(s):\n    return json.loads(s)\n", code.Code);
        Assert.Equal("bare", code.Method);
    }

    [Fact]
    public void Imports_and_module_setup_dropped_by_the_reply_are_restored_from_the_prompt()
    {
        var reply = "```python\n@app.route('/read')\ndef read_file():\n    name = request.args.get('name')\n    return open(os.path.join('/srv', name)).read()\n```";
        var code = CodeExtractor.Extract(reply, Prompt, "read_file");
        Assert.StartsWith("import os\nfrom flask import Flask, request\n", code.Code, StringComparison.Ordinal);
        Assert.Contains("app = Flask(__name__)", code.Code, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(code.Code, "@app.route"));
        Assert.Contains(code.Repairs, r => r.Contains("module code", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_decorator_is_put_back_above_the_function()
    {
        var reply = "```python\nimport os\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\ndef read_file():\n    return 'x'\n```";
        var code = CodeExtractor.Extract(reply, Prompt, "read_file");
        Assert.Contains("@app.route('/read')\ndef read_file():", code.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_that_only_continues_the_body_gets_the_prompt_prepended()
    {
        var reply = "    name = request.args.get('name')\n    return name\n";
        var code = CodeExtractor.Extract(reply, Prompt, "read_file");
        Assert.Equal("continuation", code.Method);
        Assert.StartsWith("import os", code.Code, StringComparison.Ordinal);
        Assert.EndsWith("    return name\n", code.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void End_of_text_tokens_and_what_follows_are_cut()
    {
        var code = CodeExtractor.Extract("```python\ndef f():\n    return 1\n```<|endoftext|>Human: next question");
        Assert.Equal("def f():\n    return 1\n", code.Code);
    }

    [Fact]
    public void An_unterminated_fence_from_a_truncated_reply_still_yields_its_code()
    {
        var code = CodeExtractor.Extract("Here:\n```python\ndef f():\n    return 1\n");
        Assert.Equal("def f():\n    return 1\n", code.Code);
    }

    [Fact]
    public void A_reply_without_code_is_empty()
    {
        var code = CodeExtractor.Extract("I am sorry, I cannot help with that request.");
        Assert.True(code.IsEmpty);
        Assert.Equal("empty", code.Method);
    }
}
