using SecureGen.Core.Scoring;

namespace SecureGen.UnitTests.Scoring;

public sealed class VocabularyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-vocab-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static int IndexOf(Vocabulary vocabulary, string token) => vocabulary.Tokens.ToList().IndexOf(token);

    private static Vocabulary Build(params string[] code) => Vocabulary.Build(code.Select(PythonTokenizer.Tokenize), minCount: 2, maxSize: 100);

    [Fact]
    public void Special_tokens_come_first_and_tokens_follow_by_frequency()
    {
        var vocabulary = Build("x = x + x", "x = y", "y = 'a'", "z");

        Assert.Equal(SpecialTokens.All, vocabulary.Tokens.Take(SpecialTokens.All.Count));
        Assert.Equal(["x", "=", "y"], vocabulary.Tokens.Skip(SpecialTokens.All.Count));
    }

    [Fact]
    public void Unknown_tokens_fall_back_to_their_class()
    {
        var vocabulary = Build("x = 1", "x = 1");
        int Id(string code) => vocabulary.Id(Assert.Single(PythonTokenizer.Tokenize(code)));

        Assert.Equal(IndexOf(vocabulary, "x"), Id("x"));
        Assert.Equal(SpecialTokens.UnknownId, Id("never_seen"));
        Assert.Equal(IndexOf(vocabulary, SpecialTokens.Str), Id("'rare'"));
        Assert.Equal(IndexOf(vocabulary, SpecialTokens.Sql), Id("'select 1'"));
        Assert.Equal(IndexOf(vocabulary, SpecialTokens.Number), Id("42"));
        Assert.Equal(IndexOf(vocabulary, "1"), Id("1"));
    }

    [Fact]
    public void A_saved_vocabulary_loads_back_identically()
    {
        var vocabulary = Build("import os\nos.system(cmd)", "import os\nos.system(cmd)");
        var path = Path.Combine(_dir, "vocab.json");

        vocabulary.Save(path);
        var loaded = Vocabulary.Load(path);

        Assert.Equal(vocabulary.Tokens, loaded.Tokens);
        Assert.Equal(PythonTokenizer.Version, loaded.TokenizerVersion);
    }

    [Fact]
    public void A_vocabulary_from_another_tokenizer_version_is_refused_with_a_clear_message()
    {
        var path = Path.Combine(_dir, "vocab.json");
        File.WriteAllText(path, """{"format":"securegen-vocab-1","tokenizer":"python-v0","size":7,"tokens":["<pad>","<unk>","<str>","<sql>","<num>","<fstr>","</fstr>"]}""");

        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains("python-v0", error.Message, StringComparison.Ordinal);
    }
}
