import re
import unittest

import solution


class _FilterSyntaxError(Exception):
    pass


def _unescape(value):
    """Decode an RFC 4515 assertion value; '*' must not appear unescaped."""
    out = bytearray()
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            hexpair = value[i + 1:i + 3]
            if not re.fullmatch(r"[0-9A-Fa-f]{2}", hexpair):
                raise _FilterSyntaxError("bad escape in %r" % value)
            out.append(int(hexpair, 16))
            i += 3
            continue
        if ch in "()\x00":
            raise _FilterSyntaxError("unescaped %r in value" % ch)
        out += ch.encode("utf-8")
        i += 1
    return out.decode("utf-8")


def _parse(s, i=0):
    """Parse an RFC 4515 filter. Returns (node, next_index). Nodes:
    ('&'|'|', [children]), ('!', child), ('=', attr, value), ('pres', attr),
    ('substr', attr, raw), ('cmp', op, attr, value)."""
    if i >= len(s) or s[i] != "(":
        raise _FilterSyntaxError("expected '(' at %d" % i)
    i += 1
    if i < len(s) and s[i] in "&|":
        op = s[i]
        i += 1
        children = []
        while i < len(s) and s[i] == "(":
            child, i = _parse(s, i)
            children.append(child)
        node = (op, children)
    elif i < len(s) and s[i] == "!":
        child, i = _parse(s, i + 1)
        node = ("!", child)
    else:
        m = re.compile(r"([A-Za-z][A-Za-z0-9;-]*)(~=|>=|<=|=)").match(s, i)
        if not m:
            raise _FilterSyntaxError("bad item at %d" % i)
        attr, op = m.group(1), m.group(2)
        j = m.end()
        k = j
        while k < len(s) and s[k] != ")":
            if s[k] == "(":
                raise _FilterSyntaxError("unescaped '(' at %d" % k)
            k += 1
        raw = s[j:k]
        i = k
        if op != "=":
            node = ("cmp", op, attr, _unescape(raw))
        elif raw == "*":
            node = ("pres", attr)
        elif "*" in raw:
            node = ("substr", attr, raw)
        else:
            node = ("=", attr, _unescape(raw))
    if i >= len(s) or s[i] != ")":
        raise _FilterSyntaxError("expected ')' at %d" % i)
    return node, i + 1


def _parse_filter(s):
    node, end = _parse(s)
    if end != len(s):
        raise _FilterSyntaxError("trailing data after the filter: %r" % s[end:])
    return node


class LdapFilterSecurity(unittest.TestCase):
    def _assert_exact_uid_match(self, username):
        try:
            flt = solution.build_user_filter(username)
        except Exception:  # rejecting the name is fine
            return
        try:
            tree = _parse_filter(flt)
        except _FilterSyntaxError as e:
            self.fail("user input broke the filter structure: %r (%s)" % (flt, e))
        self.assertEqual(tree, ("&", [("=", "objectClass", "inetOrgPerson"), ("=", "uid", username)]),
                         "filter %r does not match exactly uid=%r" % (flt, username))

    def test_wildcard(self):
        self._assert_exact_uid_match("*")

    def test_prefix_wildcard(self):
        self._assert_exact_uid_match("adm*")

    def test_or_injection(self):
        self._assert_exact_uid_match("*)(|(uid=*")

    def test_closing_and_extra_clause(self):
        self._assert_exact_uid_match("jdoe)(objectClass=*)")

    def test_backslash_and_nul(self):
        self._assert_exact_uid_match("a\\b\x00c")


if __name__ == "__main__":
    unittest.main()
