"""Saved risk queries are data: a .cypher file whose leading `//` comment block holds YAML metadata.

    // ---
    // name: s1_child_at_offender_address
    // title: Child lives at an address an offender uses
    // signal: S1
    // severity: high
    // parameters:
    //   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
    // rationale: ... (review 3.8, 3.12)
    // action: Refer to children's social care (Rec 1)
    // ---
    MATCH ...

The parameters declared there drive the CLI and the explorer's forms; values are always passed as
Cypher parameters, never formatted into the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from errors import ConfigError, QueryError
from queries.statements import FRAGMENTS, STATEMENTS

QUERY_DIR = Path(__file__).resolve().parent
SIGNALS = tuple(f"S{i}" for i in range(1, 15))
SEVERITIES = ("critical", "high", "medium", "low")  # orders results; never hides them


def by_signal(signals: Iterable[str]) -> list[str]:
    """Each signal once, in S1..S14 order (not text order: S2 before S10)."""
    return sorted(set(signals), key=SIGNALS.index)


def worst(severities: Iterable[str]) -> str:
    """The most severe of some flags' severities: what a worklist row is ranked by."""
    return min(severities, key=SEVERITIES.index)


PARAM_TYPES = ("date", "int", "float", "str", "bool")
NEO4J_INTEGERS = range(-(2**63), 2**63)  # Cypher integers are 64-bit: the driver cannot send a larger one
DAYS = range(0, 36_526)  # a `*_days` period: none to a century (a larger one overflows Neo4j's date arithmetic)
DATES = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))  # the span of the records, as the explorer's date picker
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_INCLUDE = re.compile(r"^[ \t]*// include: (\S+)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: Any
    help: str

    def coerce(self, raw: Any) -> Any:
        """The typed value of a CLI or form value; a bad one is a QueryError naming the parameter."""
        if raw is None or raw == "":
            raw = self.default
        if self.type == "date":
            if isinstance(raw, dt.date):
                return raw
            if raw == "today":
                return dt.date.today()
            try:
                day = dt.date.fromisoformat(str(raw))
            except ValueError:
                raise QueryError(f"parameter {self.name}: {raw!r} is not a date (yyyy-mm-dd)") from None
            if not DATES[0] <= day <= DATES[1]:
                raise QueryError(f"parameter {self.name}: {raw!r} is outside {DATES[0]:%Y}-{DATES[1]:%Y}")
            return day
        converters = {"int": int, "float": float, "str": str}
        if self.type == "bool":
            text = str(raw).strip().lower()
            if text not in {"true", "false", "yes", "no", "1", "0"}:
                raise QueryError(f"parameter {self.name}: {raw!r} is not true or false")
            return text in {"true", "yes", "1"}
        try:
            value = converters[self.type](raw)
        except (TypeError, ValueError):
            raise QueryError(f"parameter {self.name}: {raw!r} is not a valid {self.type}") from None
        if self.type == "int" and value not in NEO4J_INTEGERS:
            raise QueryError(f"parameter {self.name}: {raw!r} is out of range for a Neo4j integer (64 bits)")
        if self.type == "int" and self.name.endswith("_days") and value not in DAYS:
            raise QueryError(f"parameter {self.name}: {raw!r} days is not a period from 0 to {DAYS.stop - 1}")
        return value


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    signal: str
    severity: str
    parameters: tuple[Parameter, ...]
    rationale: str
    action: str
    cypher: str
    path: Path

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Every declared parameter with its typed value: given ones coerced, the rest defaulted."""
        known = {p.name for p in self.parameters}
        unknown = sorted(set(given) - known)
        if unknown:
            raise QueryError(
                f"{self.name}: unknown parameter(s) {', '.join(unknown)}; it takes {', '.join(sorted(known))}"
            )
        return {p.name: p.coerce(given.get(p.name)) for p in self.parameters}


def _split(text: str, path: Path) -> tuple[dict[str, Any], str]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "// ---":
        raise ConfigError(f"{path.name}: a saved query starts with a '// ---' metadata block")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "// ---")
    except StopIteration:
        raise ConfigError(f"{path.name}: metadata block is not closed with '// ---'") from None
    meta_text = "\n".join(ln.strip()[3:] if ln.strip().startswith("// ") else ln.strip()[2:] for ln in lines[1:end])
    try:
        meta = yaml.safe_load(meta_text) or {}
    except yaml.YAMLError as e:
        raise ConfigError(f"{path.name}: metadata is not valid YAML: {e}") from e
    return meta, "\n".join(lines[end + 1 :]).strip()


def _spliced(cypher: str, path: Path) -> str:
    """The query with each `// include: <part>` line replaced by that shared part (queries/cypher/): fixed text
    from the repository, never a value, so that S1 and S6 read residence the same way."""

    def part(match: re.Match[str]) -> str:
        if match.group(1) not in FRAGMENTS:
            known = ", ".join(FRAGMENTS)
            raise ConfigError(f"{path.name}: no shared part {match.group(1)!r} (queries/cypher holds {known})")
        return STATEMENTS[match.group(1)].strip()

    return _INCLUDE.sub(part, cypher)


def parse_query(path: Path) -> SavedQuery:
    """Read and check one saved query file; every mistake names the file."""
    meta, cypher = _split(path.read_text(encoding="utf-8"), path)
    cypher = _spliced(cypher, path)
    missing = [k for k in ("name", "title", "signal", "severity", "rationale", "action") if not meta.get(k)]
    if missing:
        raise ConfigError(f"{path.name}: metadata lacks {', '.join(missing)}")
    if meta["name"] != path.stem or not _NAME.match(meta["name"]):
        raise ConfigError(f"{path.name}: name must be the file name in snake_case")
    if meta["signal"] not in SIGNALS or meta["severity"] not in SEVERITIES:
        raise ConfigError(f"{path.name}: signal must be one of S1-S14 and severity one of {', '.join(SEVERITIES)}")
    params = []
    for name, spec in (meta.get("parameters") or {}).items():
        if spec.get("type") not in PARAM_TYPES or "default" not in spec:
            raise ConfigError(f"{path.name}: parameter {name} needs a type ({', '.join(PARAM_TYPES)}) and a default")
        params.append(Parameter(name, spec["type"], spec["default"], spec.get("help", "")))
    if "as_of" not in {p.name for p in params}:
        raise ConfigError(f"{path.name}: every saved query takes an as_of date")
    for p in params:
        if f"${p.name}" not in cypher:
            raise ConfigError(f"{path.name}: parameter {p.name} is declared but not used")
    return SavedQuery(
        meta["name"],
        meta["title"],
        meta["signal"],
        meta["severity"],
        tuple(params),
        " ".join(str(meta["rationale"]).split()),
        " ".join(str(meta["action"]).split()),
        cypher,
        path,
    )


@cache
def load_library(directory: Path = QUERY_DIR) -> dict[str, SavedQuery]:
    """Every saved query, by name, in signal order."""
    queries = [parse_query(p) for p in sorted(directory.glob("s*.cypher"))]
    queries.sort(key=lambda q: (int(q.signal[1:]), q.name))
    return {q.name: q for q in queries}


def get_query(name: str) -> SavedQuery:
    library = load_library()
    if name not in library:
        raise QueryError(f"no saved query named {name!r}; `sightline query list` shows them")
    return library[name]
