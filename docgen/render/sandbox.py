"""The one Jinja environment every template is rendered with.

Templates may come from users (uploaded .docx/.html), so the environment is sandboxed
(no attribute starting with ``_``, no mutation of data), has no loader (no include,
import or extends), fails loudly on an undefined variable, escapes every value, and
refuses the cheap resource bombs: huge ``range``, string multiplication, exponentiation,
padding filters, and loops that outlive a wall-clock budget.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_RANGE = 10_000
MAX_REPEAT_LENGTH = 100_000
DEFAULT_BUDGET_SECONDS = 5.0
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


class DocgenSandbox(ImmutableSandboxedEnvironment):
    """Sandboxed, strict, autoescaping, loader-less Jinja environment."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True, loader=None)
        self.globals.clear()
        self.globals["range"] = _budgeted_range
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_budget()
        if operator == "**":
            raise SecurityError("模板中不允许使用乘方运算")
        for seq, count in ((left, right), (right, left)):
            repeats = isinstance(seq, str | list | tuple) and isinstance(count, int)
            if repeats and len(seq) * count > MAX_REPEAT_LENGTH:
                raise SecurityError("模板中的重复运算结果过大")
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        _check_budget()
        return super().call(context, obj, *args, **kwargs)


@contextlib.contextmanager
def render_budget(seconds: float = DEFAULT_BUDGET_SECONDS) -> Iterator[None]:
    """Bound the wall-clock time of the renders inside the block."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def new_environment() -> DocgenSandbox:
    return DocgenSandbox()
