"""Reading the literal text of strings that the analysed code builds.

The flow engine flattens string-building expressions (concatenation, %-formatting,
str.format, f-strings, str.join) into literal text and interpolated values; these
helpers classify that text so that sinks can tell an SQL statement from a shell
command, a URL whose host is fixed from one the attacker picks, and a path under a
fixed base directory from an arbitrary path.
"""
import re
import string

HOLE = "\x00"  # stands for an interpolated value inside the reconstructed text

_SQL = re.compile(
    r"(?is)\bselect\b[\s\S]{0,400}?\bfrom\b|\binsert\s+(or\s+\w+\s+)?into\b|\bupdate\b[\s\S]{0,200}?\bset\b"
    r"|\bdelete\s+from\b|\breplace\s+into\b|\b(create|drop|alter|truncate)\s+(temporary\s+)?(table|database|index|view|schema)\b"
    r"|\bwhere\b[\s\S]{0,200}?(=|\blike\b|\bin\s*\(|<|>)|\border\s+by\b|\bvalues\s*\(|\blimit\s+\S")
_HTML = re.compile(
    r"(?i)<\s*/?\s*(a|abbr|article|aside|b|blockquote|body|br|button|caption|center|code|dd|div|dl|dt|em|"
    r"embed|fieldset|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|legend|li|link|main|"
    r"meta|nav|object|ol|optgroup|option|p|pre|s|script|section|select|small|span|strong|style|sub|sup|svg|"
    r"table|tbody|td|textarea|tfoot|th|thead|title|tr|u|ul|video)(\s|/|>|$)|<!--")
_URL_HOST = re.compile(r"^\s*[a-zA-Z][\w+.-]*://[^/?#\s]+[/?#]")
_REL_PATH = re.compile(r"^/[^/\\]")
_PERCENT = re.compile(r"%(\((?P<key>[^)]*)\))?[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsab%])")
_FORMATTER = string.Formatter()


def looks_like_sql(text):
    return bool(text) and _SQL.search(text) is not None


def looks_like_html(text):
    return bool(text) and _HTML.search(text) is not None


def fixes_url_host(prefix):
    """True when literal text before the first interpolated value pins the URL's host
    (``https://api.example.com/...``) or keeps it a same-site path (``/users/...``)."""
    return bool(prefix) and (_URL_HOST.match(prefix) is not None or _REL_PATH.match(prefix) is not None)


def is_base_path(prefix):
    """Literal text before the first interpolated value names a directory."""
    p = prefix.strip()
    return bool(p) and ("/" in p or "\\" in p) and "://" not in p


def percent_slots(fmt):
    """Split a %-format string: list of literal text and slot keys (int index or str name)."""
    out, pos, index = [], 0, 0
    for m in _PERCENT.finditer(fmt):
        out.append(fmt[pos:m.start()])
        pos = m.end()
        if m.group("conv") == "%":
            out.append("%")
            continue
        key = m.group("key")
        numeric = m.group("conv") in "diouxXeEfFgGc"
        if key is not None:
            out.append(("name", key, numeric))
        else:
            out.append(("pos", index, numeric))
            index += 1
    out.append(fmt[pos:])
    return out


def format_slots(fmt):
    """Split a str.format string the same way; None when the format string is malformed."""
    out, auto = [], 0
    try:
        for literal, field, _spec, _conv in _FORMATTER.parse(fmt):
            out.append(literal)
            if field is None:
                continue
            head = re.split(r"[.\[]", field, maxsplit=1)[0]
            if head == "":
                out.append(("pos", auto))
                auto += 1
            elif head.isdigit():
                out.append(("pos", int(head)))
            else:
                out.append(("name", head))
    except (ValueError, IndexError):
        return None
    return out


_COMMAND = re.compile(r"^\s*(sudo\s+)?[\w./" + HOLE + r"-]+\s+\S")


def looks_like_command(text):
    """A program name followed by arguments (``ping -c 1 <x>``, ``svcinfo lsnode <x>``),
    or values joined with spaces into one command line."""
    if not text or "\n" in text.strip():
        return False
    return _COMMAND.match(text) is not None or text == HOLE + " "
