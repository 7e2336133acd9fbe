"""Where the service may be reached from, and the checks made before it starts.

- The ``Host`` header must be one of ``DOCGEN_ALLOWED_HOSTS`` (default: the loopback
  names): a page served under a foreign name (DNS rebinding: a web page the user opens
  points its own name at 127.0.0.1) gets 400 before any route runs. An entry is a name
  (any port), ``name:port`` (that port only) or ``.example.com`` (the name's subdomains).
- ``docgen serve`` refuses to listen beyond the loopback interface while the web pages
  need no sign-in (``DOCGEN_WEB_AUTH=single-user``), and refuses several workers that
  would each keep their own rate-limit counters unless that is asked for by name
  (``DOCGEN_RATE_LIMIT_STORAGE_URI=memory://``). The ``limits`` library has no store
  that is shared without a server (memory, Redis, Memcached, MongoDB), so shared
  counters need Redis: without a storage setting, the broker's Redis
  (``DOCGEN_BROKER_URL``) is used when there is one.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, request

from docgen.config import Settings
from docgen.documents.problems import Problem
from docgen.serve_checks import is_loopback, rate_limit_storage, serve_problems

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def split_host(host: str) -> tuple[str, str]:
    """``name:port`` (or ``[v6]:port``) as (name, port); the port may be empty."""
    host = host.strip().lower()
    if host.startswith("["):
        name, _, rest = host.partition("]")
        return f"{name}]", rest.removeprefix(":")
    name, _, port = host.partition(":")
    return name, port


def host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    name, port = split_host(host)
    if not name:
        return False
    for entry in allowed or LOOPBACK_HOSTS:
        entry = entry.strip().lower()
        if entry.startswith("."):
            if name.endswith(entry) or name == entry[1:]:
                return True
            continue
        entry_name, entry_port = split_host(entry)
        if entry_name == name and (not entry_port or entry_port == port):
            return True
    return False


def init_app(app: Flask, settings: Settings) -> None:
    """Answer only requests addressed to an allowed host (checked before anything else)."""
    allowed = settings.allowed_hosts

    def check_host() -> Response | None:
        if host_allowed(request.headers.get("Host", ""), allowed):
            return None
        response = jsonify(
            [
                Problem(
                    (),
                    "host_not_allowed",
                    "请求的主机名不在允许列表中（DOCGEN_ALLOWED_HOSTS）",
                ).as_dict()
            ]
        )
        response.status_code = 400
        return response

    app.before_request_funcs.setdefault(None, []).insert(0, check_host)


__all__ = ["host_allowed", "init_app", "is_loopback", "rate_limit_storage", "serve_problems"]
