"""The ``docgen`` command: render, validate, list types, serve.

``docgen validate`` prints the same problems the API returns and exits 1 when there
are errors, so scripts and CI can gate on it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from docgen.batch.cli import batch, worker
from docgen.calc_cli import calc
from docgen.cli_common import (
    EXIT_INVALID,
    EXIT_USAGE,
    check_type,
    load_case,
    make_service,
    print_problems,
)
from docgen.formats import FORMATS, Format
from docgen.profiles.cli import profile
from docgen.reference_cli import reference
from docgen.register import commands as register_commands
from docgen.template_cli import template

# Each command imports the settings, the registry and the pipeline when it runs, and each
# group's module defers its own: ``docgen --help`` and ``docgen calc … --help`` load none
# of them (tests/e2e/test_cli_entry.py checks this).


class _Commands(click.Group):
    """Answers settings that do not parse (``DOCGEN_*``) with the variable to fix, not a
    traceback: every command reads them when it runs."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if getattr(exc, "title", None) != "Settings" or not hasattr(exc, "errors"):
                raise
            from docgen.config import Settings

            for line in Settings.problems(exc):
                click.echo(f"配置有误：{line}", err=True)
            ctx.exit(EXIT_USAGE)


@click.group(cls=_Commands)
@click.version_option(package_name="docgen")
def main() -> None:
    """docgen：催收法律文书生成与校验。"""


@main.command()
def types() -> None:
    """列出可生成的文书类型。"""
    from docgen.documents import registry

    for doc_type in registry.all_types():
        click.echo(f"{doc_type.name}\t{doc_type.title}\t{doc_type.description}")


@main.command()
@click.argument("type_name", metavar="TYPE")
def schema(type_name: str) -> None:
    """打印一种文书类型的 JSON Schema。"""
    from docgen.documents import registry

    check_type(type_name)
    click.echo(json.dumps(registry.get(type_name).json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("type_name", metavar="TYPE")
def sample(type_name: str) -> None:
    """打印一种文书类型的示例案件数据（JSON，可直接用于 render/validate）。"""
    check_type(type_name)
    data = make_service().sample(type_name)
    if data is None:
        raise click.ClickException(f"没有「{type_name}」的示例案件")
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@main.command()
@click.argument("type_name", metavar="TYPE")
@click.argument("case", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（与 API 的格式相同）")
def validate(type_name: str, case: Path, as_json: bool) -> None:
    """校验案件数据 CASE（JSON 文件），有错误时退出码为 1。"""
    check_type(type_name)
    report = make_service().validate(type_name, load_case(case))
    print_problems(report.problems, as_json)
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
    from docgen.documents.problems import CaseInvalid

    check_type(type_name)
    chosen = fmt or output.suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise click.UsageError(f"无法从扩展名判断输出格式：{output.name}（应为 .pdf 或 .docx）")
    try:
        rendered = make_service().render_each(type_name, load_case(case), chosen)
    except CaseInvalid as exc:
        print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    print_problems(rendered[0].warnings, as_json=False)
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
    from docgen.documents.problems import CaseInvalid

    if output.suffix.lower() not in (".pdf", ".zip"):
        raise click.UsageError(f"输出文件应为 .pdf 或 .zip：{output.name}")
    data = load_case(case)
    service = make_service()
    files = read_exhibit_files(data, exhibits, service.settings.bundle_max_file_bytes)
    try:
        result = BundleService(service).build(data, files)
    except CaseInvalid as exc:
        print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    print_problems(result.warnings, as_json=False)
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
    from docgen.config import Settings
    from docgen.serve_checks import is_loopback, rate_limit_storage, serve_problems

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


# every group is added before ``main()`` can run (``python -m docgen.cli`` included)
for _command in (calc, template, profile, reference, batch, worker, *register_commands.COMMANDS):
    main.add_command(_command)


if __name__ == "__main__":
    main()
