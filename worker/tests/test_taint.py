"""Tests of the taint analyzer (sgworker.taint) and of its place in the worker protocol.

Run from the project root:  /usr/bin/python3 -m pytest worker/tests -q
"""
import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

WORKER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, WORKER_DIR)

from sgworker import taint  # noqa: E402

FLAGGING = ("medium", "high")


def analyze(code):
    return taint.analyze(textwrap.dedent(code))


def flask(snippet):
    """A Flask app header followed by an (indented) snippet."""
    return FLASK + textwrap.dedent(snippet)


def flagged(findings, cwe=None):
    return [f for f in findings if f["severity"] in FLAGGING and (cwe is None or f["cwe"] == cwe)]


def assert_flags(code, cwe, rule_prefix=None):
    found = analyze(code)
    hits = flagged(found, cwe)
    assert hits, "expected a medium/high CWE-%s finding, got %r" % (cwe, found)
    if rule_prefix:
        assert any(f["rule_id"].startswith(rule_prefix) for f in hits), hits
    return hits


def assert_not_flagged(code, cwe):
    found = analyze(code)
    hits = flagged(found, cwe)
    assert not hits, "expected no medium/high CWE-%s finding, got %r" % (cwe, hits)
    return found


# --------------------------------------------------------------------------------------
# One vulnerable and one sanitised example per rule. (cwe, vulnerable, safe)
# --------------------------------------------------------------------------------------
FLASK = "from flask import Flask, request, redirect, make_response, render_template_string, send_file\n" \
        "app = Flask(__name__)\n"

CASES = {
    "path_traversal_open": (22, FLASK + """
import os
BASE = '/srv/files'
@app.route('/read')
def read():
    name = request.args.get('name')
    with open(os.path.join(BASE, name)) as f:
        return f.read()
""", FLASK + """
import os
BASE = '/srv/files'
@app.route('/read')
def read():
    name = request.args.get('name')
    path = os.path.realpath(os.path.join(BASE, name))
    if not path.startswith(BASE + os.sep):
        return 'no', 403
    with open(path) as f:
        return f.read()
"""),
    "path_traversal_basename": (22, FLASK + """
import os
@app.route('/delete')
def delete():
    os.remove('uploads/' + request.args['file'])
    return 'ok'
""", FLASK + """
import os
from werkzeug.utils import secure_filename
@app.route('/delete')
def delete():
    os.remove('uploads/' + secure_filename(request.args['file']))
    return 'ok'
"""),
    "path_traversal_send_file": (22, FLASK + """
@app.route('/download')
def download():
    return send_file('./static/%s' % request.args.get('file'))
""", FLASK + """
import os
@app.route('/download')
def download():
    return send_file('./static/%s' % os.path.basename(request.args.get('file')))
"""),
    "command_injection_os_system": (78, FLASK + """
import os
@app.route('/ping')
def ping():
    host = request.args.get('host')
    os.system('ping -c 1 ' + host)
    return 'done'
""", FLASK + """
import subprocess
@app.route('/ping')
def ping():
    host = request.args.get('host')
    subprocess.run(['ping', '-c', '1', '--', host], check=False)
    return 'done'
"""),
    "command_injection_shell_true": (78, FLASK + """
import subprocess
@app.route('/grep')
def grep():
    pattern = request.form['q']
    out = subprocess.check_output(f"grep {pattern} /var/log/app.log", shell=True)
    return 'ok'
""", FLASK + """
import shlex
import subprocess
@app.route('/grep')
def grep():
    pattern = request.form['q']
    out = subprocess.check_output(f"grep {shlex.quote(pattern)} /var/log/app.log", shell=True)
    return 'ok'
"""),
    "xss_make_response": (79, FLASK + """
@app.route('/hello')
def hello():
    name = request.args.get('name', '')
    return make_response('<h1>Hello ' + name + '</h1>')
""", FLASK + """
from markupsafe import escape
@app.route('/hello')
def hello():
    name = request.args.get('name', '')
    return make_response('<h1>Hello ' + escape(name) + '</h1>')
"""),
    "xss_returned_html": (79, FLASK + """
@app.route('/greet')
def greet():
    return f"<p>Welcome {request.args['user']}</p>"
""", FLASK + """
import html
@app.route('/greet')
def greet():
    return f"<p>Welcome {html.escape(request.args['user'])}</p>"
"""),
    "xss_markup": (79, FLASK + """
from markupsafe import Markup
@app.route('/bio')
def bio():
    return Markup(request.form['bio'])
""", FLASK + """
from markupsafe import Markup
@app.route('/bio')
def bio():
    return Markup.escape(request.form['bio'])
"""),
    "sql_injection_concat": (89, FLASK + """
import sqlite3
@app.route('/user')
def user():
    conn = sqlite3.connect('app.db')
    name = request.args['name']
    row = conn.execute("SELECT * FROM users WHERE name = '" + name + "'").fetchone()
    return str(row is not None)
""", FLASK + """
import sqlite3
@app.route('/user')
def user():
    conn = sqlite3.connect('app.db')
    name = request.args['name']
    row = conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    return str(row is not None)
"""),
    "sql_injection_parameter_format": (89, """
def find_user(cursor, username):
    query = "SELECT id FROM users WHERE username = '{}'".format(username)
    cursor.execute(query)
    return cursor.fetchone()
""", """
def find_user(cursor, username):
    query = "SELECT id FROM users WHERE username = %s"
    cursor.execute(query, (username,))
    return cursor.fetchone()
"""),
    "code_injection_eval": (94, FLASK + """
@app.route('/calc')
def calc():
    return str(eval(request.args.get('expr')))
""", FLASK + """
import ast
@app.route('/calc')
def calc():
    return {'result': ast.literal_eval(request.args.get('expr'))}
"""),
    "code_injection_exec_guarded": (94, """
def run_snippet(code):
    exec(code)
""", """
ALLOWED = {'reset', 'reload'}
def run_snippet(code):
    if code not in ALLOWED:
        raise ValueError(code)
    exec(code)
"""),
    "template_injection": (94, FLASK + """
@app.route('/page')
def page():
    name = request.args.get('name')
    return render_template_string(f"<p>Hello {name}</p>")
""", FLASK + """
@app.route('/page')
def page():
    name = request.args.get('name')
    return render_template_string("<p>Hello {{ name }}</p>", name=name)
"""),
    "deserialization_pickle": (502, FLASK + """
import pickle
@app.route('/load')
def load():
    data = bytes.fromhex(request.args.get('data'))
    return str(pickle.loads(data))
""", FLASK + """
import json
from flask import jsonify
@app.route('/load')
def load():
    data = bytes.fromhex(request.args.get('data'))
    return jsonify(json.loads(data))
"""),
    "deserialization_yaml": (502, """
import yaml
def load_config(text):
    return yaml.load(text)
""", """
import yaml
def load_config(text):
    return yaml.safe_load(text)
"""),
    "deserialization_marshal": (502, """
import marshal
def restore(blob):
    return marshal.loads(blob)
""", """
import json
def restore(blob):
    return json.loads(blob)
"""),
    "open_redirect": (601, FLASK + """
@app.route('/login')
def login():
    return redirect(request.args.get('next'))
""", FLASK + """
from urllib.parse import urlparse
@app.route('/login')
def login():
    target = request.args.get('next', '/')
    if urlparse(target).netloc not in ('', 'example.com'):
        target = '/'
        return redirect(target)
    if urlparse(target).netloc != 'example.com':
        return redirect('/')
    return redirect(target)
"""),
    "open_redirect_url_for": (601, FLASK + """
@app.route('/go')
def go():
    page = request.args['page']
    return redirect(page)
""", FLASK + """
from flask import url_for
@app.route('/go')
def go():
    page = request.args['page']
    return redirect(url_for('show', page=page))
"""),
    "xxe_lxml_resolve_entities": (611, FLASK + """
import lxml.etree
@app.route('/xml', methods=['POST'])
def parse():
    parser = lxml.etree.XMLParser(resolve_entities=True)
    doc = lxml.etree.fromstring(request.data, parser)
    return doc.tag
""", FLASK + """
import lxml.etree
@app.route('/xml', methods=['POST'])
def parse():
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)
    doc = lxml.etree.fromstring(request.data, parser)
    return doc.tag
"""),
    "xxe_lxml_default_parser": (611, FLASK + """
from lxml import etree
@app.route('/xml', methods=['POST'])
def parse():
    return etree.tostring(etree.fromstring(request.get_data()))
""", FLASK + """
import defusedxml.lxml
@app.route('/xml', methods=['POST'])
def parse():
    return str(defusedxml.lxml.fromstring(request.get_data()))
"""),
    "xml_entity_expansion_etree": (776, FLASK + """
import xml.etree.ElementTree as ET
@app.route('/upload')
def upload():
    doc = ET.fromstring(request.args['xml'].encode())
    return doc.tag
""", FLASK + """
import defusedxml.ElementTree as ET
@app.route('/upload')
def upload():
    doc = ET.fromstring(request.args['xml'].encode())
    return doc.tag
"""),
    "ssrf_requests": (918, FLASK + """
import requests
@app.route('/fetch')
def fetch():
    url = request.args['url']
    return requests.get(url).text
""", FLASK + """
import requests
from urllib.parse import urlparse
ALLOWED_HOSTS = {'api.example.com'}
@app.route('/fetch')
def fetch():
    url = request.args['url']
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        return 'forbidden', 403
    return requests.get(url).text
"""),
    "ssrf_host_part": (918, FLASK + """
import requests
@app.route('/profile')
def profile():
    host = request.args['host']
    return requests.get('https://' + host + '/api/profile').text
""", FLASK + """
import requests
from urllib.parse import quote
@app.route('/profile')
def profile():
    user = request.args['user']
    return requests.get('https://api.example.com/users/' + quote(user, safe='')).text
"""),
    "ldap_injection": (90, """
import ldap
def lookup(conn, username):
    return conn.search_s('ou=people,dc=example,dc=com', ldap.SCOPE_SUBTREE, '(uid=%s)' % username)
""", """
import ldap
from ldap.filter import escape_filter_chars
def lookup(conn, username):
    return conn.search_s('ou=people,dc=example,dc=com', ldap.SCOPE_SUBTREE,
                         '(uid=%s)' % escape_filter_chars(username))
"""),
    "xpath_injection": (643, """
from lxml import etree
def find(doc, name):
    return doc.xpath("//user[@name='%s']" % name)
""", """
from lxml import etree
def find(doc, name):
    return doc.xpath("//user[@name=$name]", name=name)
"""),
    "log_injection": (117, FLASK + """
import logging
@app.route('/login')
def login():
    user = request.args.get('user', '')
    logging.info('login attempt for ' + user)
    return 'ok'
""", FLASK + """
import logging
@app.route('/login')
def login():
    user = request.args.get('user', '').replace('\\n', '').replace('\\r', '')
    logging.info('login attempt for ' + user)
    return 'ok'
"""),
    "regex_injection": (1333, """
import re
def search(pattern, text):
    return re.search(pattern, text) is not None
""", """
import re
def search(pattern, text):
    return re.search(re.escape(pattern), text) is not None
"""),
    "header_injection": (113, FLASK + """
from flask import Response
@app.route('/ct')
def ct():
    resp = Response('ok')
    resp.headers['Content-Type'] = request.headers['Content-Type']
    return resp
""", FLASK + """
from flask import Response
@app.route('/ct')
def ct():
    resp = Response('ok')
    value = request.headers['Content-Type'].replace('\\r', '').replace('\\n', '')
    resp.headers['Content-Type'] = value
    return resp
"""),
    "csv_injection": (1236, FLASK + """
import csv
@app.route('/export')
def export():
    with open('out.csv', 'w') as fh:
        writer = csv.writer(fh)
        writer.writerow([request.args['name'], 'x'])
    return 'ok'
""", FLASK + """
import csv
@app.route('/export')
def export():
    name = request.args['name']
    if name.startswith(('=', '+', '-', '@')):
        return 'bad', 400
    with open('out.csv', 'w') as fh:
        writer = csv.writer(fh)
        writer.writerow([name, 'x'])
    return 'ok'
"""),
    "exception_exposure": (209, FLASK + """
@app.route('/do')
def do():
    try:
        return str(1 / int(request.args['n']))
    except Exception as e:
        return 'failed: ' + str(e), 500
""", FLASK + """
import logging
@app.route('/do')
def do():
    try:
        return str(1 / int(request.args['n']))
    except Exception as e:
        logging.exception('division failed')
        return 'failed', 500
"""),
    "client_ip_header": (348, FLASK + """
@app.route('/admin')
def admin():
    ip = request.headers.get('X-Forwarded-For')
    if ip == '127.0.0.1':
        return 'welcome'
    return 'denied', 403
""", FLASK + """
@app.route('/admin')
def admin():
    ip = request.remote_addr
    if ip == '127.0.0.1':
        return 'welcome'
    return 'denied', 403
"""),
    "normalize_after_escape": (176, FLASK + """
import unicodedata
from flask import render_template
from markupsafe import escape
@app.route('/r')
def r():
    data = escape(request.args.get('d', ''))
    data = unicodedata.normalize('NFKC', data)
    return render_template('r.html', d=data)
""", FLASK + """
import unicodedata
from flask import render_template
from markupsafe import escape
@app.route('/r')
def r():
    data = unicodedata.normalize('NFKC', request.args.get('d', ''))
    return render_template('r.html', d=escape(data))
"""),
    # ------------------------------------------------------------ config rules
    "weak_cipher": (327, """
from Crypto.Cipher import DES
def encrypt(key, data):
    return DES.new(key, DES.MODE_CBC).encrypt(data)
""", """
from Crypto.Cipher import AES
def encrypt(key, data):
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)
"""),
    "weak_hash": (328, """
import hashlib
def fingerprint(cert):
    return hashlib.sha1(cert).hexdigest()
""", """
import hashlib
def fingerprint(cert):
    return hashlib.sha256(cert).hexdigest()
"""),
    "weak_password_hash": (916, """
import hashlib
def store(password):
    return hashlib.md5(password.encode()).hexdigest()
""", """
import hashlib, os
def store(password):
    salt = os.urandom(16)
    return salt, hashlib.pbkdf2_hmac('sha256', password.encode(), salt, 600000)
"""),
    "static_iv": (329, """
from Crypto.Cipher import AES
def encrypt(data, key):
    iv = b'\\x00' * 16
    return AES.new(key, AES.MODE_CBC, iv).encrypt(data)
""", """
from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
def encrypt(data, key):
    iv = get_random_bytes(16)
    return iv, AES.new(key, AES.MODE_CBC, iv).encrypt(data)
"""),
    "weak_random_token": (338, """
import random, string
def generate_token():
    return ''.join(random.choice(string.ascii_letters) for _ in range(32))
""", """
import secrets
def generate_token():
    return secrets.token_urlsafe(32)
"""),
    "hardcoded_api_key": (798, """
def client():
    api_key = 'p7YhXM3h6PSXapEl7Fy57neXuM33zUPB'
    return api_key
""", """
import os
def client():
    api_key = os.environ['API_KEY']
    return api_key
"""),
    "hardcoded_password": (259, """
import pymysql
def connect():
    return pymysql.connect(host='db', user='app', password='S3cr3t!pass')
""", """
import os, pymysql
def connect():
    return pymysql.connect(host='db', user='app', password=os.getenv('DB_PASSWORD', ''))
"""),
    "hardcoded_private_key": (321, """
KEY = '''-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA...
-----END RSA PRIVATE KEY-----'''
""", """
KEY_PATH = '/etc/app/key.pem'
"""),
    "world_writable_chmod": (732, """
import os
def publish(path):
    os.chmod(path, 0o777)
""", """
import os
def publish(path):
    os.chmod(path, 0o600)
"""),
    "insecure_tempfile": (377, """
import tempfile
def scratch(data):
    name = tempfile.mktemp()
    with open(name, 'w') as fh:
        fh.write(data)
    return name
""", """
import tempfile
def scratch(data):
    with tempfile.NamedTemporaryFile('w', delete=False) as fh:
        fh.write(data)
        return fh.name
"""),
    "fixed_tmp_name": (377, """
def save(data):
    with open('/tmp/report.txt', 'w') as fh:
        fh.write(data)
""", """
import tempfile
def save(data):
    with tempfile.TemporaryFile('w') as fh:
        fh.write(data)
"""),
    "jwt_no_verification": (347, """
import jwt
def claims(token):
    return jwt.decode(token, options={'verify_signature': False})
""", """
import jwt
def claims(token, key):
    return jwt.decode(token, key, algorithms=['HS256'])
"""),
    "jwt_verify_false": (347, """
import jwt
def claims(token):
    return jwt.decode(token, verify=False, algorithms=['HS256'], key='')
""", """
import jwt
def claims(token, key):
    return jwt.decode(token, key=key, algorithms=['RS256'])
"""),
    "tls_verify_false": (295, """
import requests
def get(url):
    return requests.get(url, verify=False, timeout=5)
""", """
import requests
def get(url):
    return requests.get(url, timeout=5)
"""),
    "tls_cert_none": (295, """
import ssl
def ctx():
    c = ssl.create_default_context()
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    return c
""", """
import ssl
def ctx():
    return ssl.create_default_context()
"""),
    "incomplete_url_check": (20, """
def allowed(url):
    return url.endswith('example.com')
""", """
from urllib.parse import urlparse
def allowed(url):
    host = urlparse(url).hostname or ''
    return host == 'example.com' or host.endswith('.example.com')
"""),
    "hostname_regex_unescaped_dot": (20, """
import re
def allowed(url):
    return re.match(r'^https://(www|beta).example.com/', url) is not None
""", """
import re
def allowed(url):
    return re.match(r'^https://(www|beta)\\.example\\.com/', url) is not None
"""),
    "bad_tag_filter": (116, """
import re
def clean(html):
    return re.sub(r'<script.*?>.*?</script>', '', html)
""", """
import bleach
def clean(html):
    return bleach.clean(html)
"""),
    "cookie_without_secure": (614, FLASK + """
@app.route('/set')
def set_cookie():
    resp = make_response('ok')
    resp.set_cookie('session_id', 'abc')
    return resp
""", FLASK + """
@app.route('/set')
def set_cookie():
    resp = make_response('ok')
    resp.set_cookie('session_id', 'abc', secure=True, httponly=True, samesite='Lax')
    return resp
"""),
    "flask_debug": (489, FLASK + """
if __name__ == '__main__':
    app.run(debug=True)
""", FLASK + """
if __name__ == '__main__':
    app.run()
"""),
    "timing_attack": (208, """
import hmac, hashlib
def check(key, msg, signature):
    expected = hmac.new(key, msg, hashlib.sha256).hexdigest()
    return signature == expected
""", """
import hmac, hashlib
def check(key, msg, signature):
    expected = hmac.new(key, msg, hashlib.sha256).hexdigest()
    return hmac.compare_digest(signature, expected)
"""),
    "tar_extractall": (22, """
import tarfile
def unpack(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest)
""", """
import tarfile
def unpack(path, dest):
    with tarfile.open(path) as tar:
        tar.extractall(dest, filter='data')
"""),
    "redos_nested_quantifier": (1333, """
import re
NAME = re.compile(r"^([A-Za-z'-]+ ?)+$")
def valid_name(name):
    return NAME.match(name) is not None
""", """
import re
NAME = re.compile(r"^[A-Za-z'-]+(?: [A-Za-z'-]+)*$")
def valid_name(name):
    return NAME.match(name) is not None
"""),
    "xml_huge_tree": (776, """
from lxml import etree
def count_items(data):
    parser = etree.XMLParser(huge_tree=True)
    return len(etree.fromstring(data, parser).findall('.//item'))
""", """
from lxml import etree
def count_items(data):
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    return len(etree.fromstring(data, parser).findall('.//item'))
"""),
    "world_readable_private_key": (732, """
import os
def save_private_key(pem, path):
    with open(path, 'wb') as fh:
        fh.write(pem)
    os.chmod(path, 0o644)
""", """
import os
def save_private_key(pem, path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, 'wb') as fh:
        fh.write(pem)
"""),
    "html_built_from_parameters": (79, """
def render_comment(author, text):
    return f'<li><b>{author}</b><p>{text}</p></li>'
""", """
import html
def render_comment(author, text):
    return f'<li><b>{html.escape(author)}</b><p>{html.escape(text)}</p></li>'
"""),
    "jinja_autoescape_off": (79, """
from jinja2 import Environment, FileSystemLoader
env = Environment(loader=FileSystemLoader('templates'))
""", """
from jinja2 import Environment, FileSystemLoader, select_autoescape
env = Environment(loader=FileSystemLoader('templates'), autoescape=select_autoescape())
"""),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_vulnerable_example_is_flagged(name):
    cwe, vulnerable, _safe = CASES[name]
    assert_flags(vulnerable, cwe)


@pytest.mark.parametrize("name", sorted(CASES))
def test_sanitized_example_is_not_flagged(name):
    cwe, _vulnerable, safe = CASES[name]
    assert_not_flagged(safe, cwe)


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c[0] not in (
    327, 328, 916, 329, 338, 798, 259, 321, 732, 377, 347, 295, 20, 116, 614, 489, 208, 1333, 776)))
def test_sanitized_flow_example_has_no_finding_at_all(name):
    """The safe variants of the flow rules are fully clean (no other rule fires either)."""
    _cwe, _vulnerable, safe = CASES[name]
    found = flagged(analyze(safe))
    assert not found, found


# --------------------------------------------------------------------------------------
# Finding shape, sources, severities
# --------------------------------------------------------------------------------------
def test_flow_finding_shape_and_lines():
    code = flask("""
    import os
    @app.route('/run')
    def run():
        cmd = request.args.get('cmd')
        os.system(cmd)
        return 'ok'
    """)
    findings = taint.analyze(code)
    hit = [f for f in findings if f["cwe"] == 78]
    assert len(hit) == 1
    f = hit[0]
    assert set(f) >= {"tool", "rule_id", "rule_name", "cwe", "severity", "confidence", "line", "end_line",
                      "message", "source_line", "sink_line"}
    assert f["tool"] == "taint"
    assert f["rule_id"] == "SG-TAINT-078"
    assert f["severity"] == "high" and f["confidence"] == "high"
    lines = code.split("\n")
    assert "request.args.get('cmd')" in lines[f["source_line"] - 1]
    assert "os.system(cmd)" in lines[f["sink_line"] - 1]
    assert f["line"] == f["sink_line"]
    assert "request.args.get('cmd')" in f["message"] and "os.system" in f["message"]


def test_config_findings_have_no_source_line():
    f = flagged(analyze("import tempfile\nname = tempfile.mktemp()\n"), 377)[0]
    assert "source_line" not in f and f["line"] == 2


def test_parameter_source_is_medium_request_source_is_high():
    param = assert_flags("""
    import os
    def run(cmd):
        os.system(cmd)
    """, 78)[0]
    assert param["severity"] == "medium"
    request = assert_flags(flask("""
    import os
    @app.route('/r')
    def r():
        os.system(request.form['cmd'])
        return ''
    """), 78)[0]
    assert request["severity"] == "high"


@pytest.mark.parametrize("expr", [
    "request.args['x']", "request.args.get('x')", "request.form.get('x')", "request.values['x']",
    "request.get_json()['x']", "request.json['x']", "request.cookies.get('x')", "request.headers['X']",
    "request.data.decode()", "request.get_data(as_text=True)", "request.files['f'].filename",
])
def test_flask_request_sources(expr):
    assert_flags(flask("""
    import os
    @app.route('/r')
    def r():
        os.system("echo " + %s)
        return ''
    """) % expr, 78)


def test_route_path_parameter_is_a_source_and_int_converter_is_not():
    assert_flags(flask("""
    import os
    @app.route('/files/<name>')
    def get(name):
        os.system('cat ' + name)
        return ''
    """), 78)
    found = analyze(flask("""
    @app.route('/items/<int:item_id>')
    def item(item_id):
        cursor.execute("SELECT * FROM items WHERE id = %d" % item_id)
        return ''
    """))
    assert not flagged(found, 89)


def test_django_view_request_source():
    assert_flags("""
    from django.http import HttpResponse
    def view(request):
        q = request.GET.get('q', '')
        return HttpResponse('<p>' + q + '</p>')
    """, 79)


def test_fastapi_query_parameter_is_a_source():
    assert_flags("""
    import subprocess
    from fastapi import FastAPI
    app = FastAPI()
    @app.get('/run')
    def run(cmd: str):
        subprocess.run(cmd, shell=True)
        return {}
    """, 78)


@pytest.mark.parametrize("source", ["input('cmd: ')", "sys.argv[1]", "os.environ['CMD']", "os.getenv('CMD')"])
def test_console_argv_and_environment_sources(source):
    assert_flags("""
    import os, sys
    cmd = %s
    os.system('run ' + cmd)
    """ % source, 78)


def test_numeric_annotation_parameter_is_clean():
    assert_not_flagged("""
    def get(cursor, user_id: int):
        cursor.execute("SELECT * FROM t WHERE id = %s" % user_id)
    """, 89)


# --------------------------------------------------------------------------------------
# Propagation
# --------------------------------------------------------------------------------------
SINK_TEMPLATE = flask("""
import os
@app.route('/p')
def p():
    data = request.args.get('d')
%s
    os.system(cmd)
    return ''
""")


@pytest.mark.parametrize("body", [
    "    cmd = f'ls {data}'",                                  # f-string
    "    cmd = 'ls {}'.format(data)",                          # str.format
    "    cmd = 'ls {path}'.format(path=data)",                 # str.format keyword
    "    cmd = 'ls %s' % data",                                # % formatting
    "    cmd = 'ls %(p)s' % {'p': data}",                      # % with a dict
    "    cmd = 'ls ' + data",                                  # concatenation
    "    cmd = 'ls '\n    cmd += data",                        # augmented assignment
    "    cmd = ' '.join(['ls', data])",                        # join
    "    parts = ['ls', data]\n    cmd = ' '.join(parts)",     # list container
    "    opts = {'arg': data}\n    cmd = 'ls ' + opts['arg']",  # dict container + subscript
    "    a, b = 'ls ', data\n    cmd = a + b",                 # tuple unpacking
    "    x = data\n    y = x\n    cmd = 'ls ' + y",            # aliasing
    "    cmd = ('ls ' + data).strip().lower()",                # string methods
    "    cmd = 'ls ' + data.split(',')[0]",                    # split + subscript
    "    for item in data.split(','):\n        cmd = 'ls ' + item",  # for target
    "    cmd = 'ls ' + helper(data)",                          # unknown call (lower confidence)
    "    items = []\n    items.append(data)\n    cmd = 'ls ' + items[0]",  # list.append
    "    cmd = 'ls ' + [d for d in data.split()][0]",          # comprehension
    "    if (n := data):\n        cmd = 'ls ' + n\n    else:\n        cmd = 'ls'",  # walrus + branch merge
    "    cmd = 'ls ' + base64.b64decode(data).decode()",       # decoding keeps the data
])
def test_propagation(body):
    code = SINK_TEMPLATE % body
    if "base64" in body:
        code = "import base64\n" + code
    assert_flags(code, 78)


def test_with_target_and_attribute_propagation():
    assert_flags(flask("""
    import subprocess
    @app.route('/p')
    def p():
        payload = request.get_json()
        with open(payload['file']) as fh:
            first = fh.readline()
        subprocess.call(payload['opts'].cmd + first, shell=True)
        return ''
    """), 78)


def test_reassignment_to_a_constant_clears_taint():
    assert_not_flagged(SINK_TEMPLATE % "    cmd = data\n    cmd = 'ls -l'", 78)


def test_unknown_call_lowers_confidence():
    direct = assert_flags(SINK_TEMPLATE % "    cmd = data", 78)[0]
    via = assert_flags(SINK_TEMPLATE % "    cmd = wrap(data)", 78)[0]
    assert direct["confidence"] == "high"
    assert via["confidence"] != "high"


def test_guard_only_sanitizes_its_own_branch():
    code = flask("""
    import os
    @app.route('/p')
    def p():
        name = request.args['n']
        if name in ('a', 'b'):
            os.system('ls ' + name)
        os.system('cat ' + name)
        return ''
    """)
    hits = assert_flags(code, 78)
    lines = textwrap.dedent(code).split("\n")
    assert [lines[h["line"] - 1].strip() for h in hits] == ["os.system('cat ' + name)"]


@pytest.mark.parametrize("guard", [
    "    if not name.isalnum():\n        abort(400)",
    "    if not re.fullmatch(r'[a-z]+', name):\n        return 'bad'",
    "    if name not in ALLOWED:\n        raise ValueError(name)",
    "    assert name in ALLOWED",
    "    name = int(name)",
])
def test_validation_guards(guard):
    code = flask("""
    import os, re
    from flask import abort
    ALLOWED = {'a', 'b'}
    @app.route('/p')
    def p():
        name = request.args['n']
    %s
        os.system('ls ' + str(name))
        return ''
    """) % guard.replace("\n", "\n    ")
    assert_not_flagged(code, 78)


def test_unanchored_regex_is_not_a_sanitizer():
    assert_flags(flask("""
    import os, re
    @app.route('/p')
    def p():
        name = request.args['n']
        if re.match(r'[a-z]+', name):
            os.system('ls ' + name)
        return ''
    """), 78)


def test_import_aliases_are_resolved():
    assert_flags("""
    import subprocess as sp
    def run(cmd):
        sp.call(cmd, shell=True)
    """, 78)
    assert_flags("""
    from os import system as run_it
    def run(cmd):
        run_it(cmd)
    """, 78)


def test_sql_query_helper_by_name():
    assert_flags("""
    def tag_name(self, tag_id):
        q = "SELECT tag FROM tags WHERE rowid = '" + str(tag_id) + "'"
        self.query(q)
    """, 89)
    assert_not_flagged("""
    def tag_name(self, tag_id):
        self.query("SELECT tag FROM tags WHERE rowid = ?", tag_id)
    """, 89)


def test_command_helper_by_name():
    assert_flags("""
    def delete_vdisk(self, name):
        ssh_cmd = 'svctask rmvdisk -force %s' % name
        self._run_ssh(ssh_cmd)
    """, 78)
    assert_not_flagged("""
    def delete_vdisk(self, name):
        ssh_cmd = ['svctask', 'rmvdisk', '-force', name]
        self._run_ssh(ssh_cmd)
    """, 78)


def test_parameterised_query_with_table_name_is_low():
    found = analyze("""
    def delete(self, sid):
        query = "DELETE FROM %s WHERE identifier = $1;" % (self.table)
        self._query(query, sid)
    """)
    assert not flagged(found, 89)
    assert [f for f in found if f["cwe"] == 89 and f["severity"] == "low"]


def test_path_parameter_alone_is_low_but_under_a_fixed_base_is_medium():
    found = analyze("""
    def read(path):
        return open(path).read()
    """)
    assert not flagged(found, 22) and [f for f in found if f["cwe"] == 22]
    assert_flags("""
    import os
    def read(name):
        return open(os.path.join('/srv/data', name)).read()
    """, 22)


def test_list_argv_without_shell_is_not_command_injection():
    found = analyze("""
    import subprocess
    def ls(path):
        return subprocess.check_output(['ls', '-l', path])
    """)
    assert not flagged(found)


def test_json_response_is_not_xss():
    assert_not_flagged(flask("""
    from flask import jsonify
    @app.route('/j')
    def j():
        return jsonify({'name': request.args['name']})
    """), 79)


# --------------------------------------------------------------------------------------
# Robustness and speed
# --------------------------------------------------------------------------------------
def test_syntax_error_raises():
    with pytest.raises(SyntaxError):
        taint.analyze("def broken(:\n")


@pytest.mark.parametrize("code", [
    "", "pass\n", "x = 1\n", "async def f():\n    async with a as b:\n        await b\n",
    "class A:\n    def m(self):\n        return self.x\n",
    "match x:\n    case [a, b]:\n        os.system(a)\n    case _:\n        pass\n",
    "def f(*args, **kw):\n    return g(*args, **kw)\n",
    "lambda: eval(input())\n",
    "x = " + "(" * 50 + "1" + ")" * 50 + "\n",
    "def f(a):\n    while True:\n        for b in a:\n            try:\n                a = b\n            finally:\n                break\n",
    "s = '%s %s' % (a,)\ns2 = '{0} {1}'.format(x)\ns3 = '{bad'.format(y)\n",
    "def f(a, fn):\n    out = list(a) + [[fn]]\n    s = 'x' + (a + [fn])[0] + a\n    return out, s\n",
    "x = [1, 2] + y + [3]\nz = (1,) + t\nw = 'a' + 'b' + 'c'\n",
])
def test_unusual_code_does_not_crash(code):
    assert isinstance(taint.analyze(code), list)


def test_long_concatenation_chain():
    code = "def f(a):\n    s = 'x'" + " + a" * 3000 + "\n    return s\n"
    assert isinstance(taint.analyze(code), list)


def test_fifty_line_file_is_fast():
    code = textwrap.dedent(CASES["sql_injection_concat"][1] + CASES["command_injection_shell_true"][1]
                           + CASES["open_redirect"][2])
    assert 30 <= code.count("\n") <= 80
    taint.analyze(code)
    runs = []
    for _ in range(20):
        start = time.thread_time()  # CPU time: the test machine may be busy with other work
        taint.analyze(code)
        runs.append(time.thread_time() - start)
    runs.sort()
    assert runs[len(runs) // 2] < 0.005, "median %.2f ms" % (runs[len(runs) // 2] * 1000)


# --------------------------------------------------------------------------------------
# Worker protocol
# --------------------------------------------------------------------------------------
def _worker():
    proc = subprocess.Popen(["/usr/bin/python3", os.path.join(WORKER_DIR, "analysis_worker.py")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=os.path.dirname(WORKER_DIR))
    ready = json.loads(proc.stdout.readline())
    assert ready["ready"] is True
    return proc


def _ask(proc, request):
    proc.stdin.write(json.dumps(request) + "\n")
    proc.stdin.flush()
    return json.loads(proc.stdout.readline())


@pytest.mark.skipif(not os.path.exists("/usr/bin/python3"), reason="needs Debian's python3")
def test_worker_protocol_returns_taint_alongside_bandit():
    proc = _worker()
    try:
        ping = _ask(proc, {"id": 1, "op": "ping"})
        assert ping["ok"] and "taint" in ping["analyzers"] and "bandit" in ping["analyzers"]
        code = textwrap.dedent(flask("""
        import os
        @app.route('/run')
        def run():
            os.system('ls ' + request.args['dir'])
            return 'ok'
        """))
        reply = _ask(proc, {"id": 2, "op": "analyze", "code": code, "analyzers": ["bandit", "taint"]})
        assert reply["id"] == 2 and reply["ok"] and reply["syntax_error"] is None
        assert reply["tools"]["bandit"]["ok"] and reply["tools"]["taint"]["ok"]
        taint_findings = reply["tools"]["taint"]["findings"]
        hit = [f for f in taint_findings if f["cwe"] == 78]
        assert hit and hit[0]["source_line"] and hit[0]["sink_line"] and hit[0]["severity"] == "high"
        assert any(f["rule_id"].startswith("B6") for f in reply["tools"]["bandit"]["findings"])
        broken = _ask(proc, {"id": 3, "op": "analyze", "code": "def f(:\n", "analyzers": ["taint"]})
        assert broken["ok"] and broken["syntax_error"] and broken["tools"] == {}
        again = _ask(proc, {"id": 4, "op": "analyze", "code": "x = 1\n", "analyzers": ["taint"]})
        assert again["tools"]["taint"] == {"ok": True, "findings": [], "error": None}
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)


# --------------------------------------------------------------------------------------
# Precision: common secure idioms must stay quiet
# --------------------------------------------------------------------------------------
SECURE_IDIOMS = {
    "send_from_directory": """
from flask import Flask, request, send_from_directory
app = Flask(__name__)
@app.route('/files/<path:name>')
def files(name):
    return send_from_directory('/srv/uploads', name)
""",
    "upload_secure_filename": """
import os
from flask import Flask, request
from werkzeug.utils import secure_filename
app = Flask(__name__)
UPLOAD_FOLDER = '/srv/uploads'
@app.route('/upload', methods=['POST'])
def upload():
    f = request.files['file']
    name = secure_filename(f.filename)
    f.save(os.path.join(UPLOAD_FOLDER, name))
    return 'ok'
""",
    "orm_and_templates": """
from flask import Flask, request, render_template, redirect, url_for
app = Flask(__name__)
@app.route('/user')
def user():
    name = request.args.get('name', '')
    u = User.query.filter_by(username=name).first()
    if u is None:
        return redirect(url_for('index'))
    return render_template('user.html', user=u, name=name)
""",
    "parameterised_sql": """
import sqlite3
def get_user(conn: sqlite3.Connection, username, password):
    cur = conn.cursor()
    cur.execute('SELECT info FROM users WHERE username = ? AND password = ?', (username, password))
    row = cur.fetchone()
    return row[0] if row else None
""",
    "subprocess_argument_list": """
import subprocess
from flask import Flask, request
app = Flask(__name__)
@app.route('/ping')
def ping():
    host = request.args.get('host', '')
    result = subprocess.run(['ping', '-c', '1', host], capture_output=True, text=True)
    return {'ok': result.returncode == 0}
""",
    "path_containment_commonpath": """
import os
BASE = '/srv/data'
def read(name):
    base = os.path.realpath(BASE)
    path = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, path]) != base:
        raise ValueError('outside base')
    with open(path) as fh:
        return fh.read()
""",
    "path_containment_pathlib": """
from pathlib import Path
BASE = Path('/srv/data').resolve()
def read(name):
    target = (BASE / name).resolve()
    if BASE not in target.parents:
        raise PermissionError(name)
    return target.read_text()
""",
    "safe_redirect": """
from urllib.parse import urlparse
from flask import Flask, request, redirect
app = Flask(__name__)
@app.route('/next')
def nxt():
    target = request.args.get('next', '/')
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc:
        return redirect('/')
    return redirect(target)
""",
    "password_hashing": """
import bcrypt
def hash_password(password):
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())
def check(password, hashed):
    return bcrypt.checkpw(password.encode(), hashed)
""",
    "secrets_token": """
import secrets
def new_session_token():
    return secrets.token_urlsafe(32)
""",
    "dice_random": """
import random
def roll():
    return random.randint(1, 6)
""",
    "jwt_verified": """
import jwt, os
SECRET = os.environ['JWT_SECRET']
def decode(token):
    return jwt.decode(token, SECRET, algorithms=['HS256'])
""",
    "env_credentials": """
import os
DB_PASSWORD = os.environ.get('DB_PASSWORD')
API_KEY = os.getenv('API_KEY', '')
PASSWORD_FIELD = 'password'
TOKEN_URL = 'https://auth.example.com/token'
""",
    "escaped_html_response": """
from flask import Flask, request
from markupsafe import escape
app = Flask(__name__)
@app.route('/hi')
def hi():
    return f"<p>Hello {escape(request.args.get('name', ''))}</p>"
""",
    "json_api": """
from flask import Flask, request, jsonify
app = Flask(__name__)
@app.route('/echo', methods=['POST'])
def echo():
    data = request.get_json()
    return jsonify({'echo': data.get('msg')})
""",
    "defused_xml": """
import defusedxml.ElementTree as ET
def parse(xml_text):
    root = ET.fromstring(xml_text)
    return root.tag
""",
    "safe_yaml_and_json": """
import json, yaml
def load(text, kind):
    if kind == 'yaml':
        return yaml.safe_load(text)
    return json.loads(text)
""",
    "escaped_regex": """
import re
def count(word, text):
    return len(re.findall(r'\\b' + re.escape(word) + r'\\b', text))
""",
    "cli_tool_reads_named_file": """
import argparse
def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('path')
    args = parser.parse_args()
    with open(args.path) as fh:
        print(fh.read())
""",
}


@pytest.mark.parametrize("name", sorted(SECURE_IDIOMS))
def test_secure_idioms_have_no_medium_or_high_findings(name):
    found = flagged(analyze(SECURE_IDIOMS[name]))
    assert not found, found


def test_informational_rules_are_low():
    found = analyze("""
    import subprocess
    from flask import Flask, request
    app = Flask(__name__)
    @app.route('/clone')
    def clone():
        subprocess.run(['git', 'clone', request.args['repo']], check=True)
        return 'ok'
    if __name__ == '__main__':
        app.run(host='0.0.0.0')
    """)
    by_rule = {f["rule_id"]: f for f in found}
    assert by_rule["SG-TAINT-088"]["severity"] == "low" and by_rule["SG-TAINT-088"]["cwe"] == 88
    assert by_rule["SG-CFG-605"]["severity"] == "low"
    assert not flagged(found)


def test_rule_ids_are_unique_and_well_formed():
    from sgworker.taint import rules
    ids = [r.id for r in list(rules.FLOW.values()) + list(rules.CONFIG.values())]
    assert len(ids) == len(set(ids))
    for r in list(rules.FLOW.values()) + list(rules.CONFIG.values()):
        assert r.id.startswith(("SG-TAINT-", "SG-CFG-")) and isinstance(r.cwe, int)
        assert r.user in ("low", "medium", "high")


def test_numeric_conversions_do_not_carry_text():
    assert_not_flagged("""
    def delete(cursor, msg_id):
        cursor.execute("DELETE FROM message WHERE id = %d" % msg_id)
    """, 89)
    assert_flags("""
    def delete(cursor, msg_id):
        cursor.execute("DELETE FROM message WHERE id = '%s'" % msg_id)
    """, 89)


def test_not_every_angle_bracket_is_html():
    found = analyze("""
    class Box:
        def describe(self, name):
            return '<%s name=%r>' % (self.__class__.__name__, name)
    """)
    assert not flagged(found, 79)
