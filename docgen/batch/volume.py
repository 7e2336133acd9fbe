"""One print volume written with qpdf (pikepdf), in a child process of its own.

qpdf holds every page of a volume it writes in memory: some 120 MB for 500 letters of
64 KB each (each letter carries its own font subsets). Written in the worker, that memory
would stay with the worker process (the allocator keeps what it freed) for every chunk it
renders afterwards; a child process gives it back when it exits. The child imports only
this module and pikepdf.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Letters = list[tuple[dict[str, Any], str]]


def page_starts(
    name: str, batch: Letters, with_address: bool, starts: dict[str, tuple[str, int]]
) -> int:
    """Where each letter of a volume will start, as :func:`write_volume` places it (each
    letter, and its address page, on an odd page); return the volume's page count.

    Known before the volume is written, so the manifest can be written meanwhile."""
    pages = 0
    for letter, _code in batch:
        pages += pages % 2  # a blank page before a letter that would start on an even one
        starts[letter["letter_id"]] = (name, pages + 1)
        if with_address:
            pages += 2  # the address page and the blank behind it
        pages += int(letter["pdf"]["pages"])
    return pages


@dataclass
class Volume:
    """One volume to write: its file name, letters and address pages, and the size and
    first pages :func:`page_starts` planned for it."""

    name: str
    batch: Letters
    addresses: bytes | None
    pages: int
    starts: dict[str, tuple[str, int]]  # letter id -> (this volume, first page), planned


@dataclass
class VolumeWriter:
    """Writes volumes one after the other in a thread of their own (each in its child
    process), while the caller writes the manifests: a finishing run waits for the longer
    of the two instead of both. One child at a time keeps memory to one volume's."""

    folder: Path
    _thread: threading.Thread | None = None
    _error: BaseException | None = None
    _volumes: list[Volume] = field(default_factory=list)

    def start(self, volumes: list[Volume]) -> None:
        self._volumes = volumes
        self._thread = threading.Thread(target=self._write_all, name="print-volumes")
        self._thread.start()

    def _write_all(self) -> None:
        try:
            for vol in self._volumes:
                written: dict[str, tuple[str, int]] = {}
                pages = write_apart(self.folder, vol.name, vol.batch, vol.addresses, written)
                if (pages, written) != (vol.pages, vol.starts):
                    raise RuntimeError(f"print volume {vol.name} is not laid out as planned")
        except BaseException as exc:  # handed to the caller by wait()
            self._error = exc

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def wait(self) -> list[dict[str, Any]]:
        """The volumes' facts once all are written (or the first failure, raised)."""
        self.join()
        if self._error is not None:
            raise self._error
        return [
            {"file": vol.name, "letters": len(vol.batch), "pages": vol.pages}
            for vol in self._volumes
        ]


def write_apart(
    folder: Path,
    name: str,
    batch: Letters,
    addresses: bytes | None,
    starts: dict[str, tuple[str, int]],
) -> int:
    """:func:`write_volume` in a child process; the same result and ``starts``."""
    address_file = None
    if addresses is not None:
        address_file = folder / (name + ".addresses.part")
        address_file.write_bytes(addresses)
    order = {"folder": str(folder), "name": name, "batch": batch}
    order["addresses"] = str(address_file) if address_file is not None else ""
    # the child imports this checkout's docgen, whatever the interpreter has installed
    here = str(Path(__file__).resolve().parents[2])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")])),
    }
    try:
        done = subprocess.run(
            [sys.executable, "-m", "docgen.batch.volume"],
            input=json.dumps(order, ensure_ascii=False).encode("utf-8"),
            capture_output=True,
            check=False,
            env=env,
        )
    finally:
        if address_file is not None:
            address_file.unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"print volume {name} failed: {done.stderr.decode(errors='replace')}")
    result = json.loads(done.stdout)
    starts.update({key: (file, first) for key, (file, first) in result["starts"].items()})
    return int(result["pages"])


def write_volume(
    folder: Path,
    name: str,
    batch: Letters,
    addresses: bytes | None,
    starts: dict[str, tuple[str, int]],
) -> int:
    """Write one print volume with qpdf (pikepdf); return its page count.

    Pages are copied from the print parts the workers kept; qpdf copies what the pages of
    one source share (a WeasyPrint chunk's font subsets) once per volume; a Typst part
    holds the letters' own pages, each with its own subsets. qpdf keeps the objects in
    C++: a 500-letter volume takes about a quarter of the time pypdf needed and somewhat
    less memory (measured with shared subsets: 0.14 s and 24 MB against 0.6 s and 37–39
    MB; with the letters' own, 0.4–0.5 s and some 120 MB for a 31 MB volume).
    """
    import pikepdf

    volume = pikepdf.new()
    sources: dict[str, pikepdf.Pdf] = {}
    try:
        address_pdf = pikepdf.open(io.BytesIO(addresses)) if addresses is not None else None
        if address_pdf is not None:
            sources[""] = address_pdf

        def blank() -> None:
            box = volume.pages[-1].mediabox
            volume.add_blank_page(page_size=(float(box[2] - box[0]), float(box[3] - box[1])))

        for n, (letter, _code) in enumerate(batch):
            if len(volume.pages) % 2:
                blank()
            starts[letter["letter_id"]] = (name, len(volume.pages) + 1)
            if address_pdf is not None:
                volume.pages.append(address_pdf.pages[n])
                blank()
            entry = letter["pdf"]
            part = entry.get("print")
            if part is not None and (folder / part["file"]).exists():
                source = sources.get(part["file"])
                if source is None:
                    source = sources[part["file"]] = pikepdf.open(folder / part["file"])
                pages = source.pages[part["first"] : part["first"] + part["pages"]]
            else:  # rendered on its own after its chunk failed: its own file
                source = sources[entry["file"]] = pikepdf.open(folder / entry["file"])
                pages = list(source.pages)
            volume.pages.extend(pages)
        tmp = folder / (name + ".part")
        volume.save(tmp, deterministic_id=True)
        os.replace(tmp, folder / name)
        return len(volume.pages)
    finally:
        volume.close()
        for source in sources.values():
            source.close()


def main() -> None:
    order = json.loads(sys.stdin.buffer.read())
    folder = Path(order["folder"])
    addresses = Path(order["addresses"]).read_bytes() if order["addresses"] else None
    batch = [(letter, code) for letter, code in order["batch"]]
    starts: dict[str, tuple[str, int]] = {}
    pages = write_volume(folder, order["name"], batch, addresses, starts)
    sys.stdout.write(json.dumps({"pages": pages, "starts": starts}))


if __name__ == "__main__":
    main()
