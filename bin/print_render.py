"""Print every valid fixture of one docgen tree with that tree's code; SHA-256s as JSON.

bin/print-compare runs this once per tree, in the project's .venv, with ``--tree`` first on
sys.path so that ``docgen`` is that tree's code, templates and fixtures (the engines,
Typst and WeasyPrint, and the fonts are the environment's: the same for both trees). Each
fixture prints as a user's render does, through ``DocumentService.render_each`` with the
register on: as PDF with each engine (the register's stamp at the foot of a letter's
pages) and as DOCX. The stamps are made from the fixture, engine and copy, not drawn at
random nor from the time, and the clock stands at ``--at``: two trees given the same
case print it alike unless their code prints it otherwise.

Written (``--out``): each output's SHA-256 with what the register recorded of it
(template id and hash, layout hash), the SHA-256 of each shared layout file per engine
(``layout_print.shared_files``) and of each built-in layout's module, and the tree's
``SAME_PRINT``. ``--keep DIR`` also writes each file there (for pictures of a difference).
Usage: print_render.py --tree DIR --at ISO-TIME --out FILE [--keep DIR] [--only PATTERN ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib
import json
import pkgutil
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

ENGINES = ("typst", "weasyprint")
# (format, engine): each PDF engine, then DOCX (printed by python-docx, named "docx")
PRINTS = (("pdf", "typst"), ("pdf", "weasyprint"), ("docx", "docx"))
# the packages a render imports from; imported before the clock is set (see _freeze_clock)
RENDER_PACKAGES = ("documents", "docmodel", "domain", "layouts", "pipeline", "register", "render")
_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # the register's alphabet (Crockford's)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stamp_parts(seed: str) -> tuple[str, str]:
    """A document id (20 characters) and verification code (4-4-5) made from ``seed``."""
    digest = hashlib.sha512(seed.encode("utf-8")).digest()  # 64 bytes: 33 characters
    raw = "".join(_BASE32[byte & 31] for byte in digest[:33])
    code = raw[20:]
    return raw[:20], f"{code[:4]}-{code[4:8]}-{code[8:]}"


class Stamps:
    """``Stamp.new`` while one fixture prints: the n-th stamp of ``key`` each time."""

    key = ""
    count = 0

    @classmethod
    def start(cls, key: str) -> None:
        cls.key, cls.count = key, 0

    @classmethod
    def install(cls) -> None:
        from docgen.register import Stamp

        def new(stamp_class: type[Stamp]) -> Stamp:
            cls.count += 1
            return stamp_class(*stamp_parts(f"{cls.key}#{cls.count}"))

        Stamp.new = classmethod(new)  # type: ignore[method-assign,assignment]


def _freeze_clock(moment: dt.datetime) -> None:
    """``datetime.now()`` and ``date.today()`` stand at ``moment`` in every loaded docgen
    module that imported the classes by name (a DOCX's creation time, a letter's date)."""

    class FrozenDatetime(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            return moment.astimezone(tz) if tz else moment.astimezone().replace(tzinfo=None)

        @classmethod
        def today(cls) -> dt.datetime:  # type: ignore[override]
            return cls.now()

    class FrozenDate(dt.date):
        @classmethod
        def today(cls) -> dt.date:  # type: ignore[override]
            return moment.astimezone().date()

    for package in RENDER_PACKAGES:
        root = importlib.import_module(f"docgen.{package}")
        for found in pkgutil.walk_packages(root.__path__, f"docgen.{package}."):
            if ".migrations" not in found.name:
                importlib.import_module(found.name)
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] != "docgen":
            continue
        for attribute, value in list(vars(module).items()):
            if value is dt.datetime:
                setattr(module, attribute, FrozenDatetime)
            elif value is dt.date:
                setattr(module, attribute, FrozenDate)


def fixtures(tree: Path, only: list[str]) -> list[tuple[str, Path]]:
    """Each valid fixture as (``type/name``, path), in name order; with ``only``, those
    matching one of its patterns (``demand_letter/*``)."""
    found = [
        (f"{path.parent.parent.name}/{path.stem}", path)
        for path in sorted(tree.glob("fixtures/*/valid/*.json"))
        if not path.name.endswith(".expect.json")
    ]
    return [(k, p) for k, p in found if not only or any(fnmatch(k, o) for o in only)]


def _relative(path: Path, tree: Path) -> str:
    path = path.resolve()
    return path.relative_to(tree).as_posix() if path.is_relative_to(tree) else str(path)


def layout_files(tree: Path, templates_dir: Path) -> dict[str, Any]:
    """The SHA-256 of each shared layout file per engine and of each layout's module and
    the other layout modules it prints with."""
    from docgen import layouts
    from docgen.render import layout_print

    shared = {
        engine: {
            _relative(path, tree): sha256_file(path) if path.is_file() else None
            for path in layout_print.shared_files(engine, templates_dir)
        }
        for engine in (*ENGINES, "docx")
    }
    sources = {}
    for name in sorted(layouts.LAYOUTS):
        layout = layouts.LAYOUTS[name]
        source = layout.source
        sources[name] = {"path": _relative(source, tree), "sha256": sha256_file(source)}
        # the other layout modules it prints with (a tree before they were recorded: none)
        parts = getattr(layout, "parts", ())
        if parts:
            sources[name]["parts"] = [
                {"path": _relative(part, tree), "sha256": sha256_file(part)} for part in parts
            ]
    return {"shared": shared, "layouts": sources}


def same_print() -> dict[str, list[str]]:
    """The tree's lineage of shared layout files (none before it had one)."""
    try:
        from docgen.pipeline.layout_lineage import SAME_PRINT
    except ImportError:
        return {}
    return {current: list(earlier) for current, earlier in SAME_PRINT.items()}


def print_case(service: Any, key: str, data: Any, keep: Path | None) -> dict[str, Any]:
    """Each copy of one fixture's case in each print, keyed ``type/name@engine``."""
    register = service.scope.stores.register
    type_name = key.partition("/")[0]
    prints: dict[str, Any] = {}
    for fmt, engine in PRINTS:
        where = f"{key}@{engine}"
        Stamps.start(where)
        try:
            options = {"engine": engine} if fmt == "pdf" else {}
            rendered = service.render_each(type_name, json.loads(data), fmt, **options)
        except Exception as exc:  # reported per print; the other prints go on
            prints[where] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        copies = []
        for index, document in enumerate(rendered):
            row = register.get(document.document_id, None) if document.document_id else None
            copies.append(
                {
                    "sha256": hashlib.sha256(document.content).hexdigest(),
                    "template_id": row.template_id if row else None,
                    "template_hash": row.template_hash if row else None,
                    "layout_hash": row.layout_hash if row else None,
                }
            )
            if keep is not None:
                target = keep / f"{where.replace('/', '~')}#{index}.{fmt}"
                target.write_bytes(document.content)
        prints[where] = {"copies": copies}
    return prints


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, required=True)
    parser.add_argument("--at", required=True, help="the clock's time, ISO 8601 with offset")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--only", action="append", default=[], help="type/name pattern")
    args = parser.parse_args()
    tree = args.tree.resolve()
    sys.path.insert(0, str(tree))
    import docgen

    if not Path(docgen.__file__ or "").resolve().is_relative_to(tree):
        sys.exit(f"print_render: docgen was imported from {docgen.__file__}, not {tree}")
    from docgen.config import Settings
    from docgen.services import DocumentService

    _freeze_clock(dt.datetime.fromisoformat(args.at))
    Stamps.install()
    with tempfile.TemporaryDirectory(prefix="print-render-") as data_dir:
        settings = Settings(data_dir=Path(data_dir), register_documents=True)
        service = DocumentService(settings)
        outputs: dict[str, Any] = {}
        inputs = {}
        for key, path in fixtures(tree, args.only):
            data = path.read_text(encoding="utf-8")
            inputs[key] = hashlib.sha256(data.encode("utf-8")).hexdigest()
            outputs.update(print_case(service, key, data, args.keep))
        result = {
            "tree": str(tree),
            "at": args.at,
            "only": args.only,
            "inputs": inputs,
            "outputs": outputs,
            **layout_files(tree, settings.templates_dir),
            "same_print": same_print(),
        }
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
