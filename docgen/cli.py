"""The ``docgen`` command: render, validate, list types, serve.

``docgen validate`` prints the same problems the API returns and exits 1 when there
are errors, so scripts and CI can gate on it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from docgen import calculations
from docgen.config import Settings
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid, Problem
from docgen.logs import configure_logging
from docgen.profiles.cli import profile
from docgen.reference_cli import reference
from docgen.register import commands as register_commands
from docgen.services import FORMATS, Docgen, Format

EXIT_INVALID = 1
EXIT_USAGE = 2


def _service() -> Docgen:
    settings = Settings()
    configure_logging(os.environ.get("DOCGEN_LOG_LEVEL", "WARNING"))
    return Docgen(settings)


def _load_case(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"无法读取案件文件 {path}：{exc}") from None
    except json.JSONDecodeError as exc:
        raise click.UsageError(
            f"案件文件不是有效的 JSON：{path} 第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"
        ) from None


def _check_type(name: str) -> None:
    try:
        registry.get(name)
    except registry.UnknownDocumentType:
        known = "、".join(t.name for t in registry.all_types())
        raise click.UsageError(f"未知的文书类型「{name}」；可用类型：{known}") from None


def _print_problems(problems: list[Problem], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
        return
    for p in problems:
        label = "错误" if p.severity == "error" else "警告"
        click.echo(f"{label}  {p.path}  [{p.code}]  {p.message}", err=p.severity == "error")
        if p.hint:
            click.echo(f"      提示：{p.hint}", err=p.severity == "error")


@click.group()
@click.version_option(package_name="docgen")
def main() -> None:
    """docgen：催收法律文书生成与校验。"""


@main.command()
def types() -> None:
    """列出可生成的文书类型。"""
    for doc_type in registry.all_types():
        click.echo(f"{doc_type.name}\t{doc_type.title}\t{doc_type.description}")


@main.command()
@click.argument("type_name", metavar="TYPE")
def schema(type_name: str) -> None:
    """打印一种文书类型的 JSON Schema。"""
    _check_type(type_name)
    click.echo(json.dumps(registry.get(type_name).json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("type_name", metavar="TYPE")
def sample(type_name: str) -> None:
    """打印一种文书类型的示例案件数据（JSON，可直接用于 render/validate）。"""
    _check_type(type_name)
    data = _service().sample(type_name)
    if data is None:
        raise click.ClickException(f"没有「{type_name}」的示例案件")
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@main.command()
@click.argument("type_name", metavar="TYPE")
@click.argument("case", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（与 API 的格式相同）")
def validate(type_name: str, case: Path, as_json: bool) -> None:
    """校验案件数据 CASE（JSON 文件），有错误时退出码为 1。"""
    _check_type(type_name)
    report = _service().validate(type_name, _load_case(case))
    _print_problems(report.problems, as_json)
    if not report.ok:
        sys.exit(EXIT_INVALID)
    if not as_json:
        click.echo("校验通过" + (f"（{len(report.problems)} 条警告）" if report.problems else ""))


@main.command()
@click.argument("type_name", metavar="TYPE")
@click.argument("case", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="输出文件；格式由扩展名（.pdf / .docx）决定",
)
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default=None, help="输出格式（默认按扩展名）"
)
def render(type_name: str, case: Path, output: Path, fmt: Format | None) -> None:
    """根据案件数据 CASE 生成文书。"""
    _check_type(type_name)
    chosen = fmt or output.suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise click.UsageError(f"无法从扩展名判断输出格式：{output.name}（应为 .pdf 或 .docx）")
    try:
        rendered = _service().render_each(type_name, _load_case(case), chosen)
    except CaseInvalid as exc:
        _print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    _print_problems(rendered[0].warnings, as_json=False)
    output.parent.mkdir(parents=True, exist_ok=True)
    # One file per recipient: a letter to the debtor and one to each guarantor.
    for i, item in enumerate(rendered, start=1):
        target = output if len(rendered) == 1 else output.with_stem(f"{output.stem}-{i}")
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(item.content)
        tmp.replace(target)
        click.echo(f"已生成 {target}（{len(item.content):,} 字节）")


@main.command()
@click.argument("case", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("exhibits", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="输出文件：.pdf 为合并后的起诉材料；.zip 另含证据目录（DOCX/PDF）、清单和副本",
)
def bundle(case: Path, exhibits: Path, output: Path) -> None:
    """按案件数据 CASE 和证据文件夹 EXHIBITS 生成带连续页码的起诉材料。"""
    from docgen.bundle.files import read_exhibit_files
    from docgen.bundle.service import BundleService

    if output.suffix.lower() not in (".pdf", ".zip"):
        raise click.UsageError(f"输出文件应为 .pdf 或 .zip：{output.name}")
    data = _load_case(case)
    service = _service()
    files = read_exhibit_files(data, exhibits, service.settings.bundle_max_file_bytes)
    try:
        result = BundleService(service).build(data, files)
    except CaseInvalid as exc:
        _print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    _print_problems(result.warnings, as_json=False)
    outputs = [(output, result.zip() if output.suffix.lower() == ".zip" else result.pdf)]
    if output.suffix.lower() == ".pdf":
        outputs += [(output.with_name(name), content) for name, content in result.copies]
    for path, content in outputs:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(content)
        tmp.replace(path)
        click.echo(f"已生成 {path}（{len(content):,} 字节）")
    click.echo(f"共 {result.pages} 页，证据 {len(result.manifest)} 份")


@main.group()
def calc() -> None:
    """法律计算：诉讼费、期限、时效、利息、大写金额（--json 输出一个 JSON 对象）。"""


def _calculate(name: str, data: dict[str, Any], as_json: bool) -> None:
    try:
        result = calculations.run(name, data)
    except CaseInvalid as exc:
        _print_problems(exc.problems, as_json)
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


@calc.command("court-fee")
@click.option("--amount", required=True, help="诉讼请求金额（元）")
@click.option("--summary", is_flag=True, help="简易程序（减半交纳）")
@click.option("--mediation", is_flag=True, help="调解结案（减半交纳）")
@click.option("--withdrawal", is_flag=True, help="撤诉（减半交纳）")
@click.option("--rounding", type=click.Choice(["fen", "yuan"]), default="fen", show_default=True)
@click.option("--preservation", is_flag=True, help="同时计算财产保全费")
@_JSON_OPTION
def calc_court_fee(
    amount: str,
    summary: bool,
    mediation: bool,
    withdrawal: bool,
    rounding: str,
    preservation: bool,
    as_json: bool,
) -> None:
    """案件受理费（《诉讼费用交纳办法》第13、15、16条）与财产保全费（第14条）。"""
    chosen = [
        name
        for name, flag in (
            ("summary", summary),
            ("mediation", mediation),
            ("withdrawal", withdrawal),
        )
        if flag
    ]
    if len(chosen) > 1:
        raise click.UsageError("--summary、--mediation、--withdrawal 只能选一个")
    data = {
        "amount": amount,
        "procedure": chosen[0] if chosen else "ordinary",
        "rounding": rounding,
        "preservation": preservation,
    }
    _calculate("court-fee", data, as_json)


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
@click.option("--principal", help="本金（元），于起息日一次出借")
@click.option("--rate", "rate_value", required=True, help="利率数值：年利率6%填6；LPR的4倍填4")
@click.option(
    "--rate-kind", type=click.Choice(list(_RATE_KINDS)), default="annual", show_default=True
)
@click.option("--lpr-fixed-on", type=_DATE, help="LPR取值日（不填则随LPR浮动）")
@click.option("--start", type=_DATE, required=True, help="起息日")
@click.option("--end", type=_DATE, required=True, help="计至（含当日）")
@click.option("--day-count", type=click.Choice(["365", "360"]), default="365", show_default=True)
@click.option("--disbursement", "disbursements", multiple=True, help="出借 YYYY-MM-DD:金额")
@click.option("--repayment", "repayments", multiple=True, help="还款 YYYY-MM-DD:金额")
@click.option("--cost", "costs", multiple=True, help="费用 YYYY-MM-DD:金额")
@click.option("--contract-date", type=_DATE, help="合同成立日：按民间借贷利率上限检查")
@click.option("--filing-date", type=_DATE, help="起诉日（2020年8月20日前成立的合同）")
@_JSON_OPTION
def calc_interest(
    principal: str | None,
    rate_value: str,
    rate_kind: str,
    lpr_fixed_on: Any,
    start: Any,
    end: Any,
    day_count: str,
    disbursements: tuple[str, ...],
    repayments: tuple[str, ...],
    costs: tuple[str, ...],
    contract_date: Any,
    filing_date: Any,
    as_json: bool,
) -> None:
    """单利计算（分段、随LPR浮动、还款抵充），可选民间借贷利率上限检查。"""
    events = [_ledger(v, "disbursement") for v in disbursements]
    events += [_ledger(v, "repayment") for v in repayments]
    events += [_ledger(v, "cost") for v in costs]
    data: dict[str, Any] = {
        "principal": principal,
        "events": events,
        "rate": {
            "kind": _RATE_KINDS[rate_kind],
            "value": rate_value,
            "fixed_on": lpr_fixed_on.date().isoformat() if lpr_fixed_on else None,
        },
        "start": start.date().isoformat(),
        "end": end.date().isoformat(),
        "day_count": int(day_count),
    }
    if contract_date:
        data["private_lending_cap"] = {
            "contract_date": contract_date.date().isoformat(),
            "filing_date": filing_date.date().isoformat() if filing_date else None,
        }
    _calculate("interest", data, as_json)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="worker 进程数；默认：限流计数可共享（Redis）时 2，否则 1",
)
@click.option("--threads", default=1, show_default=True, type=int, help="每个 worker 的线程数")
def serve(host: str, port: int, workers: int | None, threads: int) -> None:
    """在 gunicorn 下启动 HTTP 服务。

    单用户模式（DOCGEN_WEB_AUTH=single-user）只能监听本机回环地址；多个 worker 需要共享的
    限流计数（DOCGEN_RATE_LIMIT_STORAGE_URI=redis://…）。
    """
    from docgen.web.hosts import is_loopback, rate_limit_storage, serve_problems

    settings = Settings()
    if workers is None:
        workers = 2 if rate_limit_storage(settings) else 1
    problems = serve_problems(settings, host, workers)
    for problem in problems:
        click.echo(f"错误：{problem}", err=True)
    if problems:
        sys.exit(EXIT_USAGE)
    if not settings.allowed_hosts and not is_loopback(host):
        click.echo(
            "提示：未设置 DOCGEN_ALLOWED_HOSTS，只接受以 localhost、127.0.0.1 访问的请求；"
            "请设置为本服务的域名，如 DOCGEN_ALLOWED_HOSTS=docgen.example.com",
            err=True,
        )
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--config",
        "python:docgen.web.gunicorn_conf",
        "--timeout",
        "120",
        "--access-logfile",
        "-",
        "docgen.web:create_app()",
    ]
    click.echo(f"docgen 服务启动于 http://{host}:{port}/ （API 文档：/api/v1/openapi.json）")
    os.execv(sys.executable, args)  # noqa: S606 - replaces this process with gunicorn


main.add_command(profile)
main.add_command(reference)
for _command in register_commands.COMMANDS:
    main.add_command(_command)


def _add_batch_commands() -> None:
    from docgen.batch.cli import batch, worker

    main.add_command(batch)
    main.add_command(worker)


_add_batch_commands()


if __name__ == "__main__":
    main()


@main.group()
def template() -> None:
    """自定义模板：上传、列出、预览、启用、停用（--tenant：只有一个租户时可省略）。"""


_TENANT = click.option(
    "--tenant", "tenant_name", help="租户名称（docgen tenant list）；只有一个租户时可省略"
)


def _tenant_service(tenant_name: str | None) -> Docgen:
    """The service acting for the tenant a command names."""
    return _service().for_tenant(register_commands.tenant_named(tenant_name).id)


@template.command("upload")
@click.argument("type_name", metavar="TYPE")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--note", default="", help="版本说明")
@click.option("--activate", is_flag=True, help="检查通过后立即启用")
@click.option("--variant", default="", help="只替换一种版式（如 civil_complaint 的 elements）")
@_TENANT
def template_upload(
    type_name: str, file: Path, note: str, activate: bool, variant: str, tenant_name: str | None
) -> None:
    """检查并保存模板 FILE 为 TYPE 的新版本：.docx 用于 Word 文书，.html 用于 PDF 文书；
    未通过检查时退出码为 1。"""
    from docgen.template_store import TemplateRejected

    _check_type(type_name)
    service = _tenant_service(tenant_name)
    try:
        info, warnings = service.upload_template(
            type_name,
            file.read_bytes(),
            filename=file.name,
            note=note,
            by="cli",
            variant=variant,
        )
    except TemplateRejected as exc:
        _print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    _print_problems(warnings, as_json=False)
    if activate:
        info = service.templates.activate(service.tenant_id, type_name, info.version, info.kind)
    click.echo(f"已保存 {info.label}（{info.status}）sha256={info.sha256}")


@template.command("list")
@click.argument("type_name", metavar="[TYPE]", required=False)
@_TENANT
def template_list(type_name: str | None, tenant_name: str | None) -> None:
    """列出模板版本。"""
    if type_name:
        _check_type(type_name)
    service = _tenant_service(tenant_name)
    for info in service.templates.versions(service.tenant_id, type_name):
        click.echo(
            f"{info.label}\t{info.status}\t{info.created_at[:19]}\t{info.sha256[:12]}\t{info.note}"
        )


_KIND = click.option(
    "--kind",
    type=click.Choice(["docx", "html"]),
    default="docx",
    show_default=True,
    help="模板种类：docx（Word 文书）或 html（PDF 文书）",
)


@template.command("activate")
@click.argument("type_name", metavar="TYPE")
@click.argument("version", type=int)
@_KIND
@_TENANT
def template_activate(type_name: str, version: int, kind: str, tenant_name: str | None) -> None:
    """启用 TYPE 的第 VERSION 版模板（只影响该租户的文书）。"""
    from docgen.template_store import UnknownVersion

    _check_type(type_name)
    service = _tenant_service(tenant_name)
    try:
        info = service.templates.activate(service.tenant_id, type_name, version, kind)
    except UnknownVersion:
        raise click.UsageError(f"没有 {type_name} 的第 {version} 版 {kind} 模板") from None
    click.echo(f"已启用 {info.label}")


@template.command("deactivate")
@click.argument("type_name", metavar="TYPE")
@_KIND
@click.option("--variant", default=None, help="只停用该版式的模板（缺省：全部版式）")
@_TENANT
def template_deactivate(
    type_name: str, kind: str, variant: str | None, tenant_name: str | None
) -> None:
    """停用 TYPE 的自定义模板，恢复内置模板。"""
    _check_type(type_name)
    service = _tenant_service(tenant_name)
    service.templates.deactivate(service.tenant_id, type_name, kind, variant)
    click.echo(f"{type_name} 已恢复使用内置模板")


@template.command("preview")
@click.argument("type_name", metavar="TYPE")
@click.argument("version", type=int)
@click.option("--case", "case_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@_KIND
@_TENANT
def template_preview(
    type_name: str,
    version: int,
    case_file: Path | None,
    output: Path,
    kind: str,
    tenant_name: str | None,
) -> None:
    """用第 VERSION 版模板渲染示例案件（或 --case 指定的案件）：docx 得 DOCX，html 得 PDF。"""
    from docgen.template_store import UnknownVersion

    _check_type(type_name)
    data = _load_case(case_file) if case_file else None
    try:
        rendered = _tenant_service(tenant_name).preview_template(type_name, version, data, kind)
    except UnknownVersion:
        raise click.UsageError(f"没有 {type_name} 的第 {version} 版 {kind} 模板") from None
    except CaseInvalid as exc:
        _print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    output.write_bytes(rendered.content)
    click.echo(f"已写入 {output}")
