"""A case with required values missing, judged as far as what is filled in allows.

Such a case does not parse, so its type's rules cannot run on it as it is, and a
paralegal would see only 「必填项」 until every required field is filled, then the date
order or the amount total wrong. Instead each missing value is stood in for by the value
a valid sample case of the type has at that place, or, where no sample has one (an install
without the sample cases, a place every sample leaves empty), by a neutral value the
model's schema allows (:mod:`docgen.pipeline.schema_stand_ins`). The rules run three
times or more: with those values, then with every stand-in changed (its dates 20 years
earlier or later, its amounts and counts three or seven times as large, a yes turned to
no, another sample's or the schema's choice, a name made longer). What the rules find
(and compute) the same in every run does not hang on any stand-in: it is the case's own.
What they find at or inside a stand-in is about a value nobody typed, and is dropped.

A place nothing can fill (a root-level refusal) leaves the case to its schema errors
alone.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from docgen.documents.problems import Loc, from_validation_error
from docgen.pipeline.schema_stand_ins import candidates, choices

YEARS = (0, -20, 20)
"""How far the stand-ins' dates move in each run: the samples' own, then earlier, later."""
SCALES = (1, 3, 7)
"""What the stand-ins' amounts and counts are multiplied by in each run."""
_ROUNDS = 8  # filling one place can uncover another (a row's own required fields)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_AMOUNT = re.compile(r"^\d+\.\d+$")  # not an ID or phone number: those have no point
_NOTHING = object()
_OTHER_SAMPLES = 3  # runs with other samples' values, at most


@dataclass
class StandIns:
    """The case as each run reads it, and where the stand-ins are."""

    runs: list[dict[str, Any]]
    """The case data of each run: the samples' values first (it parses), then the others."""
    placed: list[Loc]
    """The places holding a stand-in, each no place inside another."""
    model: type[BaseModel]
    samples: list[dict[str, Any]]

    def under(self, loc: Loc) -> bool:
        """Whether ``loc`` is a stand-in's place or inside one."""
        return any(loc[: len(p)] == p for p in self.placed)

    def alone(self, loc: Loc) -> list[dict[str, Any]]:
        """The first run's case with only the stand-in at ``loc`` changed, each way the
        first changed runs change it (earlier and smaller, later and larger)."""
        return [_varied(self.model, self.runs[0], [loc], self.samples, k) for k in (1, 2)]


def sample_cases(folder: Path) -> list[dict[str, Any]]:
    """The valid sample cases in ``folder`` (a type's ``valid`` fixtures), read once per
    version of the files."""
    if not folder.is_dir():
        return []
    paths = sorted(p for p in folder.glob("*.json") if not p.name.endswith(".expect.json"))
    signature = tuple((str(p), p.stat().st_mtime_ns) for p in paths)
    return _read_samples(signature)


@functools.lru_cache(maxsize=64)
def _read_samples(signature: tuple[tuple[str, int], ...]) -> list[dict[str, Any]]:
    cases = []
    for path, _ in signature:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        if isinstance(data, dict):
            cases.append(data)
    return cases


def stand_in(
    model: type[BaseModel],
    data: dict[str, Any],
    samples: list[dict[str, Any]],
    at: list[Loc] | None = None,
) -> StandIns | None:
    """``data`` (its refused values already taken out) with each missing value stood in
    for, in several runs; None when some place cannot be filled. The places ``at`` (the
    refused optional values, for a calculation that must not run without them) get a
    stand-in too where a sample or the schema has a value there."""
    filled = copy.deepcopy(data)
    tried: dict[Loc, list[str]] = {}
    for loc in sorted(set(at or ()), key=len):  # a place inside another is filled with it
        if not loc or any(loc[: len(p)] == p for p in tried):
            continue
        value = _next_candidate(model, filled, samples, loc, tried.setdefault(loc, []))
        if value is _NOTHING:
            del tried[loc]
        else:
            _put(filled, loc, value)
    for _ in range(_ROUNDS):
        errors = _error_locs(model, filled)
        if not errors:
            placed = list(tried)
            others = max((len(_distinct(model, samples, loc, filled)) for loc in placed), default=0)
            changed = range(1, 3 + min(others, _OTHER_SAMPLES))
            runs = [filled] + [_varied(model, filled, placed, samples, k) for k in changed]
            return StandIns(runs, placed, model, samples)
        for target in _targets(errors, tried):
            if not target:
                return None  # the case as a whole: nothing of it would be left
            for inner in [p for p in tried if p != target and p[: len(target)] == target]:
                del tried[inner]
            value = _next_candidate(model, filled, samples, target, tried.setdefault(target, []))
            if value is _NOTHING:
                return None
            _put(filled, target, value)
    return None


def _error_locs(model: type[BaseModel], data: dict[str, Any]) -> list[Loc]:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [p.loc for p in from_validation_error(exc, model)]
    return []


def _targets(errors: list[Loc], tried: dict[Loc, list[str]]) -> list[Loc]:
    """Where to put a (next) stand-in for each error: the stand-in it is inside, if any."""
    out: list[Loc] = []
    for loc in errors:
        target = next((p for p in tried if loc[: len(p)] == p), loc)
        if target not in out:
            out.append(target)
    return out


def _next_candidate(
    model: type[BaseModel],
    data: dict[str, Any],
    samples: list[dict[str, Any]],
    loc: Loc,
    tried: list[str],
) -> Any:
    """The first value not tried at ``loc`` yet: the samples' values there, then the
    values the model's schema allows there, each made acceptable in place."""
    for value in _sample_values(samples, loc):
        if _fresh(value, tried):
            return copy.deepcopy(value)
    for value in candidates(model, data, loc):
        if _fresh(value, tried):
            settled = _settled(model, data, loc, value)
            if settled is not _NOTHING:
                return settled
    return _NOTHING


def _fresh(value: Any, tried: list[str]) -> bool:
    """Whether ``value`` is not among ``tried`` (then it is now)."""
    key = json.dumps(value, sort_keys=True, ensure_ascii=False)
    if key in tried:
        return False
    tried.append(key)
    return True


def _settled(model: type[BaseModel], data: dict[str, Any], loc: Loc, value: Any) -> Any:
    """``value`` at ``loc`` of ``data``, each part of it the model refuses there (a phone
    number's shape, a check character: what the schema does not say) given the schema's
    next value; _NOTHING when the model refuses ``value`` itself or a part runs out."""
    work = copy.deepcopy(data)
    _put(work, loc, value)
    tried: dict[Loc, list[str]] = {}
    for _ in range(_ROUNDS):
        inner = [e for e in _error_locs(model, work) if e[: len(loc)] == loc]
        if not inner:
            return _get(work, loc)
        for place in dict.fromkeys(inner):
            if place == loc:
                return _NOTHING
            seen = tried.setdefault(place, [])
            current = _get(work, place)
            if current is not _NOTHING:
                _fresh(current, seen)  # refused there: not to be tried again
            nxt = next((v for v in candidates(model, work, place) if _fresh(v, seen)), _NOTHING)
            if nxt is _NOTHING:
                return _NOTHING
            _put(work, place, nxt)
    return _NOTHING


def _sample_values(samples: list[dict[str, Any]], loc: Loc) -> list[Any]:
    """Each sample's value at ``loc``; a row the sample lacks is read from its first row."""
    values = []
    for sample in samples:
        value = _get(sample, loc, any_row=True)
        if value is not _NOTHING:
            values.append(value)
    return values


def _get(data: Any, loc: Loc, *, any_row: bool = False) -> Any:
    node = data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int):
            if part >= len(node):
                if not (any_row and node):
                    return _NOTHING
                part = 0
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        else:
            return _NOTHING
    return node


def _put(data: Any, loc: Loc, value: Any) -> None:
    node = data
    for part, following in itertools.pairwise(loc):
        child = _get(node, (part,))
        if not isinstance(child, dict | list):
            child = [] if isinstance(following, int) else {}
            _set(node, part, child)
        node = child
    _set(node, loc[-1], value)


def _set(node: Any, part: str | int, value: Any) -> None:
    if isinstance(node, list) and isinstance(part, int):
        while len(node) <= part:
            node.append({})
        node[part] = value
    elif isinstance(node, dict):
        node[part] = value


# --- the other runs ----------------------------------------------------------------------


def _varied(
    model: type[BaseModel],
    base: dict[str, Any],
    places: list[Loc],
    samples: list[dict[str, Any]],
    run: int,
) -> dict[str, Any]:
    """``base`` with the stand-in at each of ``places`` changed as run ``run`` changes it;
    a change the model refuses is taken back (the next one is tried first)."""
    data = copy.deepcopy(base)
    for loc in places:
        original = _get(base, loc)
        for candidate in _changes(original, run, _others(model, base, samples, loc)):
            _put(data, loc, candidate)
            if not _error_locs(model, data):
                break
        else:
            _put(data, loc, copy.deepcopy(original))
        if run <= 2:
            _lengthen_texts(model, data, base, loc, run)
    return data


def _lengthen_texts(
    model: type[BaseModel], data: dict[str, Any], base: dict[str, Any], loc: Loc, run: int
) -> None:
    """Each text inside the group standing in at ``loc`` that the change left as it was
    (no other sample's group there) made longer, where the model takes it (not a choice,
    a phone number, a code): a rule comparing it with the case's own text (an account
    holder's name with the creditor's) must not find the same in every run."""
    for leaf in _texts_in(_get(data, loc), loc):
        text = _get(data, leaf)
        if leaf == loc or text != _get(base, leaf) or _DATE.match(text) or _AMOUNT.match(text):
            continue
        _put(data, leaf, text + "乙" * run)
        if _error_locs(model, data):
            _put(data, leaf, text)


def _texts_in(value: Any, loc: Loc) -> list[Loc]:
    """The places of the texts in ``value`` (at ``loc``), in groups and rows too."""
    if isinstance(value, str):
        return [loc]
    if isinstance(value, dict):
        return [leaf for key, child in value.items() for leaf in _texts_in(child, (*loc, key))]
    if isinstance(value, list):
        return [leaf for i, child in enumerate(value) for leaf in _texts_in(child, (*loc, i))]
    return []


def _others(
    model: type[BaseModel], base: dict[str, Any], samples: list[dict[str, Any]], loc: Loc
) -> list[Any]:
    """What else may stand at ``loc``: the samples' values there, then the other choices
    the schema offers (so that a choice every sample shares is changed too)."""
    return _sample_values(samples, loc) + choices(model, base, loc)


def _distinct(
    model: type[BaseModel], samples: list[dict[str, Any]], loc: Loc, base: dict[str, Any]
) -> list[Any]:
    """The other values than the one standing in at ``loc`` (see :func:`_others`)."""
    value = _get(base, loc)
    out: list[Any] = []
    for other in _others(model, base, samples, loc):
        if other != value and other not in out:
            out.append(other)
    return out


def _changes(value: Any, run: int, others: list[Any]) -> list[Any]:
    """What the stand-in ``value`` may become in run ``run``: in the first two, its dates,
    amounts and yes-or-no changed (or another sample's value, or a name made longer);
    in the later ones, another sample's value, each run the next (a list of property
    leads of other kinds, another choice), so that a rule reading what the stand-in says
    finds something else."""
    distinct = [o for o in others if o != value]
    if run > 2:
        return [copy.deepcopy(distinct[run - 3])] if run - 3 < len(distinct) else []
    out = []
    for dates, numbers in ((True, True), (True, False), (False, True)):
        changed = _shifted(value, run, dates=dates, numbers=numbers)
        if changed != value:
            out.append(changed)
    if distinct:
        out.append(copy.deepcopy(distinct[(run - 1) % len(distinct)]))
    if isinstance(value, str) and not _DATE.match(value):
        out.append(value + "乙" * run)
    return out


def _shifted(value: Any, run: int, *, dates: bool, numbers: bool) -> Any:
    """``value`` with its dates moved and its amounts and counts scaled, and a yes or no
    turned round (in dicts and lists too)."""
    if isinstance(value, dict):
        return {k: _shifted(v, run, dates=dates, numbers=numbers) for k, v in value.items()}
    if isinstance(value, list):
        return [_shifted(v, run, dates=dates, numbers=numbers) for v in value]
    if isinstance(value, bool):
        return not value if numbers else value
    if isinstance(value, int | float) and numbers:
        return value * SCALES[run]
    if isinstance(value, str) and dates and _DATE.match(value):
        return _moved(value, YEARS[run])
    if isinstance(value, str) and numbers and _AMOUNT.match(value):
        try:
            return str(Decimal(value) * SCALES[run])
        except InvalidOperation:
            return value
    return value


def _moved(text: str, years: int) -> str:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    year = day.year + years
    # 29 February of a year without one is the 28th
    return day.replace(year=year, day=min(day.day, 28 if day.month == 2 else day.day)).isoformat()
