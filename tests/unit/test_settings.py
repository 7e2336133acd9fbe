"""Settings with nothing configured: where the prepared PDF fonts are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.config import Settings


def test_prepared_fonts_are_kept_in_the_per_user_cache_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.effective_font_cache_dir == tmp_path / "cache" / "docgen" / "fonts"


def test_an_unwritable_cache_falls_back_to_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.effective_font_cache_dir == tmp_path / "data" / "fonts"


def test_a_configured_font_cache_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_FONT_CACHE_DIR", str(tmp_path / "fonts"))
    assert Settings().effective_font_cache_dir == tmp_path / "fonts"
