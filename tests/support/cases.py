"""The hand-written family chronologies of tests/cases/ (issue 11): read a case, load and link it, replay it.

A case is a folder `tests/cases/NN_slug/` holding the agencies' exports (canonical CSV files, and other
exports with their YAML mappings under `mappings/`), a README and `expected.yaml`:

    as_of: 2021-06-30                      # the end of the records
    expect:                                # what the saved queries should raise, and from when
      - signal: S5
        child: ["nhs:9990012347", "upn:H1"]   # record keys of the child: any one is enough ([] = no child,
                                              # then `evidence` names the triggering record)
        offender: "police:N1"                 # record key of the person of concern
        knowable: 2016-05-12                  # the first day the records, read together, show it
        evidence: "health_births:B1"          # optional: a source record the flag must cite
        agency: "SCH1"                        # optional: an agency the flag must list (S6: the one not told)
        why: birth record names him as father; he is under notification
        known_gap: "class 4: ..."             # only while today's queries do not meet it on the day
    decoys:                                # what must never be raised
      - signal: S3
        who: "police-assoc:A2"                # a record key the flag must not name (child, subject or person)
        evidence: "police_associates:A2"      # or: a source record the flag must not cite
        agency: "NUR1"                        # optional, with who: ... while listing this agency
        since: 2019-02-12                     # optional: checked only on days from this one
        query: s8_travel_not_notified         # optional: only this saved query must not raise it
        why: she was told of his conviction
    distinct:                              # records linkage must keep apart (twins, a namesake)
      - records: ["nhs:9990012347", "nhs:9990012355"]
        why: twins, two NHS numbers
    explanation_gaps:                      # class 9 faults of today's queries, each still present
      - signal: S2
        child: "nhs:9990012355"
        known_gap: "class 9: ..."

Replay rules (tests/test_cases.py): every saved query runs on `as_of`, and every saved query of the expected
signal on its `knowable` day (no other query can raise that signal). An expectation is met **on the day** when,
on `knowable`, a flag of its signal names one of the child's record keys (`Flag.child_keys()`) and the offender
(subject or people, or a record of the offender's identity), cites `evidence` and lists `agency` when given;
**late** when that first happens later (the day found from the flags' `detected_on`, then by bisection); else
**missed** (not raised on `as_of` either). Decoys are checked on every knowable day of the case and on `as_of`
(from `since`); every child any flag names must be born and under 18 on the flag's day (class 9).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.db import Graph
from linkage.exact import link_exact
from linkage.pipeline import resolve
from loaders.load import load_directory
from loaders.mapping import load_mapping
from loaders.spec import Spec
from queries.flags import Flag, Person
from queries.library import SIGNALS, SavedQuery, load_library
from queries.runner import PARALLEL_QUERIES, run_query

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
CLEAR = (ROOT / "tests" / "clear.cypher").read_text(encoding="utf-8")
CLASS = re.compile(r"^class (\d+): \S")  # a known gap names the class of issue 11 it belongs to
RECORD_KEY = re.compile(r"^[a-z-]+:\S+$")  # "nhs:9990012347", "police-assoc:A2", "edu-contact:SCH1:C7"
EVIDENCE = re.compile(r"^[a-z0-9_]+:\S+$")  # "feed:record_id"

ON_THE_DAY = "on the day"
LATE = "late"
MISSED = "missed"


@dataclass(frozen=True)
class Expectation:
    signal: str
    child: tuple[str, ...]
    offender: str
    knowable: dt.date
    why: str
    evidence: str | None = None
    agency: str | None = None
    known_gap: str | None = None

    @property
    def gap_class(self) -> str:
        return gap_class(self.known_gap)


@dataclass(frozen=True)
class Decoy:
    signal: str
    why: str
    who: str | None = None
    evidence: str | None = None
    agency: str | None = None
    since: dt.date | None = None
    query: str | None = None
    known_gap: str | None = None


@dataclass(frozen=True)
class ExplanationGap:
    signal: str
    child: str
    known_gap: str


@dataclass(frozen=True)
class Distinct:
    records: tuple[str, str]
    why: str
    known_gap: str | None = None


@dataclass(frozen=True)
class Case:
    folder: Path
    as_of: dt.date
    expect: tuple[Expectation, ...]
    decoys: tuple[Decoy, ...] = ()
    explanation_gaps: tuple[ExplanationGap, ...] = ()
    distinct: tuple[Distinct, ...] = ()

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def mappings(self) -> list[Path]:
        return sorted((self.folder / "mappings").glob("*.yaml"))

    def checked_days(self) -> list[dt.date]:
        """The days decoys and explanations are checked on: every knowable day, and the end of the records."""
        return sorted({e.knowable for e in self.expect} | {self.as_of})


def gap_class(known_gap: str | None) -> str:
    """ "class 4" of "class 4: S5 requires a notification period in force"; "" when there is no gap."""
    match = CLASS.match(known_gap or "")
    return f"class {match.group(1)}" if match else ""


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a yyyy-mm-dd date") from None


def _check(ok: bool, where: str, problem: str) -> None:
    if not ok:
        raise ValueError(f"{where}: {problem}")


def _known_gap(raw: dict[str, Any], where: str) -> str | None:
    gap = raw.get("known_gap")
    _check(gap is None or bool(CLASS.match(str(gap))), where, f"known_gap {gap!r} must start 'class N: '")
    return None if gap is None else str(gap)


def _evidence(raw: dict[str, Any], where: str) -> str | None:
    ev = raw.get("evidence")
    _check(ev is None or bool(EVIDENCE.match(str(ev))), where, f"evidence {ev!r} must be 'feed:record_id'")
    return None if ev is None else str(ev)


def read_case(folder: Path) -> Case:
    """A case folder's expected.yaml, checked: every mistake names the case and the entry."""
    raw = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    allowed = {"as_of", "expect", "decoys", "explanation_gaps", "distinct"}
    _check(set(raw) <= allowed, folder.name, f"unknown keys {sorted(set(raw) - allowed)}")
    as_of = _date(raw["as_of"], f"{folder.name}: as_of")
    expect = []
    for i, e in enumerate(raw.get("expect") or []):
        where = f"{folder.name}: expect[{i}]"
        unknown = set(e) - {"signal", "child", "offender", "knowable", "why", "evidence", "agency", "known_gap"}
        _check(not unknown, where, f"unknown keys {sorted(unknown)}")
        _check(e.get("signal") in SIGNALS, where, f"signal {e.get('signal')!r} is not one of S1..S14")
        child = tuple(str(k) for k in e.get("child") or ())
        _check(all(RECORD_KEY.match(k) for k in child), where, f"child keys {child} must be record keys")
        _check(bool(RECORD_KEY.match(str(e.get("offender")))), where, "offender must be a record key")
        _check(bool(str(e.get("why") or "").strip()), where, "why is empty")
        _check(bool(child) or e.get("evidence") is not None, where, "an expectation without a child names its evidence")
        knowable = _date(e.get("knowable"), where)
        _check(knowable <= as_of, where, f"knowable {knowable} is after as_of {as_of}")
        expect.append(
            Expectation(
                signal=e["signal"],
                child=child,
                offender=str(e["offender"]),
                knowable=knowable,
                why=str(e["why"]),
                evidence=_evidence(e, where),
                agency=None if e.get("agency") is None else str(e["agency"]),
                known_gap=_known_gap(e, where),
            )
        )
    decoys = []
    for i, d in enumerate(raw.get("decoys") or []):
        where = f"{folder.name}: decoys[{i}]"
        unknown = set(d) - {"signal", "who", "evidence", "agency", "since", "query", "why", "known_gap"}
        _check(not unknown, where, f"unknown keys {sorted(unknown)}")
        _check(d.get("signal") in SIGNALS, where, f"signal {d.get('signal')!r} is not one of S1..S14")
        _check(d.get("who") is not None or d.get("evidence") is not None, where, "give who or evidence")
        _check(d.get("who") is None or bool(RECORD_KEY.match(str(d["who"]))), where, "who must be a record key")
        _check(d.get("agency") is None or d.get("who") is not None, where, "agency needs who")
        _check(d.get("query") is None or d["query"] in load_library(), where, f"no saved query {d.get('query')!r}")
        _check(bool(str(d.get("why") or "").strip()), where, "why is empty")
        decoys.append(
            Decoy(
                signal=d["signal"],
                why=str(d["why"]),
                who=None if d.get("who") is None else str(d["who"]),
                evidence=_evidence(d, where),
                agency=None if d.get("agency") is None else str(d["agency"]),
                since=None if d.get("since") is None else _date(d["since"], where),
                query=None if d.get("query") is None else str(d["query"]),
                known_gap=_known_gap(d, where),
            )
        )
    gaps = []
    for i, g in enumerate(raw.get("explanation_gaps") or []):
        where = f"{folder.name}: explanation_gaps[{i}]"
        _check(set(g) == {"signal", "child", "known_gap"}, where, "give signal, child and known_gap")
        gaps.append(ExplanationGap(g["signal"], str(g["child"]), str(_known_gap(g, where))))
    apart = []
    for i, d in enumerate(raw.get("distinct") or []):
        where = f"{folder.name}: distinct[{i}]"
        records = tuple(str(k) for k in d.get("records") or ())
        _check(len(records) == 2 and all(RECORD_KEY.match(k) for k in records), where, "give two record keys")
        _check(bool(str(d.get("why") or "").strip()), where, "why is empty")
        apart.append(Distinct((records[0], records[1]), str(d["why"]), _known_gap(d, where)))
    return Case(folder, as_of, tuple(expect), tuple(decoys), tuple(gaps), tuple(apart))


def all_cases(root: Path = CASES) -> list[Case]:
    return [read_case(p) for p in sorted(root.iterdir()) if (p / "expected.yaml").is_file()]


# ----------------------------------------------------------------------------------------------- loading


def load_case(graph: Graph, spec: Spec, case: Case, rejects_dir: Path) -> None:
    """The case's exports into an emptied graph (every row and every file must load), then linkage as a MASH
    runs it: exact rules, then `resolve` on the one family (scored with the default model)."""
    graph.write_in_batches(CLEAR, name="clear test graph")
    mappings = [load_mapping(p, spec) for p in case.mappings]
    report = load_directory(graph, spec, case.folder, rejects_dir, mappings)
    bad = [(f.file, f.error, f.rejected) for f in report.files if f.error or f.rejected]
    assert not bad, f"{case.name}: rows rejected {bad}; see {report.rejects_file}"
    assert not report.skipped, f"{case.name}: files no feed or mapping claims: {report.skipped}"
    link_exact(graph)
    resolve(graph)


def identities(graph: Graph) -> dict[str, frozenset[str]]:
    """Every record key (and identity key) -> the identity key and all record keys of its identity."""
    rows = graph.read(
        "MATCH (i:Identity)-[:HAS_RECORD]->(p:Person) RETURN i.key AS identity, collect(p.key) AS records",
        name="cases: identities",
    )
    out: dict[str, frozenset[str]] = {}
    for row in rows:
        members = frozenset([row["identity"], *row["records"]])
        for key in members:
            out[key] = members
    return out


def births(graph: Graph) -> dict[str, dt.date]:
    """Record key and identity key -> the earliest date of birth any record of that identity gives."""
    rows = graph.read(
        "MATCH (i:Identity)-[:HAS_RECORD]->(p:Person) WHERE p.dob IS NOT NULL "
        "RETURN i.key AS identity, collect(p.key) AS records, min(p.dob) AS dob",
        name="cases: dates of birth",
    )
    out: dict[str, dt.date] = {}
    for row in rows:
        dob = row["dob"].to_native() if hasattr(row["dob"], "to_native") else row["dob"]
        for key in [row["identity"], *row["records"]]:
            out[key] = dob
    return out


# ----------------------------------------------------------------------------------------------- replay


_PLANNED = re.compile(r"^\s*(?://[^\n]*\n\s*)*(?:MATCH|OPTIONAL|UNWIND|WITH|MERGE|CALL|RETURN)\b", re.IGNORECASE)


class SamePlans(Graph):
    """The test graph, asking Neo4j to keep the plans it has made (`CYPHER replan=skip`) for every query and
    load statement. Each case is loaded into an emptied graph, so the statistics change from case to case and
    Neo4j would plan every statement again for each case (several seconds a case on this machine); a plan made
    on one small family serves the next, and the results are the same."""

    @classmethod
    def of(cls, graph: Graph) -> SamePlans:
        return cls(driver=graph.driver, database=graph.database, uri=graph.uri)

    @staticmethod
    def _kept(cypher: str) -> str:
        return f"CYPHER replan=skip\n{cypher}" if _PLANNED.match(cypher) else cypher

    def read(self, cypher: str, name: str = "read", **params: Any) -> list[dict[str, Any]]:
        return super().read(self._kept(cypher), name=name, **params)

    def write(self, cypher: str, name: str = "write", **params: Any) -> dict[str, int]:
        return super().write(self._kept(cypher), name=name, **params)


class Replay:
    """Saved queries run on a loaded case, each (query, day) once."""

    def __init__(self, graph: Graph, library: dict[str, SavedQuery] | None = None) -> None:
        self.graph = graph
        self.library = library or load_library()
        self._flags: dict[tuple[str, dt.date], list[Flag]] = {}
        self.ids = identities(graph)
        self.dobs = births(graph)

    def flags(self, day: dt.date, signal: str | None = None) -> list[Flag]:
        """The flags every saved query (of `signal`, if given) raises on `day`, the queries side by side."""
        names = [n for n, q in self.library.items() if signal is None or q.signal == signal]
        todo = [n for n in names if (n, day) not in self._flags]
        if len(todo) > 1:
            with ThreadPoolExecutor(max_workers=PARALLEL_QUERIES) as pool:
                runs = {n: pool.submit(run_query, self.graph, self.library[n], {"as_of": day}) for n in todo}
            self._flags.update({(n, day): run.result() for n, run in runs.items()})
        elif todo:
            self._flags[(todo[0], day)] = run_query(self.graph, self.library[todo[0]], {"as_of": day})
        return [f for n in names for f in self._flags[(n, day)]]

    def every_flag(self) -> list[Flag]:
        """Every flag raised so far, on any day."""
        return [f for flags in self._flags.values() for f in flags]

    def named(self, flag: Flag) -> set[str]:
        """Every person key a flag names as subject or person involved, with their records."""
        people: list[Person] = [*flag.people, *([flag.subject] if flag.subject else [])]
        return {p.key for p in people} | {r for p in people for r in p.records}

    def meets(self, flag: Flag, exp: Expectation) -> bool:
        if flag.signal != exp.signal:
            return False
        if exp.child and not flag.child_keys() & set(exp.child):
            return False
        if exp.evidence and exp.evidence not in {f"{e.feed}:{e.record_id}" for e in flag.evidence}:
            return False
        if exp.agency and exp.agency not in {a.key for a in flag.agencies}:
            return False
        offender = self.ids.get(exp.offender, frozenset({exp.offender}))
        return bool(self.named(flag) & offender)

    def raised(self, exp: Expectation, day: dt.date) -> list[Flag]:
        return [f for f in self.flags(day, exp.signal) if self.meets(f, exp)]

    def outcome(self, exp: Expectation, as_of: dt.date) -> Outcome:
        """On the day; late, with the first day it shows; or missed (not raised on as_of either).

        The first day is found from the flags raised on as_of: each says when it was detected, which is where
        the search starts; bisection between the last day without and the first day with a matching flag
        settles it when a query raises a flag later than the day it dates it to."""
        if self.raised(exp, exp.knowable):
            return Outcome(ON_THE_DAY, exp.knowable)
        hits = self.raised(exp, as_of)
        if not hits:
            return Outcome(MISSED, None)
        low, high = exp.knowable, as_of  # not raised on low, raised on high
        for day in sorted({f.detected_on for f in hits if f.detected_on and low < f.detected_on < high}):
            if self.raised(exp, day):
                high = day
                break
            low = day
        if (high - low).days > 1 and not self.raised(exp, high - dt.timedelta(days=1)):
            low = high - dt.timedelta(days=1)
        while (high - low).days > 1:
            mid = low + (high - low) / 2
            if self.raised(exp, mid):
                high = mid
            else:
                low = mid
        return Outcome(LATE, high)

    def decoy_hits(self, decoy: Decoy, days: Iterable[dt.date]) -> list[tuple[dt.date, Flag]]:
        hits = []
        for day in days:
            if decoy.since is not None and day < decoy.since:
                continue
            for flag in self.flags(day, decoy.signal):
                if decoy.query is not None and flag.query != decoy.query:
                    continue
                cited = {f"{e.feed}:{e.record_id}" for e in flag.evidence}
                names = decoy.who is not None and decoy.who in flag.child_keys() | self.named(flag)
                if names and decoy.agency is not None:
                    names = decoy.agency in {a.key for a in flag.agencies}
                if names or (decoy.evidence is not None and decoy.evidence in cited):
                    hits.append((day, flag))
        return hits

    def explanation_faults(self, flags: Iterable[Flag]) -> set[tuple[str, str, str]]:
        """(signal, child record or identity key, what is wrong) for every child a flag names who was not yet
        born, or already 18, on the flag's day (the child's own `from` where the query gives one, else the
        flag's detected_on)."""
        faults = set()
        for flag in flags:
            for child in flag.children:
                dob = child.dob or self.dobs.get(child.key)
                when = child.more.get("from") or flag.detected_on
                if isinstance(when, dt.datetime):
                    when = when.date()
                if dob is None or not isinstance(when, dt.date):
                    continue
                if dob > when:
                    faults.add((flag.signal, child.key, f"born {dob}, after the flag's day {when}"))
                elif when >= _birthday(dob, 18):
                    faults.add((flag.signal, child.key, f"born {dob}, 18 or over on the flag's day {when}"))
        return faults


def _birthday(dob: dt.date, years: int) -> dt.date:
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:  # 29 February
        return dob.replace(year=dob.year + years, day=28)


@dataclass(frozen=True)
class Outcome:
    status: str
    first: dt.date | None

    def days_late(self, exp: Expectation) -> int | None:
        return (self.first - exp.knowable).days if self.status == LATE and self.first else None

    def text(self, exp: Expectation) -> str:
        if self.status == LATE:
            return f"late {self.days_late(exp)} d ({self.first})"
        return self.status


# ----------------------------------------------------------------------------------------------- results


@dataclass
class CaseResult:
    """What the replay of one case found: each expectation's outcome, decoys raised, explanation faults."""

    case: Case
    outcomes: list[tuple[Expectation, Outcome]] = field(default_factory=list)
    decoys: list[tuple[Decoy, list[tuple[dt.date, Flag]]]] = field(default_factory=list)
    faults: set[tuple[str, str, str]] = field(default_factory=set)
    ids: dict[str, frozenset[str]] = field(default_factory=dict)  # record key -> its identity's keys

    def problems(self) -> list[str]:
        """Everything that differs from expected.yaml: an unmet expectation without a known gap, a known gap
        now met (remove its known_gap line), a decoy raised, an explanation fault not listed or gone."""
        out = []
        for exp, got in self.outcomes:
            label = f"{exp.signal} {'/'.join(exp.child) or '-'} knowable {exp.knowable}"
            if exp.known_gap is None and got.status != ON_THE_DAY:
                out.append(f"{label}: {got.text(exp)}, expected on the day ({exp.why})")
            if exp.known_gap is not None and got.status == ON_THE_DAY:
                out.append(f"{label}: now raised on the day: remove its known_gap ({exp.known_gap})")
        for decoy, hits in self.decoys:
            label = f"decoy {decoy.signal} {decoy.who or decoy.evidence}"
            if hits and decoy.known_gap is None:
                day, flag = hits[0]
                out.append(f"{label}: raised on {day} by {flag.query}: {flag.summary} ({decoy.why})")
            if not hits and decoy.known_gap is not None:
                out.append(f"{label}: no longer raised: remove its known_gap ({decoy.known_gap})")
        for apart in self.case.distinct:
            a, b = apart.records
            merged = b in self.ids.get(a, frozenset({a}))
            if merged and apart.known_gap is None:
                out.append(f"{a} and {b} are one identity: {apart.why}")
            if not merged and apart.known_gap is not None:
                out.append(f"{a} and {b} are now apart: remove its known_gap ({apart.known_gap})")
        listed = {(g.signal, g.child) for g in self.case.explanation_gaps}
        found: set[tuple[str, str]] = set()
        for signal, child, what in sorted(self.faults):
            keys = self.ids.get(child, frozenset({child}))
            hit = [g for g in listed if g[0] == signal and g[1] in keys]
            found |= set(hit)
            if not hit:
                out.append(f"class 9: a {signal} flag names {child}: {what}")
        for gap in self.case.explanation_gaps:
            if (gap.signal, gap.child) not in found:
                out.append(f"explanation gap {gap.signal} {gap.child} no longer seen: remove it ({gap.known_gap})")
        return out

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(case, signal, child, knowable, outcome, known gap) per expectation."""
        return [
            (
                self.case.name,
                exp.signal,
                exp.child[0] if exp.child else "-",
                exp.knowable.isoformat(),
                got.text(exp),
                exp.gap_class,
            )
            for exp, got in self.outcomes
        ]


def evaluate(graph: Graph, spec: Spec, case: Case, rejects_dir: Path) -> CaseResult:
    """Load, link and replay one case."""
    graph = SamePlans.of(graph)
    load_case(graph, spec, case, rejects_dir)
    replay = Replay(graph)
    result = CaseResult(case, ids=replay.ids)
    replay.flags(case.as_of)  # every saved query at the end of the records
    for exp in case.expect:  # and every saved query of the signal on its knowable day (more to find the first)
        result.outcomes.append((exp, replay.outcome(exp, case.as_of)))
    days = case.checked_days()
    for decoy in case.decoys:
        result.decoys.append(
            (decoy, replay.decoy_hits(decoy, sorted({*days, *([decoy.since] if decoy.since else [])})))
        )
    result.faults = replay.explanation_faults(replay.every_flag())
    return result


def matrix(results: Iterable[CaseResult]) -> str:
    """The outcome of every expectation, one line each, then the counts by signal and by class of issue 11."""
    results = list(results)
    header = ("case", "signal", "child", "knowable", "outcome today", "known gap")
    rows = [header, *(r for res in results for r in res.rows())]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    totals = counts(results)
    lines += ["", summary_line(totals), "", "by signal:"]
    by_signal: dict[str, Counter[str]] = {}
    by_class: dict[str, Counter[str]] = {}
    for res in results:
        for exp, got in res.outcomes:
            by_signal.setdefault(exp.signal, Counter())[got.status] += 1
            by_class.setdefault(exp.gap_class or "no gap", Counter())[got.status] += 1
    for signal in SIGNALS:
        c = by_signal.get(signal, Counter())
        lines.append(f"  {signal:<4} {c[ON_THE_DAY]:>2} on the day, {c[LATE]:>2} late, {c[MISSED]:>2} missed")
    raised = [(res.case.name, d, hits) for res in results for d, hits in res.decoys if hits]
    lines.append(f"decoys raised: {len(raised)} of {sum(len(res.decoys) for res in results)}")
    for name, decoy, hits in raised:
        lines.append(
            f"  {name} {decoy.signal} {decoy.who or decoy.evidence} from {hits[0][0]}  {gap_class(decoy.known_gap)}"
        )
    lines.append("by class of issue 11:")
    for name in sorted(by_class, key=lambda k: (k == "no gap", int(k.split()[1]) if k != "no gap" else 0)):
        c = by_class[name]
        lines.append(f"  {name:<8} {c[ON_THE_DAY]:>2} on the day, {c[LATE]:>2} late, {c[MISSED]:>2} missed")
    return "\n".join(lines)


def counts(results: Iterable[CaseResult]) -> dict[str, int]:
    out: Counter[str] = Counter()
    for res in results:
        out["cases"] += 1
        for _, got in res.outcomes:
            out["expectations"] += 1
            out[got.status] += 1
        for _, hits in res.decoys:
            out["decoys"] += 1
            out["decoys raised"] += bool(hits)
    return dict(out)


def summary_line(totals: dict[str, int]) -> str:
    """The line tests/cases/README.md carries, word for word."""
    return (
        f"{totals.get('expectations', 0)} expected signals in {totals.get('cases', 0)} cases: "
        f"{totals.get(ON_THE_DAY, 0)} raised on the day, {totals.get(LATE, 0)} late, "
        f"{totals.get(MISSED, 0)} missed; {totals.get('decoys raised', 0)} of {totals.get('decoys', 0)} decoys raised."
    )
