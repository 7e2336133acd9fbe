"""The browser tests' live server closes every response before writing it."""

from __future__ import annotations

from typing import Any

from tests.e2e.form_browser import closed_at_once


class _File:
    """A response body that, like a sent file, must be closed."""

    def __init__(self) -> None:
        self.closed = False

    def __iter__(self) -> Any:
        return iter([b"<svg>", b"</svg>"])

    def close(self) -> None:
        self.closed = True


def test_a_response_is_closed_before_the_server_writes_it():
    body = _File()
    started = []

    def app(environ: dict[str, Any], start_response: Any) -> _File:
        start_response("200 OK", [("Content-Type", "image/svg+xml")])
        return body

    written = closed_at_once(app)({}, lambda *args: started.append(args))
    # closed already: a client hanging up while the server writes cannot leave it open
    assert body.closed
    assert written == [b"<svg></svg>"]
    assert started == [("200 OK", [("Content-Type", "image/svg+xml")])]
