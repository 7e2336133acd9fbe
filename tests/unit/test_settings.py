"""Settings: where the prepared PDF fonts are kept, and values refused at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

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


@pytest.mark.parametrize(
    "variable", ["RATE_LIMIT", "LOGIN_RATE_LIMIT", "VERIFY_RATE_LIMIT", "AUTH_FAILURE_LIMIT"]
)
def test_a_rate_limit_the_limiter_cannot_read_is_refused_at_start(
    variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"DOCGEN_{variable}", "1000000")
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert Settings.problems(caught.value) == [
        f"DOCGEN_{variable}：不是有效的频率限制：'1000000'（应如 600/minute、10 per second，"
        "多个用分号分隔）"
    ]


def test_rate_limits_in_the_limiter_s_own_forms_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DOCGEN_RATE_LIMIT", "100 per minute;5/second")
    assert Settings().rate_limit == "100 per minute;5/second"


def test_a_value_outside_a_choice_names_the_variable_and_the_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DOCGEN_PDF_ENGINE", "word")
    with pytest.raises(ValidationError) as caught:
        Settings()
    (line,) = Settings.problems(caught.value)
    assert line.startswith("DOCGEN_PDF_ENGINE：")
    assert line.endswith("（当前值：'word'）")
