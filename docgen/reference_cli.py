"""``docgen reference``: how current the reference data is, and loading newer LPR rows.

The LPR table and the holiday calendar decide caps and deadlines; both go stale as new
figures are published. ``status`` tells the operator how far each one reaches, and
``update --lpr FILE.csv`` installs newer LPR rows in the data directory, where every
docgen process reads them (docgen.reference_data).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from docgen.domain.dates import format_cn


@click.group()
def reference() -> None:
    """参考数据（LPR表、法定节假日日历）：查看更新状态、导入新数据。"""


@reference.command("status")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="按该日判断是否过期（默认今天）")
def status(today: object) -> None:
    """显示LPR表与法定节假日日历覆盖到哪一天。"""
    # imported here, as in every command: the group's help needs none of them
    from importlib import metadata

    from docgen.config import Settings
    from docgen.domain.workdays import HOLIDAY_RULES_SINCE, calendar_coverage
    from docgen.reference_data import ReferenceDataError, default_lpr_table, effective_lpr_file

    settings = Settings()
    on = today.date() if today is not None else date.today()  # type: ignore[attr-defined]
    operator = effective_lpr_file(settings.lpr_table_file, settings.data_dir)
    try:
        table = default_lpr_table(operator)
    except (ReferenceDataError, OSError) as exc:
        raise click.ClickException(f"LPR表无法读取：{exc}") from None
    last = table.last_entry
    click.echo(
        f"LPR表：最近一期为{format_cn(last.effective_from)}发布的{last.rate_text}%，"
        f"核实至{format_cn(table.latest_known_date)}"
    )
    click.echo("  来源：内置表" + (f" + {operator}" if operator else "（未导入运营数据）"))
    if not table.is_verified(on):
        stale = (on - table.latest_known_date).days
        click.echo(
            f"  警告：已过核实日期{stale}天；此后的LPR沿用最近一期计算。请取得新公布的LPR，"
            "用 docgen reference update --lpr 文件.csv 导入"
        )
    first, last_year = calendar_coverage()
    version = metadata.version("chinesecalendar")
    click.echo(f"法定节假日日历：chinesecalendar {version}，覆盖{first}年至{last_year}年")
    if on.year >= last_year:
        click.echo(
            f"  警告：{last_year + 1}年起的调休安排尚未收录；超出部分按法定节假日规则"
            f"（国务院令第795号，{HOLIDAY_RULES_SINCE}年起）扣除节日推算工作日，并提示人工核对。"
            "新的放假通知发布后请升级 chinesecalendar"
        )


@reference.command("update")
@click.option(
    "--lpr",
    "lpr_file",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="LPR数据文件（CSV：effective_from,rate_percent）",
)
def update(lpr_file: Path) -> None:
    """导入新的LPR数据到数据目录（校验后生效，此后所有进程都使用）。"""
    from docgen.config import Settings
    from docgen.reference_data import ReferenceDataError, install_lpr_csv

    settings = Settings()
    if settings.lpr_table_file is not None:
        raise click.ClickException(
            f"已通过 DOCGEN_LPR_TABLE_FILE 指定LPR文件（{settings.lpr_table_file}），"
            "请直接编辑该文件，或取消该设置后再导入"
        )
    try:
        table, count = install_lpr_csv(lpr_file, settings.data_dir)
    except ReferenceDataError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"无法读取或写入LPR数据文件：{exc}") from None
    last = table.last_entry
    click.echo(
        f"已导入{count}行LPR数据。最近一期为{format_cn(last.effective_from)}发布的"
        f"{last.rate_text}%，核实至{format_cn(table.latest_known_date)}"
    )
