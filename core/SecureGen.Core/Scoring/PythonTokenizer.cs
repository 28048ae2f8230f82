using System.Globalization;
using System.Text;

namespace SecureGen.Core.Scoring;

/// <summary>
/// The one tokenizer of the neural scorer, used both to export training data and to score
/// candidates, so that Python never tokenizes. In the spirit of VUDENC: code is split on
/// whitespace and punctuation, identifiers and keywords are kept verbatim. Rules:
/// <list type="bullet">
/// <item>Comments, whitespace, newlines, indentation and backslash line continuations are dropped:
/// they change no behaviour and LLM candidates vary them freely.</item>
/// <item>Identifiers and keywords are kept verbatim (case-sensitive, Unicode letters allowed). Python would
/// NFKC-fold names (𝑥 is x); we do not, since the build runs in invariant globalization mode and such names
/// are rare in generated code.</item>
/// <item>Numbers are kept, lower-cased and without digit separators; unknown ones become &lt;num&gt;.</item>
/// <item>String literals (any prefix, any quotes, triple-quoted too) are kept as <c>prefix"body"</c>
/// (prefix letters lower-cased and sorted, <c>u</c> dropped, quotes normalized to double) when the body
/// has at most <see cref="MaxKeptStringLength"/> characters and no line break: short literals such as
/// 'rb', 'utf-8' or 'sha256' carry meaning. Longer ones are abstracted to &lt;sql&gt; when the body starts
/// with an SQL verb, else &lt;str&gt;; a kept literal the vocabulary does not know falls back the same way.</item>
/// <item>f-strings (and t-strings) become &lt;fstr&gt;, their literal pieces (by the string rule), each
/// interpolated expression tokenized as code between <c>{</c> and <c>}</c> (conversion and format spec
/// dropped), then &lt;/fstr&gt;: interpolation is where injections live.</item>
/// <item>Operators and delimiters are matched longest first; any other character is its own token
/// (falls back to &lt;unk&gt;).</item>
/// </list>
/// Every token records the 1-based line it starts on, which is how line labels become token labels.
/// Unterminated strings end at the end of their line (triple-quoted: of the file): it never throws.
/// </summary>
public static class PythonTokenizer
{
    /// <summary>Written into every vocabulary; a model is only used with the tokenizer version it was trained with.</summary>
    public const string Version = "python-v1";

    public const int MaxKeptStringLength = 24;

    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...",
        "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "!",
    ];

    private static readonly string[] SqlVerbs = ["select", "insert", "update", "delete", "replace", "create", "drop", "alter", "pragma", "with"];

    private static readonly HashSet<string> StringPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "r", "u", "b", "br", "rb", "f", "fr", "rf", "t", "tr", "rt",
    };

    public static IReadOnlyList<CodeToken> Tokenize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = new List<CodeToken>();
        new Scanner(source, tokens, firstLine: 1).Run();
        return tokens;
    }

    /// <summary>The class token of a string body: &lt;sql&gt; when it starts with an SQL verb, else &lt;str&gt;.</summary>
    public static string StringClass(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var trimmed = body.AsSpan().TrimStart(" \t\r\n(\"'");
        foreach (var verb in SqlVerbs)
        {
            if (trimmed.Length > verb.Length && trimmed.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(trimmed[verb.Length]) && trimmed[verb.Length] != '_')
            {
                return SpecialTokens.Sql;
            }
        }

        return SpecialTokens.Str;
    }

    private sealed class Scanner(string text, List<CodeToken> output, int firstLine)
    {
        private int _pos;
        private int _line = firstLine;

        public void Run()
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '\r' || c == '\n')
                {
                    SkipNewline();
                }
                else if (c == '#')
                {
                    while (_pos < text.Length && text[_pos] is not ('\r' or '\n'))
                    {
                        _pos++;
                    }
                }
                else if (c == '\\' && At(1) is '\r' or '\n')
                {
                    _pos++;
                    SkipNewline();
                }
                else if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _pos++;
                }
                else if (c is '"' or '\'')
                {
                    ScanString(string.Empty);
                }
                else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(1))))
                {
                    ScanNumber();
                }
                else if (IsIdentifierStart(out var width))
                {
                    ScanNameOrPrefixedString(width);
                }
                else if (!TryOperator())
                {
                    var width1 = char.IsSurrogatePair(text, _pos) ? 2 : 1;
                    Emit(text.Substring(_pos, width1), CodeTokenKind.Other, _line, SpecialTokens.Unknown);
                    _pos += width1;
                }
            }
        }

        private char At(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

        private void SkipNewline()
        {
            if (text[_pos] == '\r' && At(1) == '\n')
            {
                _pos++;
            }

            _pos++;
            _line++;
        }

        private void Emit(string tokenText, CodeTokenKind kind, int line, string fallback) => output.Add(new CodeToken(tokenText, kind, line, fallback));

        private bool IsIdentifierStart(out int width) => IsIdentifierChar(_pos, start: true, out width);

        private bool IsIdentifierChar(int index, bool start, out int width)
        {
            width = 0;
            if (index >= text.Length)
            {
                return false;
            }

            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            width = consumed;
            if (rune.Value == '_')
            {
                return true;
            }

            var category = Rune.GetUnicodeCategory(rune);
            var ok = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
            if (!start)
            {
                ok |= category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
            }

            return ok;
        }

        private void ScanNameOrPrefixedString(int firstWidth)
        {
            var start = _pos;
            _pos += firstWidth;
            while (IsIdentifierChar(_pos, start: false, out var width))
            {
                _pos += width;
            }

            var name = text[start.._pos];
            if (_pos < text.Length && text[_pos] is '"' or '\'' && StringPrefixes.Contains(name))
            {
                ScanString(name);
                return;
            }

            Emit(name, CodeTokenKind.Name, _line, SpecialTokens.Unknown);
        }

        private void ScanNumber()
        {
            var start = _pos;
            if (text[_pos] == '0' && At(1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
            {
                _pos += 2;
                while (_pos < text.Length && (char.IsAsciiHexDigit(text[_pos]) || text[_pos] == '_'))
                {
                    _pos++;
                }
            }
            else
            {
                SkipDigits();
                if (At(0) == '.')
                {
                    _pos++;
                    SkipDigits();
                }

                if (At(0) is 'e' or 'E')
                {
                    var mark = _pos;
                    _pos++;
                    if (At(0) is '+' or '-')
                    {
                        _pos++;
                    }

                    if (char.IsAsciiDigit(At(0)))
                    {
                        SkipDigits();
                    }
                    else
                    {
                        _pos = mark;
                    }
                }

                if (At(0) is 'j' or 'J')
                {
                    _pos++;
                }
            }

            var literal = text[start.._pos].Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            Emit(literal, CodeTokenKind.Number, _line, SpecialTokens.Number);
        }

        private void SkipDigits()
        {
            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }
        }

        private void ScanString(string prefix)
        {
            var startLine = _line;
            var quote = text[_pos];
            var triple = At(1) == quote && At(2) == quote;
            _pos += triple ? 3 : 1;
            var bodyStart = _pos;
            var bodyEnd = text.Length;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '\\' && _pos + 1 < text.Length)
                {
                    // An escaped character never ends the literal (raw strings included); an escaped newline still counts.
                    _pos++;
                    if (text[_pos] is '\r' or '\n')
                    {
                        SkipNewline();
                    }
                    else
                    {
                        _pos++;
                    }

                    continue;
                }

                if (c is '\r' or '\n')
                {
                    if (!triple)
                    {
                        bodyEnd = _pos; // unterminated: the literal ends with its line
                        break;
                    }

                    SkipNewline();
                    continue;
                }

                if (c == quote && (!triple || (At(1) == quote && At(2) == quote)))
                {
                    bodyEnd = _pos;
                    _pos += triple ? 3 : 1;
                    break;
                }

                _pos++;
            }

            var body = text[bodyStart..Math.Min(bodyEnd, text.Length)];
            var lower = prefix.ToLowerInvariant();
            if (lower.Contains('f', StringComparison.Ordinal) || lower.Contains('t', StringComparison.Ordinal))
            {
                EmitFString(body, startLine);
            }
            else
            {
                var normalized = new string(lower.Where(p => p != 'u').Order().ToArray());
                EmitStringPiece(normalized, body, startLine);
            }
        }

        private void EmitStringPiece(string prefix, string body, int line)
        {
            var fallback = StringClass(body);
            var keep = body.Length <= MaxKeptStringLength && body.IndexOfAny(['\r', '\n']) < 0;
            Emit(keep ? $"{prefix}\"{body}\"" : fallback, CodeTokenKind.StringLiteral, line, fallback);
        }

        private void EmitFString(string body, int startLine)
        {
            Emit(SpecialTokens.FStringStart, CodeTokenKind.Marker, startLine, SpecialTokens.Unknown);
            var line = startLine;
            var literal = new StringBuilder();
            var literalLine = line;
            var i = 0;
            while (i < body.Length)
            {
                var c = body[i];
                if ((c == '{' || c == '}') && i + 1 < body.Length && body[i + 1] == c)
                {
                    literal.Append(c);
                    i += 2;
                    continue;
                }

                if (c == '{')
                {
                    FlushLiteral(literal, literalLine);
                    var exprStart = i + 1;
                    var exprEnd = FindFieldEnd(body, exprStart);
                    Emit("{", CodeTokenKind.Operator, line, SpecialTokens.Unknown);
                    new Scanner(body[exprStart..exprEnd], output, line).Run();
                    line += CountNewlines(body, exprStart, exprEnd);
                    i = SkipConversionAndSpec(body, exprEnd, ref line);
                    Emit("}", CodeTokenKind.Operator, line, SpecialTokens.Unknown);
                    literalLine = line;
                    continue;
                }

                if (literal.Length == 0)
                {
                    literalLine = line;
                }

                if (c == '\n' || (c == '\r' && (i + 1 >= body.Length || body[i + 1] != '\n')))
                {
                    line++;
                }

                literal.Append(c);
                i++;
            }

            FlushLiteral(literal, literalLine);
            Emit(SpecialTokens.FStringEnd, CodeTokenKind.Marker, line, SpecialTokens.Unknown);
        }

        private void FlushLiteral(StringBuilder literal, int line)
        {
            if (literal.Length > 0)
            {
                EmitStringPiece(string.Empty, literal.ToString(), line);
                literal.Clear();
            }
        }

        /// <summary>The end of a replacement field's expression: a top-level '}', '!' (not '!=') or ':'.</summary>
        private static int FindFieldEnd(string body, int start)
        {
            var depth = 0;
            var i = start;
            while (i < body.Length)
            {
                var c = body[i];
                if (c is '"' or '\'')
                {
                    i = SkipQuoted(body, i);
                    continue;
                }

                if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}')
                {
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                }
                else if (depth == 0 && ((c == '!' && (i + 1 >= body.Length || body[i + 1] != '=')) || c == ':'))
                {
                    return i;
                }

                i++;
            }

            return body.Length;
        }

        /// <summary>Skips "!r" and ":spec" (with nested fields) up to and past the closing '}'.</summary>
        private static int SkipConversionAndSpec(string body, int i, ref int line)
        {
            var depth = 0;
            while (i < body.Length)
            {
                var c = body[i];
                if (c == '\n')
                {
                    line++;
                }

                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}')
                {
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    depth--;
                }

                i++;
            }

            return body.Length;
        }

        private static int SkipQuoted(string body, int i)
        {
            var quote = body[i];
            var triple = i + 2 < body.Length && body[i + 1] == quote && body[i + 2] == quote;
            i += triple ? 3 : 1;
            while (i < body.Length)
            {
                if (body[i] == '\\')
                {
                    i += 2;
                    continue;
                }

                if (body[i] == quote && (!triple || (i + 2 < body.Length && body[i + 1] == quote && body[i + 2] == quote)))
                {
                    return i + (triple ? 3 : 1);
                }

                i++;
            }

            return body.Length;
        }

        private static int CountNewlines(string body, int from, int to)
        {
            var count = 0;
            for (var i = from; i < to; i++)
            {
                if (body[i] == '\n' || (body[i] == '\r' && (i + 1 >= to || body[i + 1] != '\n')))
                {
                    count++;
                }
            }

            return count;
        }

        private bool TryOperator()
        {
            var rest = text.AsSpan(_pos);
            foreach (var op in Operators)
            {
                if (rest.StartsWith(op, StringComparison.Ordinal))
                {
                    Emit(op, CodeTokenKind.Operator, _line, SpecialTokens.Unknown);
                    _pos += op.Length;
                    return true;
                }
            }

            return false;
        }
    }
}
