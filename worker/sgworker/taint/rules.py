"""The rule catalogue: stable ids, CWE, name, and how severity follows the source.

Flow rules (SG-TAINT-*) report untrusted data reaching a sink; their findings carry
`source_line` and `sink_line`. Severity depends on where the data came from:
`user` = web request / console input, `local` = command line / environment,
`param` = a parameter of the function (the caller is assumed untrusted, at lower
confidence). Data that passed through a function the analyzer does not model
(`via`), and sinks recognised only by naming convention, lose one severity and one
confidence level.

Config rules (SG-CFG-*) are local checks on one call or assignment (hard-coded
secrets, disabled certificate checks, weak hashes...): no source, no source_line.
"""
from collections import namedtuple

Rule = namedtuple("Rule", "id cwe name user local param")

LEVELS = ("low", "medium", "high")

FLOW = {
    "cmd": Rule("SG-TAINT-078", 78, "OS command injection", "high", "medium", "medium"),
    "arginj": Rule("SG-TAINT-088", 88, "Argument injection into a process argument list", "medium", "low", "low"),
    "sql": Rule("SG-TAINT-089", 89, "SQL injection", "high", "medium", "medium"),
    "code": Rule("SG-TAINT-094", 94, "Code injection (eval/exec/compile)", "high", "medium", "medium"),
    "ssti": Rule("SG-TAINT-094T", 94, "Server-side template injection", "high", "medium", "medium"),
    "xss": Rule("SG-TAINT-079", 79, "Cross-site scripting", "medium", "low", "low"),
    "xss_markup": Rule("SG-TAINT-079M", 79, "Cross-site scripting: untrusted data marked safe", "high", "medium", "medium"),
    "path": Rule("SG-TAINT-022", 22, "Path traversal", "high", "low", "low"),
    "deser": Rule("SG-TAINT-502", 502, "Deserialization of untrusted data", "high", "medium", "medium"),
    "redirect": Rule("SG-TAINT-601", 601, "Open redirect", "medium", "low", "low"),
    "ssrf": Rule("SG-TAINT-918", 918, "Server-side request forgery", "high", "medium", "low"),
    "xxe": Rule("SG-TAINT-611", 611, "XML external entity expansion", "high", "medium", "medium"),
    "xml_default": Rule("SG-TAINT-611D", 611, "Untrusted XML parsed with an entity-resolving parser", "medium", "low", "low"),
    "xml_bomb": Rule("SG-TAINT-776", 776, "Untrusted XML parsed without entity-expansion limits", "medium", "low", "low"),
    "xpath": Rule("SG-TAINT-643", 643, "XPath injection", "high", "medium", "medium"),
    "ldap": Rule("SG-TAINT-090", 90, "LDAP injection", "high", "medium", "medium"),
    "log": Rule("SG-TAINT-117", 117, "Log injection", "medium", "low", "low"),
    "regex": Rule("SG-TAINT-1333", 1333, "Regular expression injection (ReDoS)", "medium", "medium", "medium"),
    "header": Rule("SG-TAINT-113", 113, "HTTP response header injection", "medium", "low", "low"),
    "csv": Rule("SG-TAINT-1236", 1236, "CSV formula injection", "medium", "low", "low"),
    "exposure": Rule("SG-TAINT-209", 209, "Exception details returned to the client", "medium", "medium", "low"),
    "xff": Rule("SG-TAINT-348", 348, "Security decision on a client-supplied IP header", "medium", "low", "low"),
    "normalize": Rule("SG-TAINT-176", 176, "Unicode normalisation after escaping", "medium", "low", "low"),
}

CONFIG = {
    "secret": Rule("SG-CFG-798", 798, "Hard-coded secret or API key", "medium", None, None),
    "password": Rule("SG-CFG-259", 259, "Hard-coded password", "medium", None, None),
    "private_key": Rule("SG-CFG-321", 321, "Hard-coded private key or cloud credential", "high", None, None),
    "chmod": Rule("SG-CFG-732", 732, "World-writable or world-readable permissions", "medium", None, None),
    "mktemp": Rule("SG-CFG-377", 377, "Insecure temporary file", "medium", None, None),
    "jwt": Rule("SG-CFG-347", 347, "JWT decoded without signature verification", "high", None, None),
    "tls": Rule("SG-CFG-295", 295, "TLS certificate or host name verification disabled", "high", None, None),
    "weak_cipher": Rule("SG-CFG-327", 327, "Broken or risky cryptographic algorithm", "medium", None, None),
    "weak_hash": Rule("SG-CFG-328", 328, "Weak hash function (MD5/SHA-1)", "medium", None, None),
    "password_hash": Rule("SG-CFG-916", 916, "Password hashed with a fast or broken hash", "high", None, None),
    "static_iv": Rule("SG-CFG-329", 329, "Constant initialisation vector", "medium", None, None),
    "weak_random": Rule("SG-CFG-338", 338, "Non-cryptographic random number used for a secret", "medium", None, None),
    "url_check": Rule("SG-CFG-020", 20, "Incomplete URL or host name validation", "medium", None, None),
    "tag_filter": Rule("SG-CFG-116", 116, "HTML filtering with a regular expression or replace", "medium", None, None),
    "cookie": Rule("SG-CFG-614", 614, "Cookie set without the Secure flag", "medium", None, None),
    "yaml": Rule("SG-CFG-502", 502, "yaml.load with a loader that constructs arbitrary objects", "medium", None, None),
    "xml_parser": Rule("SG-CFG-611", 611, "XML parser configured to resolve external entities", "high", None, None),
    "timing": Rule("SG-CFG-208", 208, "Secret compared with a non-constant-time comparison", "medium", None, None),
    "debug": Rule("SG-CFG-489", 489, "Web application run in debug mode", "high", None, None),
    "tar": Rule("SG-CFG-022", 22, "Archive extracted without checking member paths", "medium", None, None),
    "bind_all": Rule("SG-CFG-605", 605, "Server bound to all network interfaces", "low", None, None),
}


def group(kind):
    if kind in ("request", "input"):
        return "user"
    if kind in ("argv", "env"):
        return "local"
    return "param"


def lower(level, steps=1):
    i = LEVELS.index(level) - steps
    return LEVELS[max(i, 0)]


def raise_(level, steps=1):
    return LEVELS[min(LEVELS.index(level) + steps, 2)]


def grade(rule, label, drop=0, bump=0):
    """(severity, confidence) of a flow finding for the reported label."""
    g = group(label.kind)
    severity = getattr(rule, g)
    confidence = {"user": "high", "local": "medium", "param": "medium"}[g]
    if label.kind == "exc":
        confidence = "medium"
    if "via" in label.flags:
        drop += 1
    if bump:
        severity = raise_(severity, bump)
    if drop:
        severity = lower(severity, drop)
        confidence = lower(confidence, drop)
    return severity, confidence
