"""Taint labels: what the analyzer knows about one piece of untrusted data.

A value is a frozenset of `Label`s (empty = clean). A label records where the data
came from (`kind`, `line`, `desc`), which sink categories it has been neutralised
for (`san`), and shape facts picked up on the way (`flags`).

Source kinds, strongest first:
  request  web request data (Flask/Django/FastAPI/...), route path parameters
  input    input()/raw_input()/sys.stdin
  argv     sys.argv / argparse results
  env      os.environ / os.getenv
  param    a parameter of the analysed function (callers are assumed untrusted)
  exc      an exception object (only the exception-exposure rule looks at it)

Sanitiser categories (`san`): sql cmd path xss code deser redirect ssrf xml xpath
ldap log regex header csv. A label sanitised for a category is ignored by the
sinks of that category; fully neutralised data (int(), a digest, an allow-list
check) is dropped from the value instead.

Flags:
  fmt        interpolated into a string built in this function (concat, %, format, f-string, join)
  sql        ...and the string's literal text reads like SQL
  html       ...and the literal text contains markup
  host_fixed ...after a literal "scheme://host/" prefix (only the URL path is controlled)
  based      ...after a literal or configuration base directory
  norm       passed through realpath/abspath/normpath/resolve
  elem       held inside a container (list/tuple/dict/set) rather than being the string itself
  via        passed through a function the analyzer does not model (lower confidence)
  xff        read from a client-IP header such as X-Forwarded-For
"""
from collections import namedtuple

Label = namedtuple("Label", "kind line desc san flags")

EMPTY = frozenset()
NOFLAGS = frozenset()

KIND_RANK = {"request": 6, "input": 5, "argv": 4, "env": 3, "param": 2, "exc": 1}

ALL_CATEGORIES = frozenset(
    "sql cmd path xss code deser redirect ssrf xml xpath ldap log regex header csv".split())


def make(kind, line, desc, flags=NOFLAGS):
    return frozenset((Label(kind, line, desc, EMPTY, frozenset(flags)),))


def with_flags(value, flags):
    if not value or not flags:
        return value
    flags = frozenset(flags)
    return frozenset(l if flags <= l.flags else l._replace(flags=l.flags | flags) for l in value)


def without_flags(value, flags):
    if not value:
        return value
    flags = frozenset(flags)
    return frozenset(l._replace(flags=l.flags - flags) if l.flags & flags else l for l in value)


def sanitize(value, categories):
    """Mark `value` as neutralised for `categories` ('*' = everything: the value becomes clean)."""
    if not value:
        return value
    if "*" in categories:
        return EMPTY
    categories = frozenset(categories)
    return frozenset(l if categories <= l.san else l._replace(san=l.san | categories) for l in value)


def unsanitize(value, categories):
    if not value:
        return value
    categories = frozenset(categories)
    return frozenset(l._replace(san=l.san - categories) if l.san & categories else l for l in value)


def only_kinds(value, kinds):
    return frozenset(l for l in value if l.kind in kinds)


def live(value, category, ignore_elem=True):
    """Labels of `value` that still matter for a sink of `category`."""
    out = []
    for l in value:
        if l.kind == "exc" or category in l.san:
            continue
        if ignore_elem and "elem" in l.flags:
            continue
        out.append(l)
    return out
