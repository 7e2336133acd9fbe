"""The test run's servers (tests/services.py): existing servers named in the environment
are used as they are, and parallel workers never share a Redis database."""

from __future__ import annotations

import pytest

from tests import services


@pytest.mark.parametrize(
    ("worker", "expected"),
    [
        ("", "redis://127.0.0.1:6380/14"),
        ("gw0", "redis://127.0.0.1:6380/15"),
        ("gw3", "redis://127.0.0.1:6380/18"),
    ],
)
def test_each_xdist_worker_gets_its_own_database_above_the_named_one(
    monkeypatch: pytest.MonkeyPatch, worker: str, expected: str
) -> None:
    monkeypatch.setenv(services.BROKER_URL, "redis://127.0.0.1:6380/14")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    assert services.redis_url() == expected


def test_a_redis_url_without_a_database_starts_from_database_0(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(services.BROKER_URL, "redis://127.0.0.1:6380")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    assert services.redis_url() == "redis://127.0.0.1:6380/2"


def test_a_named_postgres_server_is_used_and_none_is_started(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setenv(services.POSTGRES_URL, "postgresql+psycopg://u@db.example:5433/admin")
    monkeypatch.setenv(services.RUN_DIR, str(tmp_path))
    assert services.postgres_url() == "postgresql+psycopg://u@db.example:5433/admin"
    assert list(tmp_path.iterdir()) == []
