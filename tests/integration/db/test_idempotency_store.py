"""The idempotency keys on both backends: one claim wins however many race, keys expire
after 24 hours, and a key whose worker died can be taken over after its lease."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from docgen import db
from docgen.idempotency.store import (
    KEEP_FOR,
    LEASE,
    Claimed,
    IdempotencyRow,
    IdempotencyStore,
    InFlight,
    Replay,
    Reused,
)


def _age(store: IdempotencyStore, key: str, by: timedelta) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            sa.update(IdempotencyRow)
            .where(IdempotencyRow.idempotency_key == key)
            .values(
                locked_until=datetime.now(UTC) - by + LEASE,
                expires_at=datetime.now(UTC) - by + KEEP_FOR,
            )
        )


def test_of_many_concurrent_claims_one_executes(database_url: str) -> None:
    store = IdempotencyStore(db.upgrade(database_url))
    outcomes: list[object] = []
    barrier = threading.Barrier(6)

    def claim() -> None:
        barrier.wait()
        outcomes.append(store.claim(1, "race", "f" * 64))

    threads = [threading.Thread(target=claim) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(o, Claimed) for o in outcomes) == 1
    assert sum(isinstance(o, InFlight) for o in outcomes) == 5


def test_a_finished_key_replays_and_a_different_request_is_reused(database_url: str) -> None:
    store = IdempotencyStore(db.upgrade(database_url))
    claim = store.claim(1, "k", "a" * 64)
    assert isinstance(claim, Claimed)
    store.complete(claim, 201, [("X-Docgen-Document-Id", "DOC1")], b"%PDF-1.7 \x00\xff")
    replay = store.claim(1, "k", "a" * 64)
    assert replay == Replay(201, [("X-Docgen-Document-Id", "DOC1")], b"%PDF-1.7 \x00\xff")
    assert isinstance(store.claim(1, "k", "b" * 64), Reused)
    assert isinstance(store.claim(2, "k", "b" * 64), Claimed), "another tenant's own key"


def test_keys_expire_after_24_hours_and_dead_requests_after_their_lease(database_url: str) -> None:
    store = IdempotencyStore(db.upgrade(database_url))
    done = store.claim(1, "old", "a" * 64)
    assert isinstance(done, Claimed)
    store.complete(done, 200, [], b"first")
    _age(store, "old", KEEP_FOR + timedelta(minutes=1))
    assert isinstance(store.claim(1, "old", "c" * 64), Claimed), "expired: a new request"
    assert store.count(1) == 1

    dead = store.claim(1, "dead", "a" * 64)
    assert isinstance(dead, Claimed)
    assert isinstance(store.claim(1, "dead", "a" * 64), InFlight)
    _age(store, "dead", LEASE + timedelta(minutes=1))
    taken = store.claim(1, "dead", "a" * 64)
    assert isinstance(taken, Claimed) and taken.row_id == dead.row_id
    assert isinstance(store.claim(1, "dead", "a" * 64), InFlight)
