"""Every signal's rule, planted case and decoy, and the plan of which cases a run plants."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from synthetic.cases import births, closures, compliance, identity, partners, referrals, residence
from synthetic.cases.context import Ctx
from synthetic.cases.rules import Instance, Records


@dataclass(frozen=True)
class Signal:
    sid: str
    plant: Callable[[Ctx], None]
    decoy: Callable[[Ctx], None]


SIGNALS: tuple[Signal, ...] = (
    Signal("S1", residence.plant_s1, residence.decoy_s1),
    Signal("S2", referrals.plant_s2, referrals.decoy_s2),
    Signal("S3", partners.plant_s3, partners.decoy_s3),
    Signal("S4", referrals.plant_s4, referrals.decoy_s4),
    Signal("S5", births.plant_s5, births.decoy_s5),
    Signal("S6", residence.plant_s6, residence.decoy_s6),
    Signal("S7", compliance.plant_s7, compliance.decoy_s7),
    Signal("S8", compliance.plant_s8, compliance.decoy_s8),
    Signal("S9", compliance.plant_s9, compliance.decoy_s9),
    Signal("S10", partners.plant_s10, partners.decoy_s10),
    Signal("S11", referrals.plant_s11, referrals.decoy_s11),
    Signal("S12", closures.plant_s12, closures.decoy_s12),
    Signal("S13", closures.plant_s13, closures.decoy_s13),
    Signal("S14", identity.plant_s14, identity.decoy_s14),
)


def detect_all(rec: Records) -> list[Instance]:
    """Every instance of every signal in the generated records (S13 and S14 build on the others)."""
    simple = (
        residence.detect_s1,
        referrals.detect_s2,
        partners.detect_s3,
        referrals.detect_s4,
        births.detect_s5,
        residence.detect_s6,
        compliance.detect_s7,
        referrals.detect_s11,
        closures.detect_s12,
        partners.detect_s10,
    )
    found = [inst for rule in simple for inst in rule(rec)]
    s8, s9 = compliance.detect_s8(rec), compliance.detect_s9(rec)
    # S13's query does not read police_stays yet (another track's): a recorded stay is not yet one of its breaches.
    read_by_s13 = [i for i in s8 if not any(r["_feed"] == "police_stays" for r in i.evidence)]
    found += s8 + s9 + closures.detect_s13(rec, read_by_s13, s9)
    return found + identity.detect_s14(found)


def plan(offenders: int, case_rate: float, cover_all: bool, per_signal: int | None = None) -> list[tuple[Signal, bool]]:
    """(signal, decoy) pairs: round(case_rate x offenders) planted cases spread over the signals, each
    with one decoy; with `cover_all`, at least one case and one decoy of every signal; `per_signal` instead
    plants exactly that many cases (and decoys) of every signal, for an evaluation that needs enough of each."""
    cases = round(case_rate * offenders)
    if cover_all and case_rate > 0:
        cases = max(cases, len(SIGNALS))
    if per_signal is not None:
        cases = per_signal * len(SIGNALS)
    out = []
    for i in range(cases):
        signal = SIGNALS[i % len(SIGNALS)]
        out += [(signal, False), (signal, True)]
    return out
