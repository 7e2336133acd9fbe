"""What bin/print-compare concludes from two trees' prints (bin/print_render.py's JSON).

Each print (``type/name@engine``: a valid fixture as Typst PDF, WeasyPrint PDF or DOCX)
is identical, different, failed in a tree, or not compared (a fixture in one tree only,
or whose case differs between the trees). Each shared layout file and built-in layout
module whose SHA-256 differs between the trees prints the same when every PDF printed
with it in both trees is identical; :func:`entries` then writes what
``docgen/pipeline/layout_lineage.py`` lists for it, so that a reissue accepts documents
issued with the earlier file. DOCX is never reissued: a file only DOCX is printed with
needs no entry.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

IDENTICAL, DIFFERENT, FAILED, NOT_COMPARED = "identical", "different", "failed", "not compared"
PDF_ENGINES = ("typst", "weasyprint")
UNSTAMPED = "#unstamped"  # docgen.pipeline.provenance.UNSTAMPED: a court filing's PDF


@dataclass(frozen=True)
class Outcome:
    """One print compared: ``key`` is ``type/name@engine``; ``detail`` says what differs."""

    key: str
    status: str
    detail: str = ""

    @property
    def engine(self) -> str:
        return self.key.rpartition("@")[2]


@dataclass(frozen=True)
class FileChange:
    """A shared layout file or layout module whose SHA-256 differs (None: not one of
    them in that tree), and the prints made with it in either tree."""

    path: str
    base: str | None
    head: str | None
    kind: str  # "shared" (per engine, layout_print.shared_files) or "layout" (a module)
    dependents: tuple[str, ...]


def compare(base: Mapping[str, Any], head: Mapping[str, Any]) -> list[Outcome]:
    """Each print of either tree, in key order, compared."""
    outcomes = []
    for key in sorted(set(base["outputs"]) | set(head["outputs"])):
        outcomes.append(_compare_one(key, base, head))
    return outcomes


def _compare_one(key: str, base: Mapping[str, Any], head: Mapping[str, Any]) -> Outcome:
    before, after = base["outputs"].get(key), head["outputs"].get(key)
    case = key.rpartition("@")[0]
    if before is None or after is None:
        return Outcome(key, NOT_COMPARED, "only in " + ("head" if before is None else "base"))
    if base["inputs"].get(case) != head["inputs"].get(case):
        return Outcome(key, NOT_COMPARED, "the fixture's case differs")
    sides = (("base", before), ("head", after))
    errors = [f"{name}: {side['error']}" for name, side in sides if "error" in side]
    if errors:
        return Outcome(key, FAILED, "; ".join(errors))
    old = [copy["sha256"] for copy in before["copies"]]
    new = [copy["sha256"] for copy in after["copies"]]
    if len(old) != len(new):
        return Outcome(key, DIFFERENT, f"{len(old)} copies before, {len(new)} after")
    differing = [str(i + 1) for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    if differing:
        return Outcome(key, DIFFERENT, f"copy {', '.join(differing)} of {len(old)}")
    return Outcome(key, IDENTICAL)


def layout_of(template_id: str | None) -> tuple[str, str] | None:
    """(layout, engine) of a registered ``layouts/<name>.py@<engine>`` id, else None."""
    if not template_id or not template_id.startswith("layouts/"):
        return None
    template_id = template_id.removesuffix(UNSTAMPED)
    name, _, engine = template_id.removeprefix("layouts/").rpartition("@")
    return name.removesuffix(".py"), engine


def _printed_with(trees: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Each layout's name -> the prints made from it in any of ``trees``."""
    users: dict[str, set[str]] = {}
    for tree in trees:
        for key, printed in tree["outputs"].items():
            for copy in printed.get("copies", ()):
                layout = layout_of(copy.get("template_id"))
                if layout is not None:
                    users.setdefault(layout[0], set()).add(key)
    return users


def changes(base: Mapping[str, Any], head: Mapping[str, Any]) -> list[FileChange]:
    """The shared layout files (of any engine) and the layout modules that differ."""
    keys = set(base["outputs"]) | set(head["outputs"])
    found: dict[str, FileChange] = {}
    for engine in sorted(set(base["shared"]) | set(head["shared"])):
        old, new = base["shared"].get(engine, {}), head["shared"].get(engine, {})
        for path in sorted(set(old) | set(new)):
            if old.get(path) == new.get(path):
                continue
            users = {key for key in keys if key.endswith(f"@{engine}")}
            if path in found:  # a file more than one engine prints with (blocks.py)
                users |= set(found[path].dependents)
            found[path] = FileChange(path, old.get(path), new.get(path), "shared", tuple(users))
    users_of = _printed_with((base, head))
    modules: dict[str, tuple[dict[str, str | None], set[str]]] = {}
    for side, tree in (("base", base), ("head", head)):
        for name, source in tree["layouts"].items():
            # a module printed by several layouts (one's own, the others' part) is one
            for part in (source, *source.get("parts", ())):
                shas, users = modules.setdefault(part["path"], ({}, set()))
                shas[side] = part["sha256"]
                users |= users_of.get(name, set())
    for path, (shas, users) in sorted(modules.items()):
        if shas.get("base") != shas.get("head") and path not in found:
            found[path] = FileChange(
                path, shas.get("base"), shas.get("head"), "layout", tuple(users)
            )
    return [
        FileChange(c.path, c.base, c.head, c.kind, tuple(sorted(c.dependents)))
        for c in sorted(found.values(), key=lambda c: (c.kind != "shared", c.path))
    ]


SAME, NOT_NEEDED, NOT_SAME = "same print", "no entry needed", "NOT shown to print the same"


@dataclass(frozen=True)
class Verdict:
    """What the prints say of one changed file: ``status`` SAME when each of its PDFs
    compared is identical (``proof``: how many, per engine) and the file is in both trees;
    NOT_NEEDED when only DOCX is printed with it (a DOCX is never reissued)."""

    change: FileChange
    status: str
    reason: str
    proof: dict[str, int]

    @property
    def same_print(self) -> bool:
        return self.status == SAME


def judge(change: FileChange, outcomes: Mapping[str, Outcome]) -> Verdict:
    pdfs = [outcomes[key] for key in change.dependents if outcomes[key].engine in PDF_ENGINES]
    compared = [o for o in pdfs if o.status != NOT_COMPARED]
    proof: dict[str, int] = {}
    for outcome in compared:
        if outcome.status == IDENTICAL:
            proof[outcome.engine] = proof.get(outcome.engine, 0) + 1
    bad = [o for o in compared if o.status != IDENTICAL]
    if change.base is None or change.head is None:
        side = "base" if change.base is None else "head"
        return Verdict(change, NOT_SAME, f"not printed with in {side}: no entry spans it", proof)
    if not pdfs:
        return Verdict(change, NOT_NEEDED, "only DOCX is printed with it", proof)
    if bad:
        return Verdict(change, NOT_SAME, f"{len(bad)} of its {len(compared)} PDFs differ", proof)
    if not compared:
        return Verdict(change, NOT_SAME, "none of its PDFs could be compared", proof)
    return Verdict(change, SAME, f"its {len(compared)} PDFs identical", proof)


def earlier_versions(
    verdict: Verdict, base_lineage: Mapping[str, Any], head_lineage: Mapping[str, Any]
) -> list[str]:
    """The file's earlier SHA-256s that print as its current one: the base version, the
    versions the base tree listed for it, and those the head tree lists already."""
    base, head = verdict.change.base or "", verdict.change.head or ""
    versions = [base, *base_lineage.get(base, ()), *head_lineage.get(head, ())]
    return list(dict.fromkeys(v for v in versions if v and v != head))


def entry(verdict: Verdict, earlier: list[str], when: str, base_label: str) -> str:
    """A ``SAME_PRINT`` entry, ready to paste into the dict (4 spaces in)."""
    proof = ", ".join(f"{count} {engine}" for engine, count in sorted(verdict.proof.items()))
    comment = (
        f"{verdict.change.path}, {when}: prints as at {base_label} (each valid fixture's "
        f"PDF, stamped, identical before and after: {proof}; bin/print-compare)"
    )
    lines = [f"    # {line}" for line in textwrap.wrap(comment, width=90, break_on_hyphens=False)]
    lines.append(f'    "{verdict.change.head}": (')
    lines += [f'        "{sha}",' for sha in earlier]
    lines.append("    ),")
    return "\n".join(lines)


def entries(
    verdicts: Iterable[Verdict],
    trees: tuple[Mapping[str, Any], Mapping[str, Any]],
    when: str,
    base_label: str,
) -> tuple[list[str], list[str]]:
    """The entries to paste (a file whose head version the head tree does not yet list
    with every earlier version) and the files whose entry is listed already."""
    base_lineage, head_lineage = trees[0].get("same_print", {}), trees[1].get("same_print", {})
    new, listed = [], []
    for verdict in verdicts:
        if not verdict.same_print:
            continue
        earlier = earlier_versions(verdict, base_lineage, head_lineage)
        if set(earlier) <= set(head_lineage.get(verdict.change.head, ())):
            listed.append(verdict.change.path)
        else:
            new.append(entry(verdict, earlier, when, base_label))
    return new, listed


def report(
    trees: tuple[Mapping[str, Any], Mapping[str, Any]], labels: tuple[str, str], when: str
) -> tuple[str, int]:
    """The comparison as text, and the exit status: 0 when each print compared is
    identical, 1 when one differs or fails."""
    outcomes = compare(*trees)
    by_key = {outcome.key: outcome for outcome in outcomes}
    counts = {status: 0 for status in (IDENTICAL, DIFFERENT, FAILED, NOT_COMPARED)}
    for outcome in outcomes:
        counts[outcome.status] += 1
    cases = len(set(trees[0]["inputs"]) | set(trees[1]["inputs"]))
    lines = [
        f"base: {labels[0]}",
        f"head: {labels[1]}",
        f"{cases} valid fixtures, each as Typst PDF, WeasyPrint PDF and DOCX: "
        + ", ".join(f"{count} {status}" for status, count in counts.items()),
    ]
    for outcome in outcomes:
        if outcome.status != IDENTICAL:
            lines.append(f"  {outcome.status:<12} {outcome.key}  {outcome.detail}")
    status = 1 if counts[DIFFERENT] or counts[FAILED] else 0
    verdicts = [judge(change, by_key) for change in changes(*trees)]
    lines.append("")
    lines.append(f"Shared layout files and layout modules changed: {len(verdicts)}")
    for verdict in verdicts:
        change = verdict.change
        shas = f"{(change.base or '-')[:12]} -> {(change.head or '-')[:12]}"
        lines.append(f"  {change.path}  {shas}  {verdict.status}: {verdict.reason}")
    if any(tree.get("only") for tree in trees):
        lines.append("  (some fixtures only: no SAME_PRINT entry is written)")
        return "\n".join(lines), status
    new, listed = entries(verdicts, trees, when, labels[0])
    for path in listed:
        lines.append(f"  SAME_PRINT lists {path}'s earlier versions already: confirmed")
    if new:
        lines.append("")
        lines.append("Ready to paste into SAME_PRINT (docgen/pipeline/layout_lineage.py):")
        lines += new
    return "\n".join(lines), status


__all__ = [
    "DIFFERENT",
    "FAILED",
    "IDENTICAL",
    "NOT_COMPARED",
    "NOT_NEEDED",
    "NOT_SAME",
    "SAME",
    "FileChange",
    "Outcome",
    "Verdict",
    "changes",
    "compare",
    "entries",
    "entry",
    "judge",
    "layout_of",
    "report",
]
