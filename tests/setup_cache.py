"""Set-up that every test app and data folder repeats, made once per test process.

Hundreds of tests build the real Flask app or open a new data folder; each used to pay for
two things whose result never changes within a run:

- **the OpenAPI schemas of the request and response models.** flask-openapi3 asks pydantic
  for the JSON schema of every model of every route while the routes are registered,
  about 0.2 s of each ``create_app``. The schema of a model class is fixed, so it is
  worked out once and each app gets its own copy (flask-openapi3 edits what it is given).
- **the migrations of a new SQLite database.** Alembic loads its scripts and runs every
  migration, 0.2 – 0.4 s. The first new database of the process is migrated for real into
  a template file; a later new database file starts as a copy of it, byte for byte the
  schema the migrations make. The database layer's own tests (``database_url``) and every
  subprocess (servers, batch workers, the CLI in a child) still migrate for real.

- **the JSON schemas of docgen's models and the scrypt hashes of passwords** asked for
  again with the same input (below).
- **the API blueprint** (``docgen.web.api``): its routes, two per document type, are
  decorated once per set of registered types, and the one blueprint is registered on
  every app.
- **the WeasyPrint renderer** of a new service: its first print parsed the stylesheets
  and copied the prepared fonts into a new font configuration (about 0.07 s). Services
  on the same templates, fonts and font cache share one renderer, as the tenants of a
  process do (``Engines.pdf``); a test's own templates folder gets its own.

Nothing of docgen changes: the same functions run, only their answers are reused.
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from docgen import db

_real_upgrade = db.upgrade
_template_lock = threading.Lock()
_template: Path | None = None
_migrate_for_real: set[str] = set()


def fresh_copy(value: Any) -> Any:
    """``copy.deepcopy`` of a JSON schema, several times faster: a schema is dicts, lists
    and scalars, which are copied here directly (anything else still by deepcopy). An app
    asks for about a hundred model schemas, and deepcopy was a third of its set-up."""
    kind = type(value)
    if kind is dict:
        return {key: fresh_copy(item) for key, item in value.items()}
    if kind is list:
        return [fresh_copy(item) for item in value]
    if kind in _SCALARS:
        return value
    return copy.deepcopy(value)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def cache_openapi_schemas() -> None:
    """flask-openapi3's ``get_model_schema``, worked out once per model class and mode."""
    from flask_openapi3 import openapi, utils

    original = utils.get_model_schema
    schemas: dict[tuple[type, str], dict[str, Any]] = {}

    def get_model_schema(model: type, mode: Any = "validation") -> dict[str, Any]:
        key = (model, mode)
        if key not in schemas:
            schemas[key] = original(model, mode=mode)  # type: ignore[arg-type]
        return fresh_copy(schemas[key])  # type: ignore[no-any-return]

    utils.get_model_schema = get_model_schema  # type: ignore[assignment]
    openapi.get_model_schema = get_model_schema  # type: ignore[attr-defined]


def cache_model_json_schemas() -> None:
    """pydantic's ``model_json_schema`` of docgen's models, worked out once per class and
    arguments. The form pages, the type list and the API's set-up ask for the JSON schema
    of a case model on every request and every app (about 0.04 s each, a quarter of the
    web tests' time); docgen's models are fixed classes whose schemas hold only constants
    (``json_schema_extra`` is a dict everywhere), so each caller gets a copy of the first."""
    from pydantic import BaseModel

    original = BaseModel.model_json_schema.__func__  # type: ignore[attr-defined]
    schemas: dict[Any, dict[str, Any]] = {}

    def model_json_schema(cls: type[BaseModel], *args: Any, **kwargs: Any) -> dict[str, Any]:
        if not cls.__module__.startswith("docgen."):
            return original(cls, *args, **kwargs)  # type: ignore[no-any-return]
        key = (cls, args, tuple(sorted(kwargs.items())))
        try:
            schema = schemas.get(key)
        except TypeError:  # an argument that cannot be a key: worked out each time
            return original(cls, *args, **kwargs)  # type: ignore[no-any-return]
        if schema is None:
            schema = schemas[key] = original(cls, *args, **kwargs)
        return fresh_copy(schema)  # type: ignore[no-any-return]

    BaseModel.model_json_schema = classmethod(model_json_schema)  # type: ignore[assignment,method-assign]


def cache_api_blueprint() -> None:
    """``docgen.web.api.build_blueprint`` built once per set of registered types and
    registered on every app (a Flask blueprint may be): decorating its two routes per type
    made flask-openapi3 work out every operation again, 0.035 s of an app's 0.08 s of CPU.
    The views find the service through the app of the request, and each app's OpenAPI
    document is completed from a copy (``docgen.web.openapi.complete``); a type registered
    or the registry reloaded (a plugin's test) is a new key."""
    from docgen.documents import registry
    from docgen.web import api

    original = api.build_blueprint
    built: dict[tuple[tuple[str, int], ...], Any] = {}

    def build_blueprint() -> Any:
        key = tuple((t.name, id(t)) for t in registry.all_types())  # the blueprint keeps t
        if key not in built:
            built[key] = original()
        return built[key]

    api.build_blueprint = build_blueprint


def cache_scrypt() -> None:
    """``hashlib.scrypt`` answered once per exact input. A user's password is hashed with
    scrypt (docgen.register.access, 0.05 – 0.1 s by design) when the user is made and again
    at each sign-in with the stored salt: half the web tests' hashes are repeats."""
    original = hashlib.scrypt
    digests: dict[tuple[Any, ...], bytes] = {}
    lock = threading.Lock()

    def scrypt(password: bytes, *, salt: bytes, **params: int) -> bytes:
        key = (bytes(password), bytes(salt), tuple(sorted(params.items())))
        with lock:
            digest = digests.get(key)
        if digest is None:
            digest = original(password, salt=salt, **params)
            with lock:
                digests[key] = digest
        return digest

    hashlib.scrypt = scrypt  # type: ignore[assignment]


def migrate_for_real(url: str) -> None:
    """``url`` is migrated by Alembic even when its file is new (the database's own tests)."""
    _migrate_for_real.add(url)


def _sqlite_file(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    path = url.split("///", 1)[1]
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path)


def _migrated_template() -> Path:
    """A SQLite file migrated to the newest schema by Alembic (made on first use)."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="docgen-schema-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "template.db"
        url = f"sqlite:///{path}"
        engine = _real_upgrade(url)
        with engine.begin() as connection:  # everything into the main file, no -wal left
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        engine.dispose()
        db._engines.pop(url, None)
        db._upgraded.discard(url)
        _template = path
    return _template


def upgrade(url: str) -> Engine:
    """``db.upgrade``; a database file that does not exist yet starts as the template."""
    path = _sqlite_file(url)
    if path is None or url in db._upgraded or url in _migrate_for_real:
        return _real_upgrade(url)
    with _template_lock:
        if url not in db._upgraded and not path.exists():
            template = _migrated_template()
            engine = db.engine_for(url)  # makes the file, owner-only, as docgen does
            with open(path, "r+b") as target, open(template, "rb") as source:
                shutil.copyfileobj(source, target)
            db._upgraded.add(url)
            return engine
    return _real_upgrade(url)


def install() -> None:
    cache_openapi_schemas()
    cache_model_json_schemas()
    cache_api_blueprint()
    cache_scrypt()
    cache_pdf_renderers()
    db.upgrade = upgrade  # type: ignore[assignment]


def cache_pdf_renderers() -> None:
    """``Engines.pdf`` made once per templates folder, fonts and font cache (above)."""
    from docgen.pipeline.engines import Engines

    original = Engines.pdf
    made: dict[tuple[Any, ...], Any] = {}
    lock = threading.Lock()

    def pdf(self: Engines) -> Any:
        if self._pdf is None:
            settings = self.settings
            key = (
                settings.templates_dir.resolve(),
                tuple(settings.pdf_font_families),
                settings.effective_font_cache_dir,
            )
            with lock:
                if key not in made:
                    made[key] = original.fget(self)  # type: ignore[misc]
                self._pdf = made[key]
        return self._pdf

    Engines.pdf = property(pdf, original.fset)  # type: ignore[method-assign,assignment]
