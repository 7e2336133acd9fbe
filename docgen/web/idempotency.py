"""``Idempotency-Key`` on the routes that create something (the IETF
httpapi-idempotency-key-header draft, as Stripe does it).

A POST that renders documents, starts a batch or bundle run or records a delivery, sent
with ``Idempotency-Key``, is executed once per tenant and key (:mod:`docgen.idempotency.
store`); a retry within 24 hours gets the stored first answer: the same status, the
headers a client reads (document ids, warnings, file name, location) and the same body
bytes, marked ``Idempotent-Replayed: true``. The stored body is the answer itself, not a
re-render: re-rendering would take new letter numbers and document ids.

- the same key with another request (route, query or body) → 422 ``idempotency_key_reused``
- the same key while the first request is still running → 409 ``idempotency_key_in_flight``
- a key that is empty, longer than 255 characters or not printable ASCII → 400

Only a successful (2xx) answer is kept; any other releases the key, so the client can
fix its request and retry it with the same key.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, current_app, jsonify, request

from docgen import db
from docgen.documents.problems import Problem
from docgen.idempotency.store import Claimed, IdempotencyStore, InFlight, Replay, Reused
from docgen.web import auth
from docgen.web.extension import app_service

HEADER = "Idempotency-Key"
_KEY = re.compile(r"^[\x21-\x7e][\x20-\x7e]{0,254}$")
# the answers' headers a retry gets back (not Date, cookies or rate-limit counters)
_KEPT_HEADERS = ("content-type", "content-disposition", "location", "cache-control")
_KEPT_PREFIX = "x-docgen-"


def creates(endpoint: str) -> bool:
    """Whether ``endpoint`` is one of the POST routes that create something."""
    return endpoint.startswith("api.render_") or endpoint in (
        "bundles.create_bundle",
        "batches.create_batch",
        "register.add_delivery",
    )


def store() -> IdempotencyStore:
    found: IdempotencyStore | None = current_app.extensions.get("docgen_idempotency")
    if found is None:
        url = app_service().settings.effective_database_url
        found = IdempotencyStore(db.upgrade(url))
        current_app.extensions["docgen_idempotency"] = found
    return found


def _problem(status: int, code: str, message: str) -> Response:
    response = jsonify([Problem((), code, message, hint=None).as_dict()])
    response.status_code = status
    return response


def fingerprint() -> str:
    """What makes two requests "the same": method, path, query and body (JSON compared
    by value, multipart by its fields and each file's name and SHA-256, since clients
    choose a new boundary on every send)."""
    parts: list[Any] = [request.method, request.path, _sorted(request.args.items(multi=True))]
    if request.mimetype == "multipart/form-data":
        parts.append(_sorted(request.form.items(multi=True)))
        files = []
        for name, storage in request.files.items(multi=True):
            content = storage.stream.read()
            storage.stream.seek(0)  # the view reads it again
            files.append([name, storage.filename, hashlib.sha256(content).hexdigest()])
        parts.append(_sorted(files))
    elif request.is_json and request.get_json(silent=True) is not None:
        parts.append(request.get_json(silent=True))
    else:
        parts.append(hashlib.sha256(request.get_data()).hexdigest())
    text = json.dumps(parts, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _sorted(pairs: Any) -> list[str]:
    """Entries in a stable order, whatever they hold (a part may lack a name)."""
    return sorted(json.dumps(list(pair), ensure_ascii=True, default=str) for pair in pairs)


def _replayed(replay: Replay) -> Response:
    response = Response(replay.body, status=replay.status)
    for name, value in replay.headers:
        response.headers[name] = value
    response.headers["Idempotent-Replayed"] = "true"
    return response


def _kept(response: Response) -> list[tuple[str, str]]:
    return [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() in _KEPT_HEADERS or name.lower().startswith(_KEPT_PREFIX)
    ]


def idempotent(view: Callable[..., Any]) -> Callable[..., Any]:
    """``view``, executed once per tenant and ``Idempotency-Key`` when the header is sent."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = request.headers.get(HEADER)
        if key is None:
            return view(*args, **kwargs)
        if not _KEY.match(key):
            return _problem(
                400,
                "idempotency_key_invalid",
                "Idempotency-Key 应为 1 至 255 个可打印的 ASCII 字符",
            )
        outcome = store().claim(auth.tenant_id(), key, fingerprint())
        if isinstance(outcome, Reused):
            return _problem(
                422,
                "idempotency_key_reused",
                "该 Idempotency-Key 已用于另一个请求（路径、参数或内容不同），请换一个新的键",
            )
        if isinstance(outcome, InFlight):
            return _problem(
                409,
                "idempotency_key_in_flight",
                "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试",
            )
        if isinstance(outcome, Replay):
            return _replayed(outcome)
        return _execute(view, outcome, args, kwargs)

    return wrapper


def _execute(
    view: Callable[..., Any], claim: Claimed, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Response:
    try:
        response = current_app.make_response(view(*args, **kwargs))
    except BaseException:
        store().release(claim)
        raise
    if not 200 <= response.status_code < 300:
        store().release(claim)
        return response
    response.direct_passthrough = False  # a file response: read its bytes to keep them
    store().complete(claim, response.status_code, _kept(response), response.get_data())
    return response


def init_app(app: Flask) -> None:
    """Wrap every creating route (call once all blueprints are registered)."""
    for endpoint, view in list(app.view_functions.items()):
        if creates(endpoint):
            app.view_functions[endpoint] = idempotent(view)
