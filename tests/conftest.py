"""Fixtures shared by every test: settings, the service, the Flask app and clients."""

from __future__ import annotations

import ast
import gc
import os
import shutil
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from docgen.config import Settings
from docgen.services import DocumentService
from tests import services, setup_cache
from tests.support import RULES_TODAY

# Property tests judge results, not speed: a loaded 2-core CI machine must not fail them
# on Hypothesis's per-example deadline.
hypothesis_settings.register_profile(
    "docgen", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("docgen")

# OpenAPI schemas and new SQLite databases made once per process (tests/setup_cache.py)
setup_cache.install()

# The rules judge every case as on one fixed day (tests/support.py RULES_TODAY), not the
# machine's, so that what a fixture is told does not change as the calendar moves on: the
# settings (and so the service, the web app, batch workers and the CLI run as a subprocess)
# read it from the environment, and options made in a test without a day fall back to it.
os.environ["DOCGEN_RULES_TODAY"] = RULES_TODAY.isoformat()


@pytest.fixture(autouse=True, scope="session")
def _rules_today() -> Iterator[None]:
    from docgen.documents.base import RuleOptions

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RuleOptions, "current_date", lambda self: self.today or RULES_TODAY)
        yield


# --- test tiers and the run's servers -----------------------------------------------------
# What a test needs beyond Python is in its marks (registered in pyproject.toml). `make test`
# runs every tier and fails where a need is missing; `--quick` (make check) leaves out the
# tiers below and says so in the report header.
QUICK_LEAVES_OUT = ("browser", "libreoffice", "postgres", "redis", "slow")
TOOLS = {
    "browser": (os.environ.get("DOCGEN_TEST_CHROMIUM", "/usr/bin/chromium"), "Chromium"),
    "libreoffice": ("soffice", "LibreOffice Writer"),
}
RUN_DIR = pytest.StashKey[Path]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="leave out the tests that need a browser, LibreOffice, PostgreSQL, Redis or that"
        " are slow (make check); make test runs them all",
    )


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller (or only process) owns the run
        config.stash[RUN_DIR] = services.begin_run()


def pytest_unconfigure(config: pytest.Config) -> None:
    run_dir = config.stash.get(RUN_DIR, None)
    if run_dir is not None:
        services.end_run(run_dir)


def _quick_note() -> str:
    return (
        f"quick run: the tests marked {', '.join(QUICK_LEAVES_OUT)} were left out;"
        " make test runs them all"
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    return _quick_note() if config.getoption("quick") else None


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    if config.getoption("quick") and not hasattr(config, "workerinput"):
        terminalreporter.write_line(_quick_note())


def _module_tiers(path: Path) -> set[str]:
    """The marks a test module gives all its tests (``pytestmark = pytest.mark.x`` or a
    list of them), read from its source without importing it."""
    try:
        source = path.read_bytes()
        tree = ast.parse(source, filename=str(path)) if b"pytestmark" in source else None
    except (OSError, SyntaxError, ValueError):
        return set()  # imported as usual: its error is reported there
    if tree is None:
        return set()
    marks: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in targets):
            for part in ast.walk(node.value):
                if (
                    isinstance(part, ast.Attribute)
                    and isinstance(part.value, ast.Attribute)
                    and part.value.attr == "mark"
                ):
                    marks.add(part.attr)
    return marks


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """--quick: a module whose every test is of a left-out tier is not imported at all (the
    schema fuzzer builds the whole API at import, the browser tests load Playwright): each
    worker collects the run anew, so this is paid once per process."""
    if not config.getoption("quick") or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    return True if _module_tiers(collection_path) & set(QUICK_LEAVES_OUT) else None


@pytest.hookimpl(tryfirst=True)  # before -m: the marks given by fixtures count there too
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "redis_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.redis)
        if "postgres_admin_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
    if not config.getoption("quick"):
        return
    kept, left_out = [], []
    for item in items:
        needs = any(item.get_closest_marker(tier) for tier in QUICK_LEAVES_OUT)
        (left_out if needs else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def pytest_collection_finish(session: pytest.Session) -> None:
    """Under ``--dist loadgroup`` a worker's grouped tests carry their group in their id,
    which is all the scheduler reads. pytest 9.2 with pytest-xdist 3.8 silently dropped it
    (pytest-xdist issue #1386): every group was spread over both workers, and each worker
    printed, converted and started what the group shares. Such a run fails its grouped
    tests instead (below)."""
    config = session.config
    if not hasattr(config, "workerinput") or not config.getvalue("loadgroup"):
        return
    # the suffix follows the parameters' brackets: "test[case]@group"
    grouped = [i for i in session.items if i.get_closest_marker("xdist_group")]
    if any("@" not in item.nodeid.rsplit("]", 1)[-1] for item in grouped):
        config.stash[GROUPS_LOST] = True


GROUPS_LOST = pytest.StashKey[bool]()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test whose tool is missing fails and says what to install; it is never skipped.
    A grouped test fails where pytest-xdist lost the groups (above)."""
    if item.config.stash.get(GROUPS_LOST, False) and item.get_closest_marker("xdist_group"):
        pytest.fail(
            "pytest-xdist did not keep this test in its xdist_group: this pytest and"
            " pytest-xdist do not work together (see pyproject.toml)"
        )
    for tier, (program, name) in TOOLS.items():
        if item.get_closest_marker(tier) and shutil.which(program) is None:
            pytest.fail(f"needs {name} ({program}), which is not installed: bin/bootstrap --dev")


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    """The run's PostgreSQL server (started on first use), or DOCGEN_TEST_POSTGRES_URL."""
    return services.postgres_url()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """This worker's database on the run's Redis (started on first use), or on
    DOCGEN_TEST_BROKER_URL's server."""
    return services.redis_url()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The session's settings. Its register keeps what every test on the worker renders,
    fixtures over and over, so a case's ``letter_number_reused`` warning would depend on
    which tests ran before: that check is on only where a test asks for it (its tests
    are tests/integration/register/test_letter_number_reuse.py)."""
    return Settings(data_dir=tmp_path_factory.mktemp("data"), warn_reused_letter_numbers=False)


@pytest.fixture(scope="session")
def service(settings: Settings) -> DocumentService:
    """One service for the session: fonts and stylesheets are loaded once, as in production."""
    return DocumentService(settings)


@pytest.fixture(scope="session")
def case_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Each valid fixture's PDFs, printed once per process per engine by a fresh registered
    service (``tests/render_cache.py``); parametrize with ``render_cache.by_case``."""
    from tests.render_cache import CasePdfs

    return CasePdfs(tmp_path_factory.mktemp("case-pdfs"))


@pytest.fixture(scope="session")
def templated_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's templates with those of ``templated_notice``, a type printed from
    template files (``tests/templated``)."""
    from tests import templated

    return templated.install(tmp_path_factory.mktemp("templated") / "templates")


@pytest.fixture
def templated_type() -> Iterator[Any]:
    """``templated_notice`` in the registry while the test runs."""
    from tests import templated

    with templated.registered() as doc_type:
        yield doc_type


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    from docgen.web import create_app

    yield create_app({"TESTING": True, "SETTINGS": settings})


@pytest.fixture
def api_key(app: Flask) -> str:
    """A fresh API key on ``app``'s database (the full key text)."""
    from docgen.web.auth import api_keys

    return api_keys(app).create("tests")[1]


@pytest.fixture
def client(app: Flask, api_key: str) -> FlaskClient:
    """A client with a valid API key, as every API caller must have."""
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {api_key}"
    return client


@pytest.fixture
def anonymous_client(app: Flask) -> FlaskClient:
    """A client that sends no credentials."""
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# --- databases --------------------------------------------------------------------------
# Tests of stored state run against both backends: SQLite (the embedded default) and the
# run's PostgreSQL server. Each test gets a fresh, empty database, dropped afterwards, so
# parallel workers sharing the server never meet.


def _fresh_postgres_database(admin_url: str) -> tuple[str, Callable[[], None]]:
    import sqlalchemy as sa

    name = f"docgen_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"

    def drop() -> None:
        from docgen import db

        engine = db._engines.pop(url, None)
        if engine is not None:
            engine.dispose()  # closes the pool's idle connections
        db._upgraded.discard(url)
        with admin.connect() as connection:
            if _sessions_on(connection, name):
                # A connection the test's objects still hold (leaked, or garbage in a
                # cycle) is closed by the collector, whenever it next runs: with warnings
                # as errors its ResourceWarning then fails whichever later test is running
                # (seen once in a full run). Collect here, where the database is dropped
                # anyway and the warning is expected (docs/testing.md: the holder is not
                # found yet). Only then: a full collection late in a run takes 0.5-0.8 s.
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ResourceWarning)
                    gc.collect()
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def _sessions_on(connection: Any, name: str, polls: int = 20) -> bool:
    """Whether any session but ours is still connected to database ``name``. A connection
    closed just now ends its server process a moment later: wait up to 0.1 s for that."""
    import time

    import sqlalchemy as sa

    query = sa.text("SELECT count(*) FROM pg_stat_activity WHERE datname = :name")
    for _ in range(polls):
        if not connection.execute(query, {"name": name}).scalar():
            return False
        time.sleep(0.005)
    return True


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def module_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A new database per backend shared by a module's tests, for tests that keep apart by
    their own tenants or keys (a new SQLite file starts as the migrated template)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'docgen.db'}"
        return
    yield from _postgres_database(request)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database URL, once per backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'docgen.db'}"
        setup_cache.migrate_for_real(url)  # these tests are of the migrations themselves
        yield url
        return
    yield from _postgres_database(request)


def _postgres_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """A new PostgreSQL database on the run's server, dropped afterwards."""
    url, drop = _fresh_postgres_database(request.getfixturevalue("postgres_admin_url"))
    try:
        yield url
    finally:
        drop()
