"""Tests of the Bandit driver's adjustments to Bandit 1.6.2 (sgworker.bandit_runner).

Each changed check has a test that it still fires where it should and one that it no
longer decides where upstream Bandit dropped or fixed it (docs/bandit-checks.md).
Run from the project root:  /usr/bin/python3 -m pytest worker/tests -q
"""
import os
import sys
import textwrap

import pytest

WORKER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, WORKER_DIR)

pytest.importorskip("bandit", reason="Debian's bandit package is not installed (scripts/install-deps.sh)")

from sgworker import bandit_runner  # noqa: E402


def findings(code, rule):
    return [f for f in bandit_runner.analyze(textwrap.dedent(code)) if f["rule_id"] == rule]


def severity(code, rule):
    found = findings(code, rule)
    assert found, "expected a %s finding" % rule
    return found[0]["severity"]


def test_python3_input_is_not_reported_as_eval():
    assert findings("name = input('name: ')\nprint(name)\n", "B322") == []


def test_eval_of_input_is_still_reported():
    assert severity("x = eval(input('expr: '))\n", "B307") == "medium"


def test_httpsconnection_is_not_reported():
    code = "import http.client\nc = http.client.HTTPSConnection('example.com')\n"
    assert findings(code, "B309") == []


def test_md5_used_for_security_is_reported():
    assert severity("import hashlib\nh = hashlib.md5(b'pw').hexdigest()\n", "B303") == "medium"


def test_md5_declared_not_for_security_is_not_reported():
    assert findings("import hashlib\nh = hashlib.md5(b'data', usedforsecurity=False).hexdigest()\n", "B303") == []


def test_hashlib_new_md5_declared_not_for_security_is_not_reported():
    assert findings("import hashlib\nh = hashlib.new('md5', b'x', usedforsecurity=False)\n", "B324") == []
    assert severity("import hashlib\nh = hashlib.new('md5', b'x')\n", "B324") == "medium"


def test_import_of_telnetlib_is_low_but_its_use_stays_high():
    code = "import telnetlib\nt = telnetlib.Telnet('host')\n"
    assert severity(code, "B401") == "low"
    assert severity(code, "B312") == "high"


def test_import_of_ftplib_is_low_but_its_use_stays_high():
    code = "import ftplib\nf = ftplib.FTP('host')\n"
    assert severity(code, "B402") == "low"
    assert severity(code, "B321") == "high"


def test_import_of_pycrypto_names_is_low():
    assert severity("from Crypto.Cipher import AES\n", "B413") == "low"


def test_standard_library_xml_parsing_is_low():
    assert severity("import xml.etree.ElementTree as ET\nr = ET.fromstring(data)\n", "B314") == "low"
    assert severity("from xml.dom import minidom\nd = minidom.parseString(data)\n", "B318") == "low"


def test_lxml_parsing_is_left_to_the_taint_analyzer():
    assert severity("from lxml import etree\nr = etree.fromstring(data)\n", "B320") == "low"


def test_eval_behind_an_ast_allow_list_is_low():
    code = """
        import ast
        ALLOWED = (ast.Expression, ast.BinOp, ast.Constant, ast.Add, ast.Sub, ast.Mult, ast.Div)
        def calculate(expr):
            tree = ast.parse(expr, mode='eval')
            for node in ast.walk(tree):
                if not isinstance(node, ALLOWED):
                    raise ValueError('not allowed')
            return eval(compile(tree, '<expr>', 'eval'))
    """
    assert severity(code, "B307") == "low"


def test_eval_behind_an_allow_list_that_admits_calls_stays_medium():
    code = """
        import ast
        def calculate(expr):
            tree = ast.parse(expr, mode='eval')
            for node in ast.walk(tree):
                if not isinstance(node, (ast.Expression, ast.Call, ast.Name, ast.Load)):
                    raise ValueError('not allowed')
            return eval(expr)
    """
    assert severity(code, "B307") == "medium"


def test_shell_command_of_a_regex_checked_value_is_low():
    code = """
        import re, subprocess
        def ping(host):
            if not re.fullmatch(r'[a-z0-9.-]+', host):
                raise ValueError('bad host')
            return subprocess.check_output('ping -c 1 ' + host, shell=True)
    """
    assert severity(code, "B602") == "low"


def test_shell_command_of_an_unchecked_value_stays_high():
    code = """
        import subprocess
        def ping(host):
            return subprocess.check_output('ping -c 1 ' + host, shell=True)
    """
    assert severity(code, "B602") == "high"


def test_a_check_that_does_not_leave_the_function_does_not_vet():
    code = """
        import re, subprocess
        def ping(host):
            if not re.fullmatch(r'[a-z0-9.-]+', host):
                print('odd host')
            return subprocess.check_output('ping -c 1 ' + host, shell=True)
    """
    assert severity(code, "B602") == "high"


def test_a_value_reassigned_after_its_check_is_not_vetted():
    code = """
        import subprocess
        HOSTS = ('a', 'b')
        def ping(host, other):
            if host not in HOSTS:
                raise ValueError('bad host')
            host = other
            return subprocess.check_output('ping -c 1 ' + host, shell=True)
    """
    assert severity(code, "B602") == "high"


def test_sql_text_built_from_an_allow_listed_column_is_low():
    code = """
        COLUMNS = {'name', 'price'}
        def sort_products(cursor, column):
            if column not in COLUMNS:
                raise ValueError('bad column')
            query = "SELECT * FROM products ORDER BY " + column
            cursor.execute(query)
    """
    assert severity(code, "B608") == "low"


def test_sql_text_built_from_an_unchecked_value_stays_medium():
    code = """
        def sort_products(cursor, column):
            query = "SELECT * FROM products ORDER BY " + column
            cursor.execute(query)
    """
    assert severity(code, "B608") == "medium"


def test_eval_behind_a_character_allow_list_is_low():
    code = """
        def evaluate(expr):
            allowed = set('0123456789+-*/(). ')
            if not set(expr).issubset(allowed):
                return ''
            return str(eval(expr))
    """
    assert severity(code, "B307") == "low"


def test_eval_behind_a_character_set_built_from_the_input_stays_medium():
    code = """
        def evaluate(expr, extra):
            allowed = set(extra)
            if not set(expr).issubset(allowed):
                return ''
            return str(eval(expr))
    """
    assert severity(code, "B307") == "medium"


def test_modules_that_wrap_pickle_are_reported_as_upstream_does():
    assert severity("import shelve\ndb = shelve.open(name)\n", "B301") == "medium"
    assert severity("import jsonpickle\nobj = jsonpickle.decode(text)\n", "B301") == "medium"
    assert severity("import pandas as pd\ndf = pd.read_pickle(path)\n", "B301") == "medium"


def test_other_calls_of_those_modules_are_not_reported():
    assert findings("import jsonpickle\ntext = jsonpickle.encode(obj)\n", "B301") == []


def test_a_module_validator_that_raises_vets_its_argument_for_the_caller():
    code = """
        import re, subprocess
        def check_host(host):
            if not re.fullmatch(r'[a-z0-9.-]+', host):
                raise ValueError('bad host')
        def ping(host):
            check_host(host)
            return subprocess.check_output('ping -c 1 ' + host, shell=True)
    """
    assert severity(code, "B602") == "low"


def test_a_module_validator_that_only_returns_does_not_vet_when_called_as_a_statement():
    code = """
        import re, subprocess
        def check_host(host):
            if not re.fullmatch(r'[a-z0-9.-]+', host):
                return False
            return True
        def ping(host):
            check_host(host)
            return subprocess.check_output('ping -c 1 ' + host, shell=True)
    """
    assert severity(code, "B602") == "high"


def test_a_check_that_only_skips_one_loop_iteration_does_not_vet_later_use():
    code = """
        import re, subprocess
        def ping_all(hosts):
            for host in hosts:
                if not re.fullmatch(r'[a-z0-9.-]+', host):
                    continue
            return subprocess.check_output('ping -c 1 ' + host, shell=True)
    """
    assert severity(code, "B602") == "high"
