"""``docgen reference``: the operator sees how current the data is and loads newer LPRs."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.domain.texts import strings
from docgen.reference_data import default_lpr_table
from tests.support import load_fixture

# Made-up rows for the test only: a publication that changed the rate, and one that did not
NEWER = "effective_from,rate_percent\n2025-06-20,3.00\n2026-11-20,2.90\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DOCGEN_LPR_TABLE_FILE", raising=False)
    return tmp_path / "data"


def test_status_says_how_far_the_lpr_table_and_the_calendar_reach(runner, data_dir):
    result = runner.invoke(main, ["reference", "status", "--today", "2026-12-04"])
    assert result.exit_code == 0, result.output
    assert "最近一期为2025年5月20日发布的3.00%，核实至2025年6月19日" in result.output
    assert "已过核实日期533天" in result.output
    assert "覆盖2004年至2026年" in result.output
    assert "2027年起的调休安排尚未收录" in result.output


def test_update_installs_newer_rows_that_every_later_table_uses(runner, data_dir, tmp_path):
    csv = tmp_path / "lpr.csv"
    csv.write_text(NEWER, encoding="utf-8")
    result = runner.invoke(main, ["reference", "update", "--lpr", str(csv)])
    assert result.exit_code == 0, result.output
    assert "已导入2行LPR数据" in result.output
    assert "核实至2026年12月19日" in result.output
    assert (data_dir / "reference" / "lpr_1y.csv").read_text(encoding="utf-8") == NEWER
    table = default_lpr_table()  # what any process builds from its settings
    assert table.entry_on(date(2026, 12, 1)).rate_text == "2.90"
    status = runner.invoke(main, ["reference", "status", "--today", "2026-12-04"])
    assert "已过核实日期" not in status.output


def test_a_malformed_file_is_refused_with_its_line_and_nothing_is_installed(
    runner, data_dir, tmp_path
):
    csv = tmp_path / "bad.csv"
    csv.write_text("effective_from,rate_percent\n2026-11-20,百分之三\n", encoding="utf-8")
    result = runner.invoke(main, ["reference", "update", "--lpr", str(csv)])
    assert result.exit_code == 1
    assert "第2行" in result.output and "利率“百分之三”无效" in result.output
    assert not (data_dir / "reference" / "lpr_1y.csv").exists()


def test_the_lpr_note_is_a_warning_and_never_printed():
    # interest at 1.5 × LPR up to 2026-10-31: the table vouches only for 2025-06-19
    data = copy.deepcopy(load_fixture("demand_letter", "invalid", "interest_above_cap"))
    data["amounts"]["components"].pop(2)  # keep the floating-LPR component, within the cap
    doc_type = registry.get("demand_letter")
    case = doc_type.parse(data)
    assessment = doc_type.evaluate(case, RuleOptions())
    assert assessment.errors == []
    (warning,) = [p for p in assessment.warnings if p.code == "lpr_unverified"]
    assert warning.loc == ("amounts", "components", 1, "calculation", "rate")
    assert "LPR参考表仅核实至2025年6月19日" in warning.message
    printed = "".join(text for _, text in strings(doc_type.context(case, assessment)))
    assert "核实" not in printed
    assert "1.5倍" in printed  # the calculation sheet is there
