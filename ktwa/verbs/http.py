"""HTTP requests from q (dotq.md): `.Q.hg url` (GET) and `.Q.hp[url;mime;body]` (POST) return
the response's body as a string. As q's, they take the proxy from http_proxy/no_proxy, ask
for gzip and inflate it, send the user:password of a URL as basic authentication, and return
the body whatever the status. A session fenced from the file system (ktwa.fileaccess: a root
or a mode other than "all") makes no requests: 'access."""
from __future__ import annotations

import base64
import gzip
import urllib.error
import urllib.parse
import urllib.request

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.functions import Definitions

define = Definitions()


def _url(x) -> str:
    """A URL given as a symbol or string, with or without q's leading colon."""
    if isinstance(x, str):
        s = x
    elif T.is_string(x):
        s = T.text(x)
    else:
        raise QError("type")
    return s[1:] if s.startswith(":") else s


def request(ctx, x, body: bytes | None = None, mime: str | None = None) -> np.ndarray:
    if not ctx.files.unfenced:
        raise QError("access")
    url = _url(x)
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QError("domain")
    headers = {"Accept-Encoding": "gzip"}
    if parts.username is not None:
        unquote = urllib.parse.unquote
        cred = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers["Authorization"] = "Basic " + base64.b64encode(cred.encode()).decode()
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    if mime is not None:
        headers["Content-Type"] = mime
    req = urllib.request.Request(url, data=body, headers=headers,
                                 method="GET" if body is None else "POST")
    try:
        with urllib.request.urlopen(req) as r:
            data, encoding = r.read(), r.headers.get("Content-Encoding", "")
    except urllib.error.HTTPError as e:          # q hands back the body of any status
        data, encoding = e.read(), e.headers.get("Content-Encoding", "")
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise QError(f"hop. OS reports: {getattr(reason, 'strerror', None) or reason}") from None
    if encoding.lower() == "gzip":
        data = gzip.decompress(data)
    return T.chars(data.decode("latin-1"))


def get(ctx, x):
    """.Q.hg url: the body of an HTTP GET of url."""
    return request(ctx, x)


def post(ctx, x, y, z):
    """.Q.hp[url;mime;body]: the body of the response to an HTTP POST of body as mime."""
    if not (T.is_string(y) and (T.is_string(z) or (isinstance(z, np.ndarray)
                                                    and z.dtype == np.uint8))):
        raise QError("type")
    data = z.tobytes() if z.dtype == np.uint8 else T.text(z).encode("latin-1")
    return request(ctx, x, data, T.text(y))


define(".Q.hg", monad=get, ctx=True, doc=".Q.hg url  the body of an HTTP GET of url, as a string")
define(".Q.hp", triad=post, ctx=True,
       doc=".Q.hp[url;mime;body]  the body of the response to an HTTP POST of body as mime")
