"""Convert DOCX files to PDF and to UTF-8 text with one LibreOffice, loading each file once.

``soffice --convert-to`` takes one target format per run, so PDF and text took two runs,
each opening every file again. This script starts one headless soffice with a UNO
listener and stores each loaded document twice, with the filters ``--convert-to pdf`` and
``--convert-to "txt:Text (encoded):UTF8"`` use. It needs LibreOffice's ``uno`` module,
which only the system python has (python3-uno, installed by ``bin/bootstrap --dev``)::

    /usr/bin/python3 tests/soffice_convert.py SOFFICE PROFILE_URL OUTDIR FILE.docx...

writes ``OUTDIR/pdf/NAME.pdf`` and ``OUTDIR/txt/NAME.txt`` for each ``NAME.docx``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

TARGETS = (
    ("pdf", "writer_pdf_Export", ""),
    ("txt", "Text (encoded)", "UTF8"),
)


def _props(**values: object) -> tuple[object, ...]:
    props = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        props.append(prop)
    return tuple(props)


def _desktop(process: subprocess.Popen[bytes], pipe: str) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            remote = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"soffice did not start (exit status {process.poll()})") from None
            time.sleep(0.1)
    return remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)


def _store(desktop: Any, source: Path, out: Path) -> None:
    """Store ``source`` in each target format; a file LibreOffice cannot open or store is
    reported and left without output, as ``--convert-to`` does, so that the test of that
    file fails and names it while the others still run."""
    url = uno.systemPathToFileUrl(str(source))
    try:
        doc = desktop.loadComponentFromURL(url, "_blank", 0, _props(Hidden=True))
    except Exception as exc:
        print(f"cannot open {source}: {exc}", file=sys.stderr)
        return
    if doc is None:
        print(f"cannot open {source}", file=sys.stderr)
        return
    try:
        for folder, filter_name, options in TARGETS:
            target = uno.systemPathToFileUrl(str(out / folder / f"{source.stem}.{folder}"))
            doc.storeToURL(target, _props(FilterName=filter_name, FilterOptions=options))
    except Exception as exc:
        print(f"cannot store {source}: {exc}", file=sys.stderr)
    finally:
        doc.close(True)


def main(soffice: str, profile: str, outdir: str, *files: str) -> None:
    out = Path(outdir).resolve()
    for folder, _filter, _options in TARGETS:
        (out / folder).mkdir(parents=True, exist_ok=True)
    pipe = f"docgen-tests-{os.getpid()}"
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    process = subprocess.Popen([*command, f"--accept=pipe,name={pipe};urp;"])
    try:
        desktop = _desktop(process, pipe)
        for name in files:
            _store(desktop, Path(name).resolve(), out)
        # the bridge may drop before soffice answers that it is ending
        with contextlib.suppress(Exception):
            desktop.terminate()
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


if __name__ == "__main__":
    main(*sys.argv[1:])
