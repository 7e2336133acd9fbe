"""The application's document service, typed.

Flask keeps extensions in a mapping of ``Any``; every module that needs the service asks
here, so the key is written once and mypy knows what comes back.
"""

from __future__ import annotations

from flask import Flask, current_app

from docgen.services import DocumentService

KEY = "docgen"


def install(app: Flask, service: DocumentService) -> None:
    """Make ``service`` the one the application's requests use (``create_app``)."""
    app.extensions[KEY] = service


def app_service(app: Flask | None = None) -> DocumentService:
    """The process's service (acting for the default tenant; ``auth.service()`` gives
    the caller's) of ``app``, or of the application handling the request."""
    found = (app or current_app).extensions[KEY]
    if not isinstance(found, DocumentService):
        raise TypeError(f"app.extensions[{KEY!r}] is not a DocumentService")
    return found
