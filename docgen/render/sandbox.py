"""The one Jinja environment every template is rendered with.

Templates may come from users (uploaded .docx/.html), so the environment is sandboxed
(no attribute starting with ``_``, no mutation of data), has no loader (no include,
import or extends), fails loudly on an undefined variable, escapes every value, and
refuses the cheap resource bombs: huge ``range``, string multiplication, exponentiation,
padding filters, and loops that outlive a wall-clock budget.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_RANGE = 10_000
MAX_REPEAT_LENGTH = 100_000
MAX_OUTPUT_CHARS = 2_000_000
_PADDING = re.compile(r"%[-+ #0]*(\d+)|\{[^{}]*?(\d{4,})[^{}]*\}")
_BLOCKED_STR_METHODS = frozenset(
    {"ljust", "rjust", "center", "zfill", "expandtabs", "format", "format_map"}
)
DEFAULT_BUDGET_SECONDS = 5.0
BUDGET_VARIABLE = "DOCGEN_TEMPLATE_RENDER_SECONDS"
_REMOVED_FILTERS = ("center", "indent", "wordwrap", "format", "filesizeformat", "pprint")

_deadline: ContextVar[float | None] = ContextVar("docgen_render_deadline", default=None)


class RenderTimeout(SecurityError):
    """A template ran longer than its budget (a loop bomb)."""


def _check_budget() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise RenderTimeout("模板渲染超时：模板中的循环过多或过深")


def _budgeted_range(*args: int) -> Iterator[int]:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise SecurityError(f"模板中的 range 不得超过 {MAX_RANGE} 项")
    for value in rng:
        _check_budget()
        yield value


class LimitedTemplate(Template):
    """A template whose ``render`` checks output size and the time budget as it goes.

    docxtpl calls ``render`` itself, so the limit lives here rather than in docgen's
    callers: every render through the sandbox is bounded, whoever starts it.
    """

    def render(self, *args: Any, **kwargs: Any) -> str:
        return render_limited(self, dict(*args, **kwargs))


class DocgenSandbox(ImmutableSandboxedEnvironment):
    """Sandboxed, strict, autoescaping, loader-less Jinja environment."""

    template_class = LimitedTemplate

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True, loader=None)
        self.globals.clear()
        self.globals["range"] = _budgeted_range
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        self.filters["join"] = _bounded_join

    def get_template(self, *args: Any, **kwargs: Any) -> Any:
        """``include``, ``import`` and ``extends`` end here: templates stand alone."""
        raise SecurityError("模板中不允许使用 include、import 或 extends")

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and attr in _BLOCKED_STR_METHODS:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_budget()
        if operator == "**":
            raise SecurityError("模板中不允许使用乘方运算")
        if operator == "%" and isinstance(left, str):
            for match in _PADDING.finditer(left):
                width = int(match.group(1) or match.group(2) or 0)
                if width > 1000:
                    raise SecurityError("模板中的格式化宽度过大")
        for seq, count in ((left, right), (right, left)):
            repeats = isinstance(seq, str | list | tuple) and isinstance(count, int)
            if repeats and len(seq) * count > MAX_REPEAT_LENGTH:
                raise SecurityError("模板中的重复运算结果过大")
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        _check_budget()
        return super().call(context, obj, *args, **kwargs)


def _bounded_join(value: Any, d: str = "", attribute: Any = None) -> str:
    items = [str(item) for item in value]
    if sum(map(len, items)) + len(d) * len(items) > MAX_REPEAT_LENGTH:
        raise SecurityError("模板中的拼接结果过大")
    return d.join(items)


def render_limited(template: Template, context: dict[str, Any]) -> str:
    """Render through the generator so output size and time are checked as it grows."""
    chunks: list[str] = []
    size = 0
    for chunk in Template.generate(template, context):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise SecurityError("模板输出过大")
        _check_budget()
        chunks.append(chunk)
    return "".join(chunks)


def budget_seconds() -> float:
    """The render budget: ``DOCGEN_TEMPLATE_RENDER_SECONDS`` if set to a positive number,
    else 5 s. Read from the environment at each render, not from Settings, because the
    isolated children that vet and print uploaded templates inherit the environment."""
    try:
        seconds = float(os.environ.get(BUDGET_VARIABLE, ""))
    except ValueError:
        return DEFAULT_BUDGET_SECONDS
    return seconds if 0 < seconds < math.inf else DEFAULT_BUDGET_SECONDS


def _on_alarm(signum: int, frame: Any) -> None:
    raise RenderTimeout("模板渲染超时：模板中的循环过多或过深")


def _can_use_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextlib.contextmanager
def render_budget(seconds: float | None = None) -> Iterator[None]:
    """Bound the wall-clock time of the renders inside the block.

    Cooperative checks (in ``range``, calls, binary operators and output chunks) work in
    any thread; on the main thread (CLI, gunicorn sync workers) a real-time timer also
    interrupts loops that make no calls at all, such as nested loops over a string.
    """
    if seconds is None:
        seconds = budget_seconds()
    token = _deadline.set(time.monotonic() + seconds)
    alarm = _can_use_alarm()
    previous: Any = None
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _deadline.reset(token)


def new_environment() -> DocgenSandbox:
    return DocgenSandbox()
