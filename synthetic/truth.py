"""ground_truth.json: every signal instance (planted, co-occurring and decoy), every real person's record
keys, and every real dwelling's address keys, for evaluating queries and record linkage."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from loaders.addresses import address_key
from loaders.spec import Feed, Spec, render_key
from synthetic.cases.context import Scenario
from synthetic.cases.rules import Instance, record_name
from synthetic.world import Row


class KeyCollector:
    """Observes written rows: graph keys of each real person's records and address keys of each dwelling."""

    def __init__(self, spec: Spec) -> None:
        self.person_nodes = {f.name: [n for n in f.nodes if n.label == "Person"] for f in spec.feeds.values()}
        self.people: dict[int, set[str]] = defaultdict(set)
        self.staff: set[str] = set()
        self.dwellings: dict[int, set[str]] = defaultdict(set)
        self.forms: dict[int, set[tuple[str, str]]] = defaultdict(set)  # as written: (line1, postcode)

    def __call__(self, feed: Feed, row: Row, values: dict[str, str]) -> None:
        for node in self.person_nodes[feed.name]:
            if any(not values.get(column) for column in node.when):
                continue
            key = render_key(node.key, values)
            if key.startswith("staff:"):
                self.staff.add(key)
            else:
                self.people[row["_who"][node.alias]].add(key)
        cols = feed.address
        if cols is not None and row.get("_at") is not None and values[cols.line1] and values[cols.postcode]:
            self.dwellings[row["_at"]].add(
                address_key(values[cols.line1], values[cols.line2], values[cols.town], values[cols.postcode])
            )
            self.forms[row["_at"]].add((values[cols.line1], values[cols.postcode]))

    def keys(self, pid: int) -> list[str]:
        return sorted(self.people.get(pid, ()))


def person_id(pid: int) -> str:
    return f"P{pid:07d}"


def _scenario_for(inst: Instance, scenarios: list[Scenario]) -> Scenario | None:
    """The planted story an instance comes from: same offender, else a shared child."""
    planted = [s for s in scenarios if not s.decoy]
    for s in planted:
        if s.offender is not None and inst.offender == s.offender.pid:
            return s
    for s in planted:
        if set(inst.children) & set(s.children):
            return s
    return None


def _case(
    case_id: str,
    keys: KeyCollector,
    signal: str,
    decoy: bool,
    text: str,
    offender: int | None,
    children: list[int],
    people: list[tuple[str, int]],
    dwellings: list[int],
    agencies: list[str],
    start: date | None,
    detectable: date | None,
    evidence: list[Row],
) -> dict[str, Any]:
    roles = ([("offender", offender)] if offender is not None else []) + [p for p in people if p[0] != "offender"]
    first = start or detectable
    return {
        "case_id": case_id,
        "signal": signal,
        "decoy": decoy,
        "scenario": text,
        "children": sorted({k for c in children for k in keys.keys(c)}),
        "people": [{"role": role, "records": keys.keys(pid)} for role, pid in roles],
        "addresses": sorted({k for d in dwellings for k in keys.dwellings.get(d, ())}),
        "agencies": sorted(set(agencies)),
        "dates": {
            "from": first.isoformat() if first else None,
            "detectable_from": detectable.isoformat() if detectable else None,
        },
        "evidence": list(dict.fromkeys(record_name(r) for r in evidence)),
    }


def build_cases(
    instances: list[Instance], scenarios: list[Scenario], keys: KeyCollector, teams: dict[int, str]
) -> list[dict[str, Any]]:
    """One case per detected instance (decoy false) and one per decoy scenario (decoy true); `teams` maps
    an offender to the police team managing him, listed among the case's agencies."""
    out = []
    ordered = sorted(instances, key=lambda i: (int(i.signal[1:]), i.detectable, repr(i.key)))
    counters: dict[str, int] = defaultdict(int)
    for inst in ordered:
        counters[inst.signal] += 1
        story = _scenario_for(inst, scenarios)
        if story is None:
            text = "Not planted: arises from the generated records"
        elif story.signal == inst.signal:
            text = story.text
        else:
            text = f"Co-occurs with planted {story.signal} case: {story.text}"
        case = _case(
            f"{inst.signal}-{counters[inst.signal]:04d}",
            keys,
            inst.signal,
            False,
            text,
            inst.offender,
            inst.children,
            inst.people,
            inst.dwellings,
            [*inst.agencies, *([teams[inst.offender]] if inst.offender in teams else [])],
            inst.start,
            inst.detectable,
            inst.evidence,
        )
        case["scenario_id"] = story.sid if story else None
        case["requires_linkage"] = inst.requires_linkage
        case["from_note"] = inst.from_note
        if inst.underlying:
            case["underlying_signal"] = inst.underlying
        out.append(case)
    for story in sorted((s for s in scenarios if s.decoy), key=lambda s: (int(s.signal[1:]), s.sid)):
        counters[story.signal + "D"] += 1
        case = _case(
            f"{story.signal}-D{counters[story.signal + 'D']:03d}",
            keys,
            story.signal,
            True,
            story.text,
            story.offender.pid if story.offender else None,
            story.children,
            story.people,
            story.dwellings,
            [*story.agencies, *([teams[story.offender.pid]] if story.offender else [])],
            story.start,
            story.detectable,
            story.evidence,
        )
        case["scenario_id"] = story.sid
        case["requires_linkage"] = False
        case["from_note"] = any(r.get("_note") is not None or r.get("_stay_note") for r in story.evidence)
        out.append(case)
    return out


def write_truth(path: Path, generator: dict[str, Any], keys: KeyCollector, cases: list[dict[str, Any]]) -> None:
    identities = [{"person_id": person_id(pid), "records": keys.keys(pid)} for pid in sorted(keys.people)]
    identities += [{"person_id": key.split(":", 1)[1], "records": [key]} for key in sorted(keys.staff)]
    addresses = [
        {"address_id": f"A{did:07d}", "keys": sorted(found), "forms": sorted(map(list, keys.forms[did]))}
        for did, found in sorted(keys.dwellings.items())
    ]
    body = {"generator": generator, "cases": cases, "identities": identities, "addresses": addresses}
    path.write_text(json.dumps(body, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
