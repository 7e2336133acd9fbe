"""The rule options a render uses are read once: the LPR table is parsed once per version
of the operator's file (a newer file is read again), and no render reads the environment
for its settings again."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from docgen import config, reference_data
from docgen.config import Settings
from docgen.services import DocumentService


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources of every LPR CSV parsed meanwhile."""
    seen: list[str] = []
    real = reference_data._parse_lpr_csv

    def counting(text: str, source: str):  # type: ignore[no-untyped-def]
        seen.append(source)
        return real(text, source)

    monkeypatch.setattr(reference_data, "_parse_lpr_csv", counting)
    reference_data._cached_lpr_table.cache_clear()
    return seen


def no_settings_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the settings again (from the environment, some milliseconds) fails."""

    def settings_read(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("options() read the settings from the environment")

    monkeypatch.setattr(config, "Settings", settings_read)


def operator_file(path: Path, rate: str, mtime: int) -> Path:
    path.write_text(f"effective_from,rate_percent\n2030-01-20,{rate}\n", encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))
    return path


def test_the_operator_lpr_file_is_parsed_once_per_version(tmp_path, parses, monkeypatch):
    extra = operator_file(tmp_path / "lpr.csv", "2.50", 1_000_000_000_000_000_000)
    service = DocumentService(Settings(data_dir=tmp_path / "data", lpr_table_file=extra))
    no_settings_read(monkeypatch)
    tables = [service.options().lpr_table for _ in range(20)]
    assert parses == ["docgen/data/lpr_1y.csv", str(extra)]
    assert all(table is tables[0] for table in tables)
    assert tables[0].entry_on(date(2030, 2, 1)).rate_percent == Decimal("2.50")

    operator_file(extra, "2.40", 1_000_000_001_000_000_000)  # the operator updates it
    table = service.options().lpr_table
    assert parses[2:] == ["docgen/data/lpr_1y.csv", str(extra)]
    assert table.entry_on(date(2030, 2, 1)).rate_percent == Decimal("2.40")


def test_without_an_operator_file_the_packaged_table_is_parsed_once(tmp_path, parses, monkeypatch):
    service = DocumentService(Settings(data_dir=tmp_path / "data"))
    no_settings_read(monkeypatch)
    for _ in range(20):
        service.options()
    assert parses == ["docgen/data/lpr_1y.csv"]
