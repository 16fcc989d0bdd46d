""".Q.hg and .Q.hp against a local HTTP server: the body as a string whatever the status,
gzip inflated, user:password sent as basic authentication, POST bodies with their type."""
import base64
import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ktwa.session import Session


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def _send(self, code, body: bytes, gz=False):
        self.send_response(code)
        if gz:
            body = gzip.compress(body)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/gz":
            self._send(200, b"inflated text", gz="gzip" in self.headers.get("Accept-Encoding", ""))
        elif self.path == "/auth":
            self._send(200, base64.b64decode(self.headers["Authorization"].split()[1]))
        elif self.path == "/missing":
            self._send(404, b"no such page")
        else:
            self._send(200, b"hello from " + self.path.encode())

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        body = self.rfile.read(n)
        self._send(200, self.headers["Content-Type"].encode() + b"|" + body)


@pytest.fixture(scope="module")
def url():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


@pytest.mark.parametrize("src,out", [
    ('.Q.hg`$":{u}/page"', '"hello from /page"\n'),
    ('.Q.hg"{u}/page"', '"hello from /page"\n'),
    ('.Q.hg":{u}/gz"', '"inflated text"\n'),
    ('.Q.hg"{u}/missing"', '"no such page"\n'),
    ('.Q.hp["{u}/p";"application/json";"{{\\"a\\":1}}"]', '"application/json|{{\\"a\\":1}}"\n'),
    ('.Q.hp["{u}/p";"text/plain";0x616263]', '"text/plain|abc"\n'),
])
def test_requests(url, src, out):
    s = Session()
    assert s.console(src.format(u=url)) == out.format(u=url)


def test_credentials_are_basic_auth(url):
    s = Session()
    u = url.replace("http://", "http://ann:s3cret@")
    assert s.console(f'.Q.hg"{u}/auth"') == '"ann:s3cret"\n'


def test_errors(url, tmp_path):
    s = Session()
    assert s.console(".Q.hg 42").startswith("'type")
    assert s.console('.Q.hg"ftp://x/y"').startswith("'domain")
    assert s.console('.Q.hp["http://127.0.0.1:1/";"text/plain";1 2]').startswith("'type")
    assert s.console('.Q.hg"http://127.0.0.1:1/"').startswith("'hop. OS reports:")
    fenced = Session(files="read", root=str(tmp_path))
    assert fenced.console(f'.Q.hg"{url}/page"').startswith("'access")
