"""Stored times as an answer gives them: ISO 8601 in UTC with ``Z``.

Times are stored in UTC (``datetime.now(UTC)``); SQLite hands them back without their
zone, PostgreSQL with it. Either way an answer says which zone it is in, so that a
document issued at 07:30 in Beijing reads as 23:30 of the previous day UTC, not as a
time of day in some unknown zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone


def aware(value: datetime) -> datetime:
    """``value`` in UTC (a stored time without a zone is UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_text(value: datetime) -> str:
    """``2026-12-07T05:34:55.905772Z``."""
    return aware(value).isoformat().replace("+00:00", "Z")


# 北京时间 has had no daylight saving since 1991: a fixed offset needs no tz database
BEIJING = timezone(timedelta(hours=8), "北京时间")


def beijing_text(value: datetime | str) -> str:
    """A stored time (or its UTC text) as a page in Chinese shows it: ``2026-12-07 13:34``
    in Beijing time, the day and hour the user lived, not UTC's."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return aware(moment).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
