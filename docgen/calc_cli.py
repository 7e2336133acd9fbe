"""``docgen calc``: the legal calculations, each with its steps and legal basis."""

from __future__ import annotations

import json
import sys
from typing import Any, Literal, TypedDict, Unpack

import click

from docgen.cli_common import EXIT_INVALID, print_problems


@click.group()
def calc() -> None:
    """法律计算：诉讼费、期限、时效、利息、大写金额（--json 输出一个 JSON 对象）。"""


def _calculate(name: str, data: dict[str, Any], as_json: bool) -> None:
    # imported here: ``docgen --help`` and the commands' help need no calculations
    from docgen import calculations
    from docgen.documents.problems import CaseInvalid

    try:
        result = calculations.run(name, data)
    except CaseInvalid as exc:
        print_problems(exc.problems, as_json)
        sys.exit(EXIT_INVALID)
    payload = result.model_dump(mode="json")
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    for key, value in payload.items():
        if isinstance(value, list):
            click.echo(f"{key}:")
            for item in value:
                text = item.get("text") or item.get("basis") if isinstance(item, dict) else item
                click.echo(f"  - {text or item}")
        elif isinstance(value, dict):
            click.echo(f"{key}: {value.get('message', value)}")
        elif value is not None:
            click.echo(f"{key}: {value}")


_JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 对象")
_DATE = click.DateTime(formats=["%Y-%m-%d"])


class _CourtFeeArgs(TypedDict):
    """``calc court-fee``'s options; click passes one keyword per option."""

    amount: str
    summary: bool
    mediation: bool
    withdrawal: bool
    rounding: str
    preservation: bool
    as_json: bool


class _InterestArgs(TypedDict):
    """``calc interest``'s options; dates arrive as datetimes (click.DateTime)."""

    principal: str | None
    rate_value: str
    rate_kind: str
    lpr_fixed_on: Any
    start: Any
    end: Any
    day_count: str
    disbursements: tuple[str, ...]
    repayments: tuple[str, ...]
    costs: tuple[str, ...]
    contract_date: Any
    filing_date: Any
    as_json: bool


@calc.command("court-fee")
@click.option("--amount", required=True, help="诉讼请求金额（元）")
@click.option("--summary", is_flag=True, help="简易程序（减半交纳）")
@click.option("--mediation", is_flag=True, help="调解结案（减半交纳）")
@click.option("--withdrawal", is_flag=True, help="撤诉（减半交纳）")
@click.option("--rounding", type=click.Choice(["fen", "yuan"]), default="fen", show_default=True)
@click.option("--preservation", is_flag=True, help="同时计算财产保全费")
@_JSON_OPTION
def calc_court_fee(**args: Unpack[_CourtFeeArgs]) -> None:
    """案件受理费（《诉讼费用交纳办法》第13、15、16条）与财产保全费（第14条）。"""
    procedures: tuple[Literal["summary", "mediation", "withdrawal"], ...] = (
        "summary",
        "mediation",
        "withdrawal",
    )
    chosen = [name for name in procedures if args[name]]
    if len(chosen) > 1:
        raise click.UsageError("--summary、--mediation、--withdrawal 只能选一个")
    data = {
        "amount": args["amount"],
        "procedure": chosen[0] if chosen else "ordinary",
        "rounding": args["rounding"],
        "preservation": args["preservation"],
    }
    _calculate("court-fee", data, args["as_json"])


@calc.command("deadline")
@click.option("--start", type=_DATE, required=True, help="起算日（不计入）")
@click.option("--workdays", type=int, help="工作日天数")
@click.option("--days", type=int, help="自然日天数")
@click.option(
    "--strict-calendar", is_flag=True, help="超出官方节假日日历时报错而不是按周一至周五计算"
)
@_JSON_OPTION
def calc_deadline(
    start: Any, workdays: int | None, days: int | None, strict_calendar: bool, as_json: bool
) -> None:
    """ "N个工作日内" / "N日内" 的截止日。"""
    data = {
        "start": start.date().isoformat(),
        "workdays": workdays,
        "days": days,
        "allow_fallback": not strict_calendar,
    }
    _calculate("deadline", data, as_json)


@calc.command("amount-words")
@click.argument("amount")
@_JSON_OPTION
def calc_amount_words(amount: str, as_json: bool) -> None:
    """人民币大写金额。"""
    _calculate("amount-words", {"amount": amount}, as_json)


_EVENT_KINDS = {
    "demand": "demand_delivered",
    "acknowledgment": "acknowledgment",
    "payment": "partial_payment",
    "agreement": "installment_agreement",
    "filing": "filing",
}


def _event(value: str) -> dict[str, str]:
    kind, _, day = value.partition(":")
    if kind not in _EVENT_KINDS and kind not in _EVENT_KINDS.values():
        known = "、".join(_EVENT_KINDS)
        raise click.BadParameter(f"未知的中断事由「{kind}」；可用：{known}")
    return {"kind": _EVENT_KINDS.get(kind, kind), "day": day}


@calc.command("limitation")
@click.option("--due", type=_DATE, required=True, help="应付款日期（分期债务为最后一期到期日）")
@click.option(
    "--event",
    "events",
    multiple=True,
    help="中断事由 KIND:YYYY-MM-DD，KIND 为 demand/acknowledgment/payment/agreement/filing",
)
@click.option("--on", type=_DATE, help="判断日，默认今天")
@_JSON_OPTION
def calc_limitation(due: Any, events: tuple[str, ...], on: Any, as_json: bool) -> None:
    """诉讼时效届满日与状态（《民法典》第188、195、201–203条）。"""
    data = {
        "due": due.date().isoformat(),
        "events": [_event(e) for e in events],
        "on": on.date().isoformat() if on else None,
    }
    _calculate("limitation", data, as_json)


_RATE_KINDS = {
    "annual": "annual",
    "monthly": "monthly",
    "daily": "daily",
    "lpr-multiple": "lpr_multiple",
    "lpr-plus-bp": "lpr_plus_bp",
}


def _ledger(value: str, kind: str) -> dict[str, str]:
    day, _, amount = value.partition(":")
    if not amount:
        raise click.BadParameter(f"应为 YYYY-MM-DD:金额，实为「{value}」")
    return {"day": day, "kind": kind, "amount": amount}


@calc.command("interest")
@click.option("--principal", help="本金（元），于起算日一次出借")
@click.option("--rate", "rate_value", required=True, help="利率数值：年利率6%填6；LPR的4倍填4")
@click.option(
    "--rate-kind", type=click.Choice(list(_RATE_KINDS)), default="annual", show_default=True
)
@click.option("--lpr-fixed-on", type=_DATE, help="LPR取值日（不填则随LPR浮动）")
@click.option("--start", type=_DATE, required=True, help="起算日（如出借日），当日不计息")
@click.option("--end", type=_DATE, required=True, help="计至（含当日）")
@click.option("--day-count", type=click.Choice(["365", "360"]), default="365", show_default=True)
@click.option("--disbursement", "disbursements", multiple=True, help="出借 YYYY-MM-DD:金额")
@click.option("--repayment", "repayments", multiple=True, help="还款 YYYY-MM-DD:金额")
@click.option("--cost", "costs", multiple=True, help="费用 YYYY-MM-DD:金额")
@click.option("--contract-date", type=_DATE, help="合同成立日：按民间借贷利率上限检查")
@click.option("--filing-date", type=_DATE, help="起诉日（2020年8月20日前成立的合同）")
@_JSON_OPTION
def calc_interest(**args: Unpack[_InterestArgs]) -> None:
    """单利计算（分段、随LPR浮动、还款抵充），可选民间借贷利率上限检查。"""
    events = [_ledger(v, "disbursement") for v in args["disbursements"]]
    events += [_ledger(v, "repayment") for v in args["repayments"]]
    events += [_ledger(v, "cost") for v in args["costs"]]
    fixed_on, contract_date, filing_date = (
        args["lpr_fixed_on"],
        args["contract_date"],
        args["filing_date"],
    )
    data: dict[str, Any] = {
        "principal": args["principal"],
        "events": events,
        "rate": {
            "kind": _RATE_KINDS[args["rate_kind"]],
            "value": args["rate_value"],
            "fixed_on": fixed_on.date().isoformat() if fixed_on else None,
        },
        "start": args["start"].date().isoformat(),
        "end": args["end"].date().isoformat(),
        "day_count": int(args["day_count"]),
    }
    if contract_date:
        data["private_lending_cap"] = {
            "contract_date": contract_date.date().isoformat(),
            "filing_date": filing_date.date().isoformat() if filing_date else None,
        }
    _calculate("interest", data, args["as_json"])
