"""Shared definitions of the detection rules: windows, phrases, and an index over the generated records.

The rules are evaluated over the generated rows with TRUE identities (person ids), i.e. as a query would see
the graph after perfect record linkage. Each rule's exact definition is the docstring of its `detect_*`
function (modules in this package); the saved Cypher queries are written against those docstrings.

Common terms used by every rule:
- "under management on d": the nominal has a police_notification_periods row with start_date <= d and
  (end_date empty or d <= end_date).
- "child on d": a person under CHILD_AGE (18) on d; "under 16" likewise with U16_AGE.
- "the same person": one identity after record linkage (ground_truth.json `identities`); "the same
  address": one dwelling after address linkage (ground_truth.json `addresses`).
- open-ended dates (to_date, end_date, registered_to empty) run to as_of.
- an instance exists only when its detectable_from is on or before as_of (a window still open at as_of
  is not yet a miss).
- the risk level never filters an instance (DOMAIN.md: risk is never zero); it may only order results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from loaders.spec import load_spec
from synthetic.world import Row, World, add_years, days

CHILD_AGE = 18
U16_AGE = 16
REFERRAL_DAYS = 30  # S2, S4: a referral / MERLIN / strategy discussion must follow within this many days
BIRTH_REFERRAL_DAYS = 60  # S5: referral about the baby within this many days after birth ...
PRE_BIRTH_REFERRAL_DAYS = 180  # ... or this many days before it (pre-birth referral)
DISCLOSURE_GRACE_DAYS = 30  # S3, S6: a partner or agency must be told within this many days
REASSESS_DAYS = 90  # S7: a significant change needs a new risk assessment within this many days
CHANGE_NOTIFY_DAYS = 3  # S8: changes (address, passport) must be notified within 3 days (SOA 2003 s.84)
TRAVEL_NOTICE_DAYS = 90  # S8: a travel notification counts when made at most this many days before departure
MERLIN_LATE_DAYS = 30  # S11: MERLIN sent (or CSC referral received) more than this after the concern is late
CLOSURE_CONTACT_DAYS = 365  # S12: a health service seen within this many days before closure is working with the child
NOTE_RATE = 0.2  # S9 order conflicts, S1 stays at a partner's (and their decoys) written only in a visit note
NOTE_BREACHES = (  # S9 from a note: (the fact the sentence states, the sentence an officer writes)
    ("child_role", "Says he is keeping busy - helps out with a local youth football team at the weekends."),
    ("child_role", "He volunteers at the church holiday club for children on Saturdays."),
    ("child_role", "Mentioned he has started coaching an under-12s cricket team at the park."),
    ("unsupervised_contact", "Says he babysits for a neighbour's two children on Friday evenings."),
    ("unsupervised_contact", "Looks after his friend's kids after school while she works."),
)
NOTE_NON_BREACHES = (  # decoys: the same words, read in their sentence, state no role or contact
    "Says he has stopped helping out with the youth football team since the order.",
    "He does not babysit for anyone and knows he must not.",
    "Says he no longer volunteers at the church holiday club for children.",
)
BREACH_LOOKBACK_DAYS = 365  # S13: a breach this recent makes "engaging well" disguised compliance
MINIMISING_PHRASES = (
    "second-hand laptop",
    "second hand laptop",
    "second-hand computer",
    "second hand computer",
    "charges were dropped",
    "removed from the register",
    "taken off the register",
    "images were already on it",
    "was never convicted",
)
TEXT_FIELDS = {  # S10: free-text fields where an account of the offence given to an agency is recorded
    "health_contacts": ("summary", "patient"),
    "health_maternity_bookings": ("social_history", "mother"),
    "csc_assessments": ("cina_summary", "child"),
    "csc_referrals": ("cine_summary", "child"),
    "education_collections": ("note", "adult"),
}
_RESIDENT_ROLES = (  # feeds that place a person at a dwelling, and the role of that person (S1)
    ("health_gp_registrations", "patient"),
    ("education_enrolments", "pupil"),
    ("health_births", "child"),
    ("csc_persons", "person"),
    ("police_associates", "associate"),
    ("education_addresses", "pupil"),
    ("housing_tenancies", "person"),
)


@dataclass
class Instance:
    """One occurrence of a signal: who, where, since when, and the records that show it."""

    signal: str
    key: tuple  # identifies the occurrence (one instance per key)
    start: date
    detectable: date
    offender: int | None = None
    children: list[int] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)
    dwellings: list[int] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    evidence: list[Row] = field(default_factory=list)
    paths: list[list[Row]] = field(default_factory=list)  # alternative record chains that link the people
    underlying: str | None = None

    @property
    def requires_linkage(self) -> bool:
        """True when every chain of records showing it passes through a record with a forced variation, or a
        record without a date of birth whose name another planted person shares (variations.unique_dobless_names)."""
        chains = self.paths or [self.evidence]
        return all(any("_force" in row or row.get("_shared_name") for row in chain) for chain in chains)

    @property
    def from_note(self) -> bool:
        """True when every chain of records showing it passes through a fact only a note states (an S9 visit
        note, `_note`; a stay at his partner's, `_stay_note`): the query raises it "from a note"."""
        chains = self.paths or [self.evidence]
        return all(any(row.get("_note") or row.get("_stay_note") for row in chain) for chain in chains)


def feed_of(row: Row) -> str:
    return row["_feed"]


def record_name(row: Row) -> str:
    """A source record's name for evidence: "<feed>:<key value>", e.g. "police_visits:VIS1234567"."""
    feed = feed_of(row)
    return f"{feed}:{row[load_spec().feeds[feed].key]}"


def until(day: date | None, as_of: date) -> date:
    return day if day is not None else as_of


class Records:
    """Indexes over the rows that several rules share (built once, after generation)."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.as_of = world.as_of
        for feed, rows in world.rows.items():
            for row in rows:
                row["_feed"] = feed
        self.police: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
        for feed in (
            "police_notification_periods",
            "police_orders",
            "police_addresses",
            "police_stays",
            "police_risk_assessments",
            "police_visits",
            "police_associates",
            "police_intelligence",
            "police_merlin",
            "police_notifications",
            "disclosures",
        ):
            for row in world.rows.get(feed, []):
                if row.get("nominal_id"):
                    self.police[row["nominal_id"]][feed].append(row)
        self.nominals = {r["nominal_id"]: r for r in world.rows.get("police_nominals", [])}
        self.pid_of = {n: r["_who"]["offender"] for n, r in self.nominals.items()}
        self.conditions: dict[str, list[str]] = defaultdict(list)
        for row in world.rows.get("police_order_conditions", []):
            self.conditions[row["order_id"]].append(row["condition_code"])
        self.residence: dict[int, list[tuple[int, date, date, Row]]] = defaultdict(list)
        self._index_residence()
        self.build_csc()
        self.linked: dict[str, dict[int, list[tuple[date, date, list[Row]]]]] = {}  # filled by links.linked_children
        self.by_child: dict[int, list[tuple[str, list[tuple[date, date, list[Row]]]]]] | None = None
        self.offender_pids = set(self.pid_of.values())
        self.nominal_of = {pid: n for n, pid in sorted(self.pid_of.items())}
        self._residents: dict[int, set[int]] | None = None

    def _index_residence(self) -> None:
        """Where people are recorded living: GP registrations, enrolments, birth addresses (at birth)."""
        spans = (
            ("health_gp_registrations", "patient", "registered_from", "registered_to"),
            ("education_enrolments", "pupil", "start_date", "end_date"),
            ("health_births", "child", "date_of_birth", None),
        )
        for feed, role, start_col, end_col in spans:
            for row in self.world.rows.get(feed, []):
                if "_at" not in row:
                    continue
                pid = row["_who"][role]
                start = row[start_col] if start_col in row else self.world.person(pid).dob
                end = start if end_col is None else until(row[end_col], self.as_of)
                self.residence[row["_at"]].append((pid, start, end, row))

    def residents(self, did: int) -> set[int]:
        """People with any record placing them at the dwelling (S1's candidates), indexed on first use."""
        if self._residents is None:
            self._residents = defaultdict(set)
            for feed, role in _RESIDENT_ROLES:
                for row in self.world.rows.get(feed, []):
                    if "_at" in row and role in row.get("_who", {}):
                        self._residents[row["_at"]].add(row["_who"][role])
        return self._residents.get(did, set())

    def rows(self, nominal: str, feed: str) -> list[Row]:
        return self.police[nominal][feed]

    def managed(self, nominal: str, day: date) -> bool:
        return any(
            p["start_date"] <= day <= until(p["end_date"], date.max)
            for p in self.rows(nominal, "police_notification_periods")
        )

    def notified_by(self, nominal: str, day: date) -> bool:
        """Under notification requirements on or before `day`, whether or not they have ended since."""
        return any(p["start_date"] <= day for p in self.rows(nominal, "police_notification_periods"))

    def is_child(self, pid: int, day: date, age: int = CHILD_AGE) -> bool:
        return day < add_years(self.world.person(pid).dob, age)

    def live_conditions(self, nominal: str, day: date) -> list[tuple[Row, str]]:
        out = []
        for order in self.rows(nominal, "police_orders"):
            if order["start_date"] <= day <= until(order["end_date"], date.max):
                out += [(order, code) for code in self.conditions[order["order_id"]]]
        return out

    def order_spans(self, nominal: str, code: str) -> list[tuple[date, date, Row]]:
        return [
            (o["start_date"], until(o["end_date"], self.as_of), o)
            for o in self.rows(nominal, "police_orders")
            if code in self.conditions[o["order_id"]]
        ]

    def places(self, nominal: str) -> list[tuple[int, date, date, Row]]:
        """Addresses the offender lives at, stays at or frequents: registrations and 'staying' intelligence."""
        out = [
            (r["_at"], r["from_date"], until(r["to_date"], self.as_of), r)
            for r in self.rows(nominal, "police_addresses")
        ]
        out += [
            (r["_at"], r["report_date"], r["report_date"], r)
            for r in self.rows(nominal, "police_intelligence")
            if r["category"] == "staying_at_address" and "_at" in r
        ]
        return out

    def births_of(self, pid: int) -> list[Row]:
        return [r for r in self.world.of("health_births", pid) if r["_who"]["child"] != pid]

    def referrals_about(self, pid: int) -> list[Row]:
        return self.world.of("csc_referrals", pid)

    def strategy_about(self, pid: int) -> list[Row]:
        return self.world.of("csc_strategy_discussions", pid)

    def told_agency(self, nominal: str, agency: str, by: date, child: int | None = None) -> bool:
        """A disclosure about the nominal to the agency, or a closure summary about the child sent to it, by `by`."""
        if any(
            d["recipient_agency_id"] == agency and d["disclosure_date"] <= by for d in self.rows(nominal, "disclosures")
        ):
            return True
        return child is not None and any(agency == a and sent <= by for a, sent in self.closures_sent(child))

    def closures_sent(self, child: int) -> list[tuple[str, date]]:
        out = []
        for referral in self.referrals_about(child):
            for closure in self.closures.get(referral["cine_referral_id"], []):
                out += [(r["agency_id"], r["sent_date"]) for r in self.recipients.get(closure["closure_id"], [])]
        return out

    def build_csc(self) -> None:
        self.closures: dict[str, list[Row]] = defaultdict(list)
        for row in self.world.rows.get("csc_closures", []):
            self.closures[row["cine_referral_id"]].append(row)
        self.recipients: dict[str, list[Row]] = defaultdict(list)
        for row in self.world.rows.get("csc_closure_recipients", []):
            self.recipients[row["closure_id"]].append(row)


def overlap(a0: date, a1: date, b0: date, b1: date) -> tuple[date, date] | None:
    start, end = max(a0, b0), min(a1, b1)
    return (start, end) if start <= end else None


def within(day: date, start: date, span: int) -> bool:
    return start <= day <= start + days(span)
