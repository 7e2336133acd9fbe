"""Bounded work at the web layer (threat T16): every request ends in seconds with a JSON
answer, whatever it sends and whatever holds the database.

* JSON nested deeper than :data:`MAX_JSON_DEPTH` (in the body, a form field or the query)
  is refused with 400 ``json_too_deep`` before any parser sees it (:class:`BoundedRequest`
  checks as the body or form is read): Python's parser recurses, so 10,000 levels would
  end in a RecursionError (a 500) or worse.
* A request waits at most ``DOCGEN_DATABASE_BUSY_SECONDS`` (3 s) for a locked SQLite
  file (``db.set_request_busy_timeout``; the CLI and workers keep 30 s), then answers 503
  with ``Retry-After`` and a problem body instead of a 500 after 30 s.
* A request that outlives gunicorn's worker timeout: gunicorn aborts the worker and would
  answer its own HTML "Internal Server Error" page. :class:`InFlight` remembers each
  request's socket while the application works on it, and gunicorn's ``worker_abort`` hook
  (``docgen.web.gunicorn_conf``) calls :func:`answer_aborted`, which sends a JSON 503 on
  each socket whose response has not started and closes it.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, Request, Response, jsonify, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import BadRequest

from docgen import db
from docgen.config import Settings
from docgen.documents.problems import Problem
from docgen.json_depth import MAX_JSON_DEPTH, json_depth_exceeds
from docgen.web.errors import unexpected_error

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


def _too_deep(loc: tuple[str, ...]) -> Response:
    where = f"字段 {loc[0]} 中的 " if loc else ""
    problem = Problem(
        loc, "json_too_deep", f"{where}JSON 嵌套超过 {MAX_JSON_DEPTH} 层，已拒绝，请检查数据结构"
    )
    response = jsonify([problem.as_dict()])
    response.status_code = 400
    return response


class JsonTooDeep(BadRequest):
    """400 ``json_too_deep``, raised where a body or form is first read."""

    def __init__(self, loc: tuple[str, ...]) -> None:
        super().__init__(response=_too_deep(loc))


class BoundedRequest(Request):
    """Flask's request, checking JSON nesting when the body or the form is first read.

    Checked at reading, not in a hook before the view, so a view that raises the upload
    limit first (the bundles) still has it applied when the form is parsed.
    """

    def _load_form_data(self) -> None:
        super()._load_form_data()
        _check_fields(self.form.items(multi=True))

    _depth_checked = False  # the body (cached by get_data) has passed the check

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        if (force or self.is_json) and not self._depth_checked:
            if json_depth_exceeds(self.get_data(cache=True)):
                raise JsonTooDeep(())
            self._depth_checked = True
        return super().get_json(force=force, silent=silent, cache=cache)


def _check_fields(fields: Iterable[tuple[str, str]]) -> None:
    for name, value in fields:
        if value.lstrip()[:1] in ("[", "{") and json_depth_exceeds(value.encode()):
            raise JsonTooDeep((name,))


def _check_query() -> None:
    _check_fields(request.args.items(multi=True))


def _is_lock(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return any(w in text for w in ("database is locked", "database table is locked", "busy"))


def _database_busy(exc: OperationalError) -> Response:
    if not _is_lock(exc):
        return unexpected_error(exc)  # the 500 every other error gets
    log.warning("database busy on %s %s", request.method, request.path)
    problem = Problem(
        (), "database_busy", f"数据库正忙（被其他操作锁定），请 {RETRY_AFTER_SECONDS} 秒后重试"
    )
    response = jsonify([problem.as_dict()])
    response.status_code = 503
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def init_app(app: Flask, settings: Settings) -> None:
    wait = settings.database_busy_seconds

    def short_database_wait() -> None:
        db.set_request_busy_timeout(wait)

    def default_database_wait(_exc: BaseException | None) -> None:
        db.set_request_busy_timeout(None)

    # first of all hooks: the API-key check already reads the database
    app.before_request_funcs.setdefault(None, []).insert(0, short_database_wait)
    app.teardown_request(default_database_wait)
    app.request_class = BoundedRequest
    app.before_request(_check_query)
    app.register_error_handler(OperationalError, _database_busy)
    app.wsgi_app = InFlight(app.wsgi_app)  # type: ignore[method-assign]


# --- answering requests a worker timeout aborts ------------------------------------------

_in_flight: dict[int, socket.socket] = {}
_in_flight_lock = threading.Lock()
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class InFlight:
    """WSGI middleware: the sockets (gunicorn's) of requests whose response has not begun."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        sock = environ.get("gunicorn.socket")
        if sock is None:
            return self.app(environ, start_response)
        key = id(environ)

        def started(*args: Any, **kwargs: Any) -> Any:
            with _in_flight_lock:
                _in_flight.pop(key, None)
            return start_response(*args, **kwargs)

        with _in_flight_lock:
            _in_flight[key] = sock
        try:
            return self.app(environ, started)
        finally:
            with _in_flight_lock:
                _in_flight.pop(key, None)


def timeout_response(seconds: float | None) -> bytes:
    limit = f"（超过 {seconds:g} 秒）" if seconds else ""
    problem = Problem(
        (), "request_timeout", f"请求处理时间过长{limit}，已中止；请稍后重试或减少一次提交的数量"
    )
    body = json.dumps([problem.as_dict()], ensure_ascii=False).encode()
    head = (
        "HTTP/1.1 503 Service Unavailable\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Retry-After: {RETRY_AFTER_SECONDS}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


def answer_aborted(seconds: float | None = None) -> int:
    """Answer every request still in flight with a JSON 503; return how many were."""
    with _in_flight_lock:
        sockets = list(_in_flight.values())
        _in_flight.clear()
    payload = timeout_response(seconds)
    for sock in sockets:
        try:
            sock.sendall(payload)
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            continue  # the client has gone: nothing to answer
    return len(sockets)
