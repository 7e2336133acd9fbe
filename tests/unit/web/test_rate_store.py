"""The in-memory rate-limit store limits as limits' own does, without a thread a hit."""

from __future__ import annotations

import copy
import json
import threading
import time

import pytest
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from docgen.web import rate_store
from docgen.web.api import RenderQuery
from docgen.web.rate_store import SweepingMemoryStorage


def test_memory_is_served_by_the_sweeping_store_and_other_stores_are_kept():
    assert isinstance(storage_from_string(rate_store.storage_uri("")), SweepingMemoryStorage)
    assert rate_store.storage_uri("memory://") == rate_store.URI
    assert rate_store.storage_uri("redis://h:6379/0") == "redis://h:6379/0"


def test_a_key_gets_its_limit_and_no_timer_thread_is_started_per_hit():
    storage = SweepingMemoryStorage()
    limiter = MovingWindowRateLimiter(storage)
    limit = parse("3/minute")
    cancelled = storage.timer  # the parent's, cancelled at once
    cancelled.join(timeout=5)
    before = threading.active_count()
    assert [limiter.hit(limit, "key:a") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit(limit, "key:b")  # another key has its own window
    assert storage.timer is cancelled and not cancelled.is_alive()
    assert threading.active_count() == before


def test_expired_entries_are_dropped_by_a_later_hit(monkeypatch):
    storage = SweepingMemoryStorage()
    limiter = MovingWindowRateLimiter(storage)
    limit = parse("2/second")
    assert limiter.hit(limit, "key:a") and limiter.hit(limit, "key:a")
    assert not limiter.hit(limit, "key:a")
    time.sleep(1.05)
    monkeypatch.setattr(storage, "_next_sweep", 0.0)
    assert limiter.hit(limit, "key:b")  # sweeps: key a's two entries have expired
    assert "key:a" not in storage.events or not storage.events["key:a"]
    assert limiter.hit(limit, "key:a")


def test_a_query_schema_is_made_once_and_no_caller_can_change_it_for_the_others():
    first = RenderQuery.model_json_schema()
    assert RenderQuery.model_json_schema() is first  # made once, not copied per request
    with pytest.raises(TypeError):
        first["properties"].clear()
    with pytest.raises(TypeError):
        first["properties"]["format"]["anyOf"].append({"type": "integer"})
    own = copy.deepcopy(first)
    own["properties"].clear()  # a copy is the caller's own
    assert set(RenderQuery.model_json_schema()["properties"]) == {"format", "formats", "draft"}
    assert json.loads(json.dumps(first)) == first
    with_refs = RenderQuery.model_json_schema(ref_template="#/components/schemas/{model}")
    assert set(with_refs["properties"]) == {"format", "formats", "draft"}
