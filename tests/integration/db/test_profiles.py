"""Sender profiles are stored and letter numbers are unique, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from docgen import db
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileNotFound, ProfileStore
from docgen.tenants import DEFAULT_TENANT_ID
from tests.support import FIXTURES

FIRM = json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))


@pytest.fixture
def store(database_url: str) -> ProfileStore:
    return ProfileStore(db.upgrade(database_url))


def test_profile_round_trips_with_every_field(store: ProfileStore) -> None:
    stored = store.add(DEFAULT_TENANT_ID, SenderProfile.model_validate(FIRM))
    again = store.get(DEFAULT_TENANT_ID, stored.id)
    dumped = again.profile.model_dump(mode="json", exclude_none=True)
    assert dumped["bank_account"].pop("payee_authorization") is False  # a creditor's only
    assert dumped == FIRM
    assert [p.id for p in store.list(DEFAULT_TENANT_ID)] == [stored.id]


def test_update_replaces_and_delete_removes(store: ProfileStore) -> None:
    stored = store.add(DEFAULT_TENANT_ID, SenderProfile.model_validate(FIRM))
    changed = SenderProfile.model_validate(dict(FIRM, phone="010-88886666"))
    assert store.update(DEFAULT_TENANT_ID, stored.id, changed).profile.phone == "010-88886666"
    assert store.get(DEFAULT_TENANT_ID, stored.id).profile.phone == "010-88886666"
    store.delete(DEFAULT_TENANT_ID, stored.id)
    with pytest.raises(ProfileNotFound):
        store.get(DEFAULT_TENANT_ID, stored.id)
    with pytest.raises(ProfileNotFound):
        store.delete(DEFAULT_TENANT_ID, stored.id)


def test_letter_numbers_count_per_series_and_year(store: ProfileStore) -> None:
    numbers = [store.next_letter_number(DEFAULT_TENANT_ID, "京明正", 2026) for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert store.next_letter_number(DEFAULT_TENANT_ID, "京明正", 2027) == 1
    assert store.next_letter_number(DEFAULT_TENANT_ID, "沪某", 2026) == 1
    assert store.next_letter_number(DEFAULT_TENANT_ID, "京明正", 2026) == 4


def test_letter_numbers_are_unique_under_concurrent_requests(store: ProfileStore) -> None:
    threads, each = 8, 15
    with ThreadPoolExecutor(threads) as pool:
        numbers = list(
            pool.map(
                lambda _: store.next_letter_number(DEFAULT_TENANT_ID, "京明正", 2026),
                range(threads * each),
            )
        )
    assert sorted(numbers) == list(range(1, threads * each + 1))
