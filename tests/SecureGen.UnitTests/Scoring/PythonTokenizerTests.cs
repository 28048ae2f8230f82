using SecureGen.Core.Scoring;

namespace SecureGen.UnitTests.Scoring;

/// <summary>Snapshots of the tokenizer on tricky Python: each token as "line:text".</summary>
public sealed class PythonTokenizerTests
{
    private static string Snapshot(string code) => string.Join(" ", PythonTokenizer.Tokenize(code).Select(t => $"{t.Line}:{t.Text}"));

    [Fact]
    public void Comments_and_whitespace_are_dropped_and_short_strings_kept_with_normalized_quotes()
    {
        Assert.Equal(
            "1:x 1:= 1:\"abc\" 3:y 3:= 3:\"it's\"",
            Snapshot("x = 'abc'  # a comment with 'quotes' and \"more\"\n\n    y = \"it's\"\n# trailing comment"));
    }

    [Fact]
    public void Long_strings_are_abstracted_and_sql_gets_its_own_class()
    {
        Assert.Equal(
            "1:q 1:= 1:<sql> 1:% 1:name 2:msg 2:= 2:<str>",
            Snapshot("q = \"SELECT id FROM users WHERE name = '%s'\" % name\nmsg = 'this message is longer than twenty-four characters'"));
    }

    [Fact]
    public void A_short_string_keeps_its_text_but_remembers_its_class_for_the_vocabulary()
    {
        var token = Assert.Single(PythonTokenizer.Tokenize("'DROP TABLE x'"));
        Assert.Equal(("\"DROP TABLE x\"", CodeTokenKind.StringLiteral, SpecialTokens.Sql), (token.Text, token.Kind, token.Fallback));
    }

    [Fact]
    public void F_strings_tokenize_their_expressions_and_drop_conversions_and_format_specs()
    {
        Assert.Equal(
            "1:q 1:= 1:<fstr> 1:<sql> 1:{ 1:user_id 1:} 1:\" and \" 1:{ 1:row 1:[ 1:\"k\" 1:] 1:} 1:</fstr>",
            Snapshot("q = f\"SELECT * FROM t WHERE id = {user_id!r:>10} and {row['k']}\""));
        Assert.Equal(
            "1:<fstr> 1:{ 1:x 1:} 1:</fstr> 1:+ 1:<fstr> 1:\"{literal}\" 1:</fstr>",
            Snapshot("f'{x:{width}.{prec}}' + F'{{literal}}'"));
        Assert.Equal("1:<fstr> 1:{ 1:a 1:!= 1:b 1:} 1:</fstr>", Snapshot("rf\"{a != b}\""));
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_and_later_tokens_keep_their_true_line()
    {
        Assert.Equal(
            "1:s 1:= 1:<str> 4:z 4:= 4:br\"\\x00\" 4:+ 4:b\"x\"",
            Snapshot("s = '''first\nsecond \"quoted\"\nthird'''\nz = Rb'\\x00' + b\"x\""));
        Assert.Equal(
            "1:def 1:f 1:( 1:) 1:: 2:<str> 4:return 4:<fstr> 4:\"a\" 4:{ 5:b 5:} 5:<str> 6:</fstr>",
            Snapshot("def f():\n    \"\"\"Docstring\n    over lines.\"\"\"\n    return f'''a{\nb}\n'''"));
    }

    [Fact]
    public void Unicode_identifiers_are_kept_verbatim()
    {
        Assert.Equal("1:résumé 1:= 1:ℌ 1:+ 1:𝑥 1:+ 1:変数_1", Snapshot("résumé = ℌ + 𝑥 + 変数_1"));
    }

    [Fact]
    public void Line_continuations_are_dropped_and_numbers_normalized()
    {
        Assert.Equal("1:total 1:= 1:1 1:+ 2:2000 2:+ 2:0xff 2:+ 2:1.5e-3j 2:+ 3:.5", Snapshot("total = 1 + \\\n    2_000 + 0xFF + 1.5E-3J + \\\r\n.5"));
    }

    [Fact]
    public void Operators_match_longest_first()
    {
        Assert.Equal(
            "1:def 1:f 1:( 1:a 1:, 1:* 1:, 1:b 1:= 1:3 1:) 1:-> 1:int 1:: 2:return 2:a 2:** 2:2 2://= 2:b 2:if 2:( 2:c 2::= 2:a 2:) 2:!= 2:b 2:else 2:...",
            Snapshot("def f(a, *, b=3) -> int:\n    return a ** 2 //= b if (c := a) != b else ..."));
    }

    [Fact]
    public void An_unterminated_string_ends_with_its_line()
    {
        Assert.Equal("1:bad 1:= 1:\"unterminated\" 2:next 2:= 2:1", Snapshot("bad = 'unterminated\nnext = 1"));
    }

    [Fact]
    public void Windows_line_endings_count_as_one_line_each()
    {
        Assert.Equal("1:a 2:b 4:c", Snapshot("a\r\nb\r\n\r\nc"));
    }

    [Fact]
    public void Escaped_quotes_do_not_end_a_string_even_in_raw_strings()
    {
        Assert.Equal("1:r\"a\\\"b\" 1:, 1:\"c\\'d\"", Snapshot("r\"a\\\"b\", 'c\\'d'"));
    }

    [Fact]
    public void Stray_characters_become_their_own_unknown_tokens()
    {
        var tokens = PythonTokenizer.Tokenize("a $ b ?");
        Assert.Equal(["a", "$", "b", "?"], tokens.Select(t => t.Text));
        Assert.Equal(CodeTokenKind.Other, tokens[1].Kind);
        Assert.Equal(SpecialTokens.Unknown, tokens[1].Fallback);
    }

    [Fact]
    public void Arbitrary_text_never_throws_and_every_line_is_in_range()
    {
        var random = new Random(42);
        const string Alphabet = "ab1_ '\"\\\n\r\t#{}()[]:!=fFrRbB.,+-*/%é𝑥";
        for (var i = 0; i < 2000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 60)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray();
            var text = new string(chars);
            var lineCount = text.ReplaceLineEndings("\n").Split('\n').Length;
            var tokens = PythonTokenizer.Tokenize(text);
            Assert.All(tokens, t => Assert.InRange(t.Line, 1, lineCount));
        }
    }
}
