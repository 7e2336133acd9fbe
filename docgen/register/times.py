"""The register's times as an answer gives them: ISO 8601 in UTC with ``Z``.

Times are stored in UTC (``datetime.now(UTC)``); SQLite hands them back without their
zone, PostgreSQL with it. Either way an answer says which zone it is in, so that a
document issued at 07:30 in Beijing reads as 23:30 of the previous day UTC, not as a
time of day in some unknown zone."""

from __future__ import annotations

from datetime import UTC, datetime


def aware(value: datetime) -> datetime:
    """``value`` in UTC (a stored time without a zone is UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_text(value: datetime) -> str:
    """``2026-12-07T05:34:55.905772Z``."""
    return aware(value).isoformat().replace("+00:00", "Z")
