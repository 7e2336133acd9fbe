"""A debtor who already got the same letter for the same contract lately: a warning."""

from __future__ import annotations

import csv
import json

from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.cli import main
from docgen.config import Settings
from docgen.tenants import DEFAULT_TENANT_ID
from tests.operator_sheets import COL, reference, row, shared_values, write_csv, write_shared


def _read(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_letter_sent_in_the_last_days_is_a_warning_not_a_reject(tmp_path, monkeypatch, runner):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    first = write_csv(tmp_path / "june.csv", [row(0, "gbk")], "gbk")
    batches = Batches(Settings())
    options = RunOptions("demand_letter", formats=["docx"], shared=shared_values())
    run_id = batches.create(first, options, tmp_path / "runs", DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert summary["rendered"] == 1
    # the status an integrator polls counts the warnings as summary.json does
    assert summary["warnings"] >= 1
    assert batches.status(run_id, DEFAULT_TENANT_ID)["warnings"] == summary["warnings"]

    again = row(0, "gbk")
    other_contract = row(0, "gbk")
    other_contract[COL["债权依据合同编号"]] = "JK-2025-NEW"
    other_contract[COL["客户编号"]] = reference(1)
    source = write_csv(tmp_path / "july.csv", [again, other_contract], "gbk")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])

    assert result.exit_code == 0, result.output  # warned, not rejected
    assert "可生成 2 行，拒绝 0 行" in result.output
    # each row's letter is also told it states no loan delivery (loan_delivery_missing)
    warnings = _read(tmp_path / "july.warnings.csv")
    (warning,) = [w for w in warnings if w["错误代码"] == "sent_recently"]
    assert (warning["行号"], warning["客户编号"], warning["列"]) == (
        "2",
        reference(0),
        "债务人证件号码",
    )
    assert warning["错误代码"] == "sent_recently"
    # made, not known to be mailed: the register has no delivery of it
    assert "就同一合同生成同类文书（文书编号 " in warning["错误信息"]
    assert "收到" not in warning["错误信息"]
    assert warning["错误信息"].endswith("登记簿中没有其寄出记录（可能尚未寄出）")


def test_a_recent_letter_mailed_says_so_from_the_register(tmp_path, monkeypatch, runner):
    from datetime import date

    from docgen.batch.work import service_for
    from docgen.register.deliveries import DeliveryInput, DeliveryLog

    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    first = write_csv(tmp_path / "june.csv", [row(0, "gbk")], "gbk")
    batches = Batches(Settings())
    options = RunOptions("demand_letter", formats=["docx"], shared=shared_values())
    batches.execute(
        batches.create(first, options, tmp_path / "runs", DEFAULT_TENANT_ID), LocalExecutor(1)
    )
    register = service_for(Settings()).register
    (document,) = register.recent(DEFAULT_TENANT_ID)
    sent = date.today()
    DeliveryLog(register, DEFAULT_TENANT_ID).record(
        DeliveryInput(document.id, "EA123456785CN", sent_on=sent), "mailroom"
    )
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(first), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (warning,) = [
        w for w in _read(tmp_path / "june.warnings.csv") if w["错误代码"] == "sent_recently"
    ]
    said = f"已寄出（邮件号 EA123456785CN，{sent.year}年{sent.month}月{sent.day}日寄出）"
    assert warning["错误信息"].endswith(said)


def test_no_warning_when_the_check_is_switched_off(tmp_path, monkeypatch, runner):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("DOCGEN_BATCH_REPEAT_DAYS", "0")
    first = write_csv(tmp_path / "june.csv", [row(0, "gbk")], "gbk")
    batches = Batches(Settings())
    options = RunOptions("demand_letter", formats=["docx"], shared=shared_values())
    batches.execute(
        batches.create(first, options, tmp_path / "runs", DEFAULT_TENANT_ID), LocalExecutor(1)
    )
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(first), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warned = tmp_path / "june.warnings.csv"
    assert not warned.exists() or not [w for w in _read(warned) if w["错误代码"] == "sent_recently"]


def test_rows_sharing_a_letter_number_are_warned_of_naming_the_first(tmp_path, monkeypatch, runner):
    # a number given once for the whole run (in --shared) is every row's: one number,
    # one letter
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    source = write_csv(tmp_path / "july.csv", [row(0, "gbk"), row(1, "gbk")], "gbk")
    shared = tmp_path / "shared.json"
    shared.write_text(
        json.dumps({**shared_values(), "letter_number": "CS-2026-0300"}, ensure_ascii=False),
        encoding="utf-8",
    )
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])

    assert result.exit_code == 0, result.output  # warned, not rejected
    assert "可生成 2 行，拒绝 0 行" in result.output
    warned = [
        w for w in _read(tmp_path / "july.warnings.csv") if w["错误代码"] == "letter_number_reused"
    ]
    assert [(w["行号"], w["客户编号"], w["错误信息"]) for w in warned] == [
        (
            "3",
            reference(1),
            f"函号「CS-2026-0300」与第 2 行（客户编号 {reference(0)}）的函号相同，"
            "一个函号只应对应一份函件",
        )
    ]
