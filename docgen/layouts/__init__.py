"""Built-in documents declared once: one module per type builds its blocks
(``docgen.docmodel.blocks``) from the case's template context; the writers print them to
DOCX, PDF and HTML. A type is printed from its layout unless a firm's uploaded template
is active for it. A type with several layouts (variants) has one per layout, named
``<type>:<layout>``.

Each type declares its layouts (``DocumentType.layouts``: the layout -> its build
function as ``"module:function"``); :data:`LAYOUTS` serves them by name. This package
knows no document type (the renderers read it): the registry of document types tells it
where to find the declarations (:func:`declared_by`), and a layout's module is imported
the first time the layout is asked for.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from docgen.docmodel.blocks import Document
from docgen.layouts.common import Context

Declarations = Callable[[], Iterable[tuple[str, Mapping[str, str]]]]
"""Each type's name and the layouts it declares (layout -> ``"module:function"``)."""


@dataclass(frozen=True)
class Layout:
    """A type's layout: ``name`` (the type's), its builder, the module that holds its
    words and ``parts``, the other layout modules it prints with (what its module imports
    from them, :func:`parts_of`); its version is the hash of these files."""

    name: str
    build: Callable[[Context], Document]
    source: Path
    parts: tuple[Path, ...] = ()

    @property
    def files(self) -> tuple[Path, ...]:
        """The module and the layout modules it prints with: the layout's version."""
        return (self.source, *self.parts)


def name_for(type_name: str, variant: str = "") -> str:
    """The name of the layout a case of ``type_name`` in layout ``variant`` prints from
    ("" for a type with one layout)."""
    return f"{type_name}:{variant}" if variant else type_name


def resolve(name: str, target: str) -> Layout:
    """The layout ``name`` built by ``target`` (``"docgen.layouts.x:build"``)."""
    module_name, _, function = target.partition(":")
    module = importlib.import_module(module_name)
    build: Callable[[Context], Document] = getattr(module, function)
    source = Path(module.__file__ or "")
    return Layout(name, build, source, parts_of(source))


def parts_of(source: Path) -> tuple[Path, ...]:
    """The layout modules (besides ``common``, the shared blocks: :data:`SHARED`) that the
    layout module ``source`` imports, directly or through another, in name order: a
    change to one changes what the layout prints, so it is part of its version (the
    settlement agreement prints with the installment agreement's pieces)."""
    found: set[Path] = set()
    pending = [source]
    while pending:
        tree = ast.parse(pending.pop().read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = (node.module or "") if isinstance(node, ast.ImportFrom) else ""
            if module.startswith(_PACKAGE):
                path = Path(__file__).with_name(f"{module.removeprefix(_PACKAGE)}.py")
                if path not in found and path not in (source, SHARED):
                    found.add(path)
                    pending.append(path)
    return tuple(sorted(found))


class _Layouts(MutableMapping[str, Layout]):
    """The layouts by name: each type's declared ones, imported when first asked for.

    Layouts set here (tests put their own in) stand in front of the declared ones."""

    def __init__(self) -> None:
        self._declarations: Declarations | None = None
        self._found: dict[str, Layout] = {}

    def _declared(self) -> dict[str, str]:
        if self._declarations is None:
            # an empty answer would send a built-in type to template files it lacks
            raise LookupError("the layouts are declared by the document types, not loaded yet")
        return {
            name_for(type_name, variant): target
            for type_name, declared in self._declarations()
            for variant, target in declared.items()
        }

    def __getitem__(self, name: str) -> Layout:
        if name not in self._found:
            target = self._declared().get(name)
            if target is None:
                raise KeyError(name)
            self._found[name] = resolve(name, target)
        return self._found[name]

    def __setitem__(self, name: str, layout: Layout) -> None:
        self._found[name] = layout

    def __delitem__(self, name: str) -> None:
        del self._found[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self._declared()), **dict.fromkeys(self._found)})

    def __len__(self) -> int:
        return len({*self._declared(), *self._found})


LAYOUTS = _Layouts()
SHARED = Path(__file__).with_name("common.py")
"""The shared blocks every layout uses (part of each layout's version)."""
_PACKAGE = "docgen.layouts."


def declared_by(declarations: Declarations) -> None:
    """Where the types' layout declarations come from (the registry of document types)."""
    LAYOUTS._declarations = declarations


def get(name: str) -> Layout | None:
    return LAYOUTS.get(name)


__all__ = [
    "LAYOUTS",
    "SHARED",
    "Layout",
    "declared_by",
    "get",
    "name_for",
    "parts_of",
    "resolve",
]
