"""Legal calculations through the API and the CLI: the same figures, worked out by hand."""

from __future__ import annotations

import json

import pytest

from docgen.cli import main

# (CLI arguments, API name, API body, key, expected value); each figure is worked out
# by hand in the comment beside it.
CASES = [
    # 50 + 2.5% × 90,000 = 2,300.00 (诉讼费用交纳办法 art. 13)
    (["court-fee", "--amount", "100000"], "court-fee", {"amount": "100000"}, "fee", "2300.00"),
    # 50 + 2,250 + 2,000 + 4,500 + 5,000 = 13,800.00
    (["court-fee", "--amount", "1000000"], "court-fee", {"amount": "1000000"}, "fee", "13800.00"),
    # summary procedure halves it (art. 16): 6,900.00
    (
        ["court-fee", "--amount", "1000000", "--summary"],
        "court-fee",
        {"amount": "1000000", "procedure": "summary"},
        "fee",
        "6900.00",
    ),
    # Oct 1-7 2026 are National Day holidays and Sat Oct 10 an adjusted workday:
    # workdays after Sep 30 are Oct 8, 9, 10, 12, 13, 14, 15 -> the 7th is Oct 15.
    (
        ["deadline", "--start", "2026-09-30", "--workdays", "7"],
        "deadline",
        {"start": "2026-09-30", "workdays": 7},
        "date",
        "2026-10-15",
    ),
    (
        ["amount-words", "16409.02"],
        "amount-words",
        {"amount": "16409.02"},
        "words",
        "壹万陆仟肆佰零玖元零贰分",
    ),
    # due 2024-01-15; a demand delivered 2025-03-01 restarts three years: 2028-03-01 (a Wednesday)
    (
        ["limitation", "--due", "2024-01-15", "--event", "demand:2025-03-01", "--on", "2026-11-23"],
        "limitation",
        {
            "due": "2024-01-15",
            "events": [{"kind": "demand_delivered", "day": "2025-03-01"}],
            "on": "2026-11-23",
        },
        "expires",
        "2028-03-01",
    ),
    # lent 2025-01-10, not counted (民法典 art. 201): 2025-01-11 .. 2026-10-31 is 659 days;
    # 100,000 × 6% × 659 / 365 = 10,832.876... -> 10,832.88, as the letters print it
    (
        [
            "interest",
            "--principal",
            "100000",
            "--rate",
            "6",
            "--start",
            "2025-01-10",
            "--end",
            "2026-10-31",
        ],
        "interest",
        {
            "principal": "100000",
            "rate": {"kind": "annual", "value": "6"},
            "start": "2025-01-10",
            "end": "2026-10-31",
        },
        "interest",
        "10832.88",
    ),
    # 2025-01-11 .. 07-01 (the repayment day still on the old base) is 172 days: 2,827.40;
    # 20,000 repaid clears it and 17,172.60 of the principal; then 07-02 .. 12-31, 183 days:
    # 82,827.40 × 6% × 183 / 365 = 2,491.629… -> 2,491.63; total 5,319.03
    (
        [
            "interest",
            "--principal",
            "100000",
            "--rate",
            "6",
            "--start",
            "2025-01-10",
            "--end",
            "2025-12-31",
            "--repayment",
            "2025-07-01:20000",
        ],
        "interest",
        {
            "principal": "100000",
            "rate": {"kind": "annual", "value": "6"},
            "start": "2025-01-10",
            "end": "2025-12-31",
            "events": [{"day": "2025-07-01", "kind": "repayment", "amount": "20000"}],
        },
        "interest",
        "5319.03",
    ),
]


@pytest.mark.parametrize(
    ("args", "name", "body", "key", "expected"),
    CASES,
    ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)],
)
def test_cli_and_api_give_the_same_hand_checked_figure(
    client, runner, args, name, body, key, expected
):
    result = runner.invoke(main, ["calc", *args, "--json"])
    assert result.exit_code == 0, result.output
    cli = json.loads(result.output)
    api = client.post(f"/api/v1/calculations/{name}", json=body)
    assert api.status_code == 200, api.json
    assert cli[key] == expected
    assert api.json == cli


def test_interest_across_an_lpr_change_is_split_at_the_change():
    from docgen.calculations import run

    result = run(
        "interest",
        {
            "principal": "100000",
            "rate": {"kind": "lpr_multiple", "value": 4},
            "start": "2024-06-30",
            "end": "2024-08-31",
        },
    )
    # lent 2024-06-30, counted from 07-01 (民法典 art. 201)
    # 21 days at 4 × 3.45% = 13.8%: 100,000 × 13.8% × 21 / 365 = 793.97
    # 41 days at 4 × 3.35% = 13.4%: 100,000 × 13.4% × 41 / 365 = 1,505.21
    assert [(s.days, str(s.annual_percent), str(s.amount)) for s in result.steps] == [
        (21, "13.80", "793.97"),
        (41, "13.40", "1505.21"),
    ]
    assert str(result.interest) == "2299.18"


def test_interest_above_the_private_lending_cap_states_the_lawful_maximum(client):
    body = {
        "principal": "100000",
        "rate": {"kind": "annual", "value": "24"},
        "start": "2025-01-10",
        "end": "2026-01-10",
        "private_lending_cap": {"contract_date": "2025-01-10"},
    }
    cap = client.post("/api/v1/calculations/interest", json=body).json["cap"]
    # cap: 4 × 3.10% (LPR of 2024-10-21, in force on 2025-01-10) = 12.4%;
    # 2025-01-11 .. 2026-01-10 is 365 days: 100,000 × 12.4% = 12,400.00; claimed 24,000.00
    assert cap["ok"] is False
    assert cap["lawful_max"] == "12400.00"
    assert "12,400.00" in cap["message"] and "12.4%" in cap["message"]


def test_limitation_after_expiry_is_expired_and_an_acknowledgment_waives_it(runner):
    result = runner.invoke(
        main,
        [
            "calc",
            "limitation",
            "--due",
            "2020-01-15",
            "--event",
            "acknowledgment:2024-05-01",
            "--on",
            "2026-11-23",
            "--json",
        ],
    )
    data = json.loads(result.output)
    assert (data["status"], data["waived"]) == ("expired", True)


def test_bad_calculation_input_is_a_422_on_the_field(client):
    response = client.post("/api/v1/calculations/court-fee", json={"amount": "-5"})
    assert response.status_code == 422
    assert response.json[0]["loc"] == ["amount"]
    response = client.post("/api/v1/calculations/deadline", json={"start": "2026-01-01"})
    assert response.status_code == 422 and "工作日" in response.json[0]["message"]


def test_deadline_outside_the_official_calendar_can_be_refused(runner):
    result = runner.invoke(
        main,
        [
            "calc",
            "deadline",
            "--start",
            "2027-03-01",
            "--workdays",
            "3",
            "--strict-calendar",
            "--json",
        ],
    )
    assert result.exit_code == 1
    assert json.loads(result.output)[0]["code"] == "calendar_not_covered"


def test_openapi_lists_every_calculation(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for name in ("interest", "limitation", "court-fee", "deadline", "amount-words"):
        assert f"/api/v1/calculations/{name}" in paths


def test_validate_returns_the_calculation_sheet_of_a_computed_letter(client):
    from tests.support import load_fixture

    data = load_fixture("demand_letter", "valid", "computed_interest")
    report = client.post("/api/v1/documents/demand_letter/validate", json=data).json
    amounts = report["computed"]["amounts"]
    # lent 2025-01-10, due 2026-01-10: the lending day is not counted (民法典 art. 201),
    # so 2025-01-11 .. 2026-01-10 is 365 days, 100,000 × 6% = 6,000.00, one year's interest
    assert amounts["amounts"][1] == "6000.00"
    assert amounts["total"] == str(sum(map(__import__("decimal").Decimal, amounts["amounts"])))
    assert amounts["sheets"][0]["rows"][0]["days"] == "365"
