"""``docgen batch …`` and ``docgen worker``: batch runs from the command line."""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

import click

from docgen.batch.readers import BatchInputError

if TYPE_CHECKING:
    from docgen.config import Settings

EXIT_REJECTS = 1


def _settings() -> Settings:
    # imported here, as the pipeline is in each command: the group's help needs neither
    from docgen.config import Settings
    from docgen.logs import configure_logging

    configure_logging(os.environ.get("DOCGEN_LOG_LEVEL", "WARNING"))
    return Settings()


def _load_json(path: Path | None, what: str) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise click.UsageError(f"无法读取{what} {path}：{exc}") from None
    if not isinstance(data, dict):
        raise click.UsageError(f"{what}应为一个 JSON 对象：{path}")
    return data


def _load_mapping(path: Path | None) -> dict[str, str]:
    """A mapping file: JSON ``{"表头": "列名"}`` or a two-column CSV (表头,列名)."""
    if path is None:
        return {}
    if path.suffix.lower() == ".csv":
        from docgen.batch.readers import detect_encoding

        with path.open(encoding=detect_encoding(path), newline="") as fh:
            return {row[0].strip(): row[1].strip() for row in csv.reader(fh) if len(row) >= 2}
    return {str(k): str(v) for k, v in _load_json(path, "列名映射文件").items()}


def _shared(shared: Path | None, letter_date: Any, profile: int | None = None) -> dict[str, Any]:
    values = _load_json(shared, "共用信息文件")
    if letter_date is not None:
        values["letter_date"] = letter_date.date().isoformat()
    if profile is not None:
        values["sender_profile_id"] = profile
    return values


def _formats(value: str) -> list[str]:
    return [f.strip().lower() for f in value.split(",") if f.strip()]


def _tenant_id(name: str | None) -> int:
    from docgen.register.commands import tenant_named

    return tenant_named(name).id


def _check_type(type_name: str) -> None:
    from docgen.documents import registry

    try:
        registry.get(type_name)
    except registry.UnknownDocumentType:
        known = "、".join(t.name for t in registry.all_types())
        raise click.UsageError(f"未知的文书类型「{type_name}」；可用类型：{known}") from None


_TENANT = click.option(
    "--tenant", "tenant_name", help="租户名称（docgen tenant list）；只有一个租户时可省略"
)
_TYPE = click.option("--type", "type_name", required=True, help="文书类型，如 demand_letter")
_SHARED = click.option(
    "--shared",
    type=click.Path(path_type=Path, dir_okay=False),
    help="共用信息 JSON（如债权人、收款账户、联系人、签署人），行内未填的字段取此值",
)
_LETTER_DATE = click.option(
    "--letter-date", type=click.DateTime(formats=["%Y-%m-%d"]), help="统一的发函日期"
)
_PROFILE = click.option(
    "--profile",
    type=click.IntRange(min=1),
    help="发件人资料编号（docgen profile list），作为每一行共用的发函人",
)
_MAPPING = click.option(
    "--mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="列名映射文件（JSON 或两列 CSV：表中的列名 → 模板列名）",
)
_FILE = click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))


class _SheetArgs(TypedDict):
    """The options ``check`` and ``run`` share; click passes one keyword per option."""

    file: Path
    type_name: str
    shared: Path | None
    letter_date: Any
    profile: int | None
    mapping: Path | None
    tenant_name: str | None


class _CheckArgs(_SheetArgs):
    out_dir: Path


class _RunArgs(_SheetArgs):
    formats: str
    out_root: Path
    address_page: bool
    insured_value: str
    processes: int | None
    chunk_size: int
    volume_size: int
    pdf_engine: str | None


@click.group()
def batch() -> None:
    """批量生成：从表格（CSV/XLSX/JSONL）批量生成文书。"""


@batch.command()
@click.argument("type_name", metavar="TYPE")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="sheet.xlsx 或 sheet.csv",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="表头语言：中文标题或英文字段路径",
)
def template(type_name: str, output: Path, lang: str) -> None:
    """生成一种文书类型的表格模板（表头和一行可通过校验的示例）。"""
    from docgen.batch.templates import write_template
    from docgen.pipeline.compose import build

    _check_type(type_name)
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise click.UsageError("模板文件的扩展名应为 .xlsx 或 .csv")
    output.parent.mkdir(parents=True, exist_ok=True)
    rows = write_template(build(_settings()), type_name, output, lang)
    click.echo(f"已生成模板 {output}（{rows} 行示例）")


@batch.command()
@_FILE
@_TYPE
@_SHARED
@_LETTER_DATE
@_PROFILE
@_MAPPING
@_TENANT
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=".",
    show_default=True,
    help="拒绝清单的输出目录",
)
def check(**args: Unpack[_CheckArgs]) -> None:
    """只校验不生成：逐行校验并写出拒绝清单（CSV 与 XLSX）；有被拒绝的行时退出码为 1。"""
    from docgen.batch.checks import dry_run
    from docgen.pipeline.compose import build

    type_name, out_dir = args["type_name"], args["out_dir"]
    _check_type(type_name)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        result = dry_run(
            build(_settings()).for_tenant(_tenant_id(args["tenant_name"])),
            type_name,
            args["file"],
            _shared(args["shared"], args["letter_date"], args["profile"]),
            _load_mapping(args["mapping"]),
            out_dir,
        )
    except BatchInputError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(
        f"共 {result['rows']} 行：可生成 {result['valid']} 行，拒绝 {result['rejected']} 行，"
        f"空行 {result['blank_rows']} 行"
    )
    click.echo(f"拒绝清单：{result['rejects_csv']}、{result['rejects_xlsx']}")
    if result["warnings"]:
        click.echo(f"提醒 {result['warnings']} 条（不影响生成）：{result['warnings_csv']}")
    if result["rejected"]:
        sys.exit(EXIT_REJECTS)


def _progress_run(batches: Any, run_id: str, executor: Any) -> dict[str, Any]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    with console.status("正在读取并校验每一行…"):
        planned = batches.plan(run_id)
    todo = planned["pending"]
    with Progress(
        TextColumn("生成中"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("letters", total=todo)

        def progress(counts: dict[str, int]) -> None:
            bar.update(task, completed=todo - counts["pending"])

        try:
            return batches.execute(run_id, executor, progress)  # type: ignore[no-any-return]
        except KeyboardInterrupt:
            bar.stop()
            click.echo(
                f"已中断。已完成的文书都已保存；继续请运行：docgen batch resume {run_id}", err=True
            )
            sys.exit(130)


def _print_summary(summary: dict[str, Any]) -> None:
    from docgen.batch.state import RUN_LABELS

    status = RUN_LABELS.get(summary["status"], summary["status"])
    click.echo(
        f"批次 {summary['run_id']}：{status}；共 {summary['rows']} 行，"
        f"已生成 {summary['rendered']}，拒绝 {summary['rejected']}，失败 {summary['failed']}，"
        f"待处理 {summary['pending']}，空行 {summary['blank_rows']}"
        + (f"；用时 {summary['seconds']} 秒" if summary.get("seconds") is not None else "")
    )
    click.echo(f"输出目录：{summary['out_dir']}")
    if summary["status"] == "done":
        _print_outputs(Path(summary["out_dir"]))


def _print_outputs(folder: Path) -> None:
    """Where a finished run's reports, mailing sheet and print volumes are."""
    import json

    try:
        done = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        done = {}
    rejects = [folder / n for n in ("rejects.csv", "rejects.xlsx") if (folder / n).exists()]
    if rejects:
        click.echo(f"拒绝清单：{'、'.join(str(p) for p in rejects)}")
    if (folder / "warnings.csv").exists():
        click.echo(f"提醒 {done.get('warnings', 0)} 条（不影响生成）：{folder / 'warnings.csv'}")
    if (folder / "mailing.xlsx").exists():
        unsplit = int(done.get("addresses_unsplit") or 0)
        said = f"（{unsplit} 个地址未能拆分出省、市、区县，交寄前请补全这几行）" if unsplit else ""
        click.echo(f"邮寄清单：{folder / 'mailing.xlsx'}{said}")
    for volume in done.get("print_files") or []:
        click.echo(
            f"打印文件：{folder / volume['file']}"
            f"（{volume.get('letters', 0)} 封，{volume.get('pages', 0)} 页）"
        )


def _executor(settings: Settings, processes: int | None) -> Any:
    from docgen.batch.executors import executor_for

    return executor_for(settings, processes)


@batch.command()
@_FILE
@_TYPE
@click.option("--format", "formats", default="pdf", show_default=True, help="pdf、docx 或 pdf,docx")
@click.option(
    "--out",
    "out_root",
    type=click.Path(path_type=Path, file_okay=False),
    default="runs",
    show_default=True,
    help="批次目录的上级目录",
)
@_SHARED
@_LETTER_DATE
@_PROFILE
@_MAPPING
@_TENANT
@click.option("--address-page", is_flag=True, help="合并打印文件中每封函前加窗口信封地址页")
@click.option("--insured-value", default="", help="邮局交寄表中每封函的保价金额（元），默认不保价")
@click.option(
    "--processes",
    type=int,
    help="本机进程数（默认全部核心；设置了 DOCGEN_BROKER_URL 时默认用 Celery）",
)
@click.option("--chunk-size", type=int, default=20, show_default=True, help="每个任务的文书数")
@click.option(
    "--volume-size", type=int, default=500, show_default=True, help="每个合并打印文件的函件数"
)
@click.option(
    "--pdf-engine",
    type=click.Choice(["weasyprint", "typst"]),
    help="PDF 引擎（默认按 DOCGEN_PDF_ENGINE；typst 快约十倍，仅用于有 .typ 模板的文书类型）",
)
def run(**args: Unpack[_RunArgs]) -> None:
    """批量生成：校验每一行，生成有效行的文书，写出合并打印文件、寄送清单、拒绝清单和汇总；
    有被拒绝或生成失败的行时退出码为 1。"""
    from docgen.batch.runs import Batches, RunOptions
    from docgen.tenants.limits import TooManyRuns

    settings = _settings()
    options = RunOptions(
        type_name=args["type_name"],
        formats=_formats(args["formats"]),
        shared=_shared(args["shared"], args["letter_date"], args["profile"]),
        mapping=_load_mapping(args["mapping"]),
        address_page=args["address_page"],
        insured_value=args["insured_value"].strip(),
        chunk_size=args["chunk_size"],
        volume_size=args["volume_size"],
        pdf_engine=args["pdf_engine"] or "",
    )
    batches = Batches(settings)
    try:
        tenant_id = _tenant_id(args["tenant_name"])
        run_id = batches.create(args["file"], options, args["out_root"], tenant_id)
        click.echo(f"批次编号：{run_id}", err=True)
        summary = _progress_run(batches, run_id, _executor(settings, args["processes"]))
    except (BatchInputError, TooManyRuns) as exc:
        raise click.UsageError(str(exc)) from None
    _print_summary(summary)
    _exit_for(summary)


def _exit_for(summary: dict[str, Any]) -> None:
    """Exit 1 (as ``check`` does) when a row was rejected or failed: a script sees it."""
    if summary.get("rejected") or summary.get("failed"):
        sys.exit(EXIT_REJECTS)


@batch.command()
@click.argument("run_id", metavar="RUN")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出")
def status(run_id: str, as_json: bool) -> None:
    """查看批次的进度与计数。"""
    from docgen.batch.runs import Batches, RunNotFound

    try:
        summary = Batches(_settings()).status(run_id, None)  # the operator: any tenant
    except RunNotFound:
        raise click.UsageError(f"没有编号为「{run_id}」的批次") from None
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)


@batch.command()
@click.argument("run_id", metavar="RUN")
@click.option("--processes", type=int, help="本机进程数（默认全部核心）")
def resume(run_id: str, processes: int | None) -> None:
    """继续一个中断的批次：只生成尚未完成的记录；已完成的批次不做任何改动；
    有被拒绝或生成失败的行时退出码为 1。"""
    from docgen.batch.runs import Batches, RunNotFound

    settings = _settings()
    batches = Batches(settings)
    try:
        summary = _progress_run(batches, run_id, _executor(settings, processes))
    except RunNotFound:
        raise click.UsageError(f"没有编号为「{run_id}」的批次") from None
    except BatchInputError as exc:
        raise click.UsageError(str(exc)) from None
    _print_summary(summary)
    _exit_for(summary)


@click.command()
@click.option("--concurrency", type=int, default=os.cpu_count() or 1, show_default=True)
@click.option("--loglevel", default="INFO", show_default=True)
def worker(concurrency: int, loglevel: str) -> None:
    """启动批量生成的 Celery 工作进程（需设置 DOCGEN_BROKER_URL）。"""
    settings = _settings()
    if not settings.broker_url:
        raise click.UsageError("请先设置 DOCGEN_BROKER_URL，例如 redis://127.0.0.1:6379/0")
    from docgen.batch.worker import start_worker

    start_worker(concurrency, loglevel)
