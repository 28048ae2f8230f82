"""Positive and negative tests of the precision and recall rules of issue 16 (taint analyzer).

Run from the project root:  /usr/bin/python3 -m pytest worker/tests -q
"""
import os
import sys
import textwrap

WORKER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, WORKER_DIR)

from sgworker import taint  # noqa: E402


def deciding(code, rule):
    return [f for f in taint.analyze(textwrap.dedent(code)) if f["rule_id"] == rule and f["severity"] in ("medium", "high")]


FLASK = """
from flask import Flask, jsonify
import traceback
app = Flask(__name__)
"""


def test_a_traceback_in_the_response_is_exposure():
    assert deciding(FLASK + """
@app.route('/x')
def x():
    try:
        return do()
    except Exception:
        return traceback.format_exc(), 500
""", "SG-TAINT-209")


def test_the_message_of_a_broadly_caught_exception_is_exposure():
    assert deciding(FLASK + """
@app.route('/x')
def x():
    try:
        return do()
    except Exception as e:
        return jsonify(error=str(e)), 500
""", "SG-TAINT-209")


def test_the_message_of_a_validation_error_does_not_decide():
    assert not deciding(FLASK + """
@app.route('/x')
def x():
    try:
        return do()
    except ValueError as e:
        return jsonify(error=str(e)), 400
""", "SG-TAINT-209")


AST_GUARD = """
import ast
ALLOWED = (ast.Expression, ast.BinOp, ast.Constant, ast.Add, ast.Sub, ast.Mult, ast.Div)
def calculate(expr):
    tree = ast.parse(expr, mode='eval')
    for node in ast.walk(tree):
        if not isinstance(node, ALLOWED):
            raise ValueError('not allowed')
    return eval(expr, {'__builtins__': {}})
"""


def test_eval_behind_an_ast_allow_list_is_clean():
    assert not deciding(AST_GUARD, "SG-TAINT-094")


def test_eval_when_the_allow_list_admits_calls_is_flagged():
    assert deciding(AST_GUARD.replace("ast.Constant,", "ast.Constant, ast.Call, ast.Name,"), "SG-TAINT-094")


def test_eval_after_a_check_that_does_not_stop_is_flagged():
    assert deciding(AST_GUARD.replace("raise ValueError('not allowed')", "print('odd')"), "SG-TAINT-094")


def test_a_path_under_a_base_returned_by_a_path_function_is_traversal():
    assert deciding("""
import os
BASE = '/srv/data'
def get_upload_path(filename):
    return os.path.join(BASE, filename)
""", "SG-TAINT-022")


def test_a_returned_path_made_safe_with_basename_is_clean():
    assert not deciding("""
import os
BASE = '/srv/data'
def get_upload_path(filename):
    return os.path.join(BASE, os.path.basename(filename))
""", "SG-TAINT-022")


def test_a_value_returned_by_a_function_not_named_for_paths_is_not_traversal():
    assert not deciding("""
import os
BASE = '/srv/data'
def describe(filename):
    return os.path.join(BASE, filename)
""", "SG-TAINT-022")


def test_a_returned_redirect_target_is_an_open_redirect():
    assert deciding("""
def build_redirect(next_page):
    return '/login?next=' + next_page if False else next_page
""", "SG-TAINT-601")


def test_a_redirect_target_the_function_checked_is_clean():
    assert not deciding("""
from urllib.parse import urlparse
def get_redirect_target(target, domain):
    if urlparse(target).netloc == domain:
        return target
    return 'https://' + domain
""", "SG-TAINT-601")


def test_a_url_built_from_a_parameter_and_returned_is_ssrf():
    assert deciding("""
def get_api_url(user_id):
    return 'http://' + user_id + '.internal/api'
""", "SG-TAINT-918")


def test_a_url_with_a_fixed_host_is_not_ssrf():
    assert not deciding("""
def get_api_url(user_id):
    return 'https://api.example.com/users/' + user_id
""", "SG-TAINT-918")


def test_a_hash_algorithm_named_by_the_caller_is_flagged():
    assert deciding("""
import hashlib
def digest(algorithm, data):
    return hashlib.new(algorithm, data).hexdigest()
""", "SG-TAINT-327")


def test_a_hash_algorithm_from_an_allow_list_is_clean():
    assert not deciding("""
import hashlib
SAFE = {'sha256', 'sha512'}
def digest(algorithm, data):
    if algorithm not in SAFE:
        raise ValueError(algorithm)
    return hashlib.new(algorithm, data).hexdigest()
""", "SG-TAINT-327")


def test_an_ignored_invalid_signature_is_flagged():
    assert deciding("""
from cryptography.exceptions import InvalidSignature
def verify(public_key, signature, data):
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        pass
    return True
""", "SG-CFG-347S")


def test_an_invalid_signature_that_returns_false_is_clean():
    assert not deciding("""
from cryptography.exceptions import InvalidSignature
def verify(public_key, signature, data):
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True
""", "SG-CFG-347S")


def test_jwt_decode_complete_without_verification_is_flagged():
    assert deciding("""
import jwt
def claims(token):
    return jwt.decode_complete(token, options={'verify_signature': False})
""", "SG-CFG-347")


def test_an_lxml_parser_left_resolving_entities_is_flagged():
    assert deciding("""
from lxml import etree
def parse(path):
    return etree.parse(path, etree.XMLParser())
""", "SG-CFG-611")


def test_an_lxml_parser_with_entities_off_is_clean():
    assert not deciding("""
from lxml import etree
def parse(path):
    return etree.parse(path, etree.XMLParser(resolve_entities=False))
""", "SG-CFG-611")


def test_random_for_an_identifier_the_function_says_is_unique_is_weak_randomness():
    assert deciding("""
import random, string
def generate_unique_id(length=16):
    return ''.join(random.choice(string.ascii_letters) for _ in range(length))
""", "SG-CFG-338")


def test_random_for_a_value_the_docstring_says_must_be_unpredictable_is_weak_randomness():
    assert deciding('''
import random
def make_link_code():
    """Return an unpredictable code for the sharing link."""
    return random.randint(100000, 999999)
''', "SG-CFG-338")


def test_random_outside_a_security_use_is_not_reported():
    assert not deciding('''
import random
def pick_colour(colours):
    """Pick a colour for the chart at random."""
    return random.choice(colours)
''', "SG-CFG-338")
