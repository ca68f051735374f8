"""Case A replay: the review's chronology (tests/fixtures/case_a, see docs/case-a.md) run through the saved queries.

For every firing that docs/case-a.md lists, the saved query is run on the day before and on the day of the
documented first firing: it must not name the documented child or person the day before (for that
record), and must name them on the day. The fixture is loaded and linked once for the module.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from graph.db import Graph
from linkage.exact import link_exact
from loaders.load import load_directory
from loaders.spec import load_spec
from queries.flags import Flag
from queries.library import load_library
from queries.runner import run_query, worklist
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "case_a"
DOC = ROOT / "docs" / "case-a.md"
CLEAR = (Path(__file__).with_name("clear.cypher")).read_text(encoding="utf-8")

MR_A = "Gareth Aldous"
MS_R = "Kelly Rowntree"
CHILD_S = "Sienna Rowntree"
CHILD_T = "Tyler Rowntree"
CHILD_3 = "Poppy Rowntree"
COUSINS = ("Jack Brennan", "Lily Brennan", "Mason Brennan")


@dataclass(frozen=True)
class Firing:
    """A query names `who` (a child, the subject or another person in the flag) from `day`, for `record`."""

    query: str
    day: str
    who: str
    record: str | None = None  # "feed:record_id" that must be in the flag's evidence (tells repeat firings apart)
    agency: str | None = None  # an agency key the flag must list (S6: the agency that became unaware)
    says: str | None = None  # text the flag's summary must contain (S11: late, then passed back)

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.day)

    def __str__(self) -> str:
        extra = [x for x in (self.record, self.agency, self.says) if x]
        return ":".join([f"{self.query}@{self.day}", self.who, *extra])


# The documented first firings (docs/case-a.md, "Replay"). Keep the two in step: test_doc_lists_every_firing.
FIRINGS: tuple[Firing, ...] = (
    # 2015: new partner reported to probation (3.2, 5.12)
    Firing("s7_change_without_reassessment", "2015-02-10", MR_A, "probation_contacts:PC-01"),
    # 2016 and 2017 jobs, 2019 supermarket job, while the SOPO forbids work with under-16s (3.23)
    Firing("s9_child_contact_work_during_order", "2016-03-07", MR_A, "employment:EMP-16-01"),
    Firing("s9_child_contact_work_during_order", "2017-04-10", MR_A, "employment:EMP-17-01"),
    Firing("s9_child_contact_work_during_order", "2019-11-25", MR_A, "employment:EMP-19-01"),
    # Child S born (3.4)
    Firing("s5_birth_to_offender_agencies_unaware", "2016-05-12", CHILD_S, "health_births:BIR-16-0512"),
    Firing("s6_agencies_unaware_of_offender", "2016-05-12", CHILD_S, agency="NICU_EG"),
    Firing("s6_agencies_unaware_of_offender", "2016-06-20", CHILD_S, agency="GP_HK1"),
    Firing("s6_agencies_unaware_of_offender", "2016-06-23", CHILD_S, agency="HV_HK"),
    Firing("s7_change_without_reassessment", "2016-05-12", MR_A, "health_births:BIR-16-0512"),
    # travel on a new passport, neither notified (3.7)
    Firing("s8_travel_not_notified", "2016-11-04", MR_A, "travel:UKBF-16-88120"),
    Firing("s8_passport_not_notified", "2016-11-04", MR_A, "travel:UKBF-16-88120"),
    # ARMS interview: contact with the cousin's children; MERLIN held (3.5, 5.15)
    *(Firing("s2_contact_with_children_no_referral", "2016-10-11", c, "police_visits:VIS-01") for c in COUSINS),
    Firing("s2_contact_with_children_no_referral", "2016-10-11", CHILD_S, "police_visits:VIS-01"),
    *(
        Firing("s11_merlin_late_or_passed_back", "2016-11-11", c, f"police_merlin:MER-16-1043-{i}", says="not sent")
        for i, c in enumerate(COUSINS, 1)
    ),
    # Ms R recorded as his partner, unaware of his conviction (3.6)
    Firing("s3_partner_not_told", "2016-10-11", MS_R, "police_associates:ASC-01"),
    Firing("s3_partner_not_told", "2016-10-11", CHILD_S, "police_associates:ASC-01"),
    # probation induction: partner in Hackney (3.7)
    Firing("s7_change_without_reassessment", "2016-12-20", MR_A, "probation_contacts:PC-05"),
    # MERLIN passed back by the MASH police (5.15-5.16)
    *(
        Firing("s11_merlin_late_or_passed_back", "2017-02-14", c, f"police_merlin:MER-16-1043-{i}", says="passed back")
        for i, c in enumerate(COUSINS, 1)
    ),
    Firing("s6_agencies_unaware_of_offender", "2017-09-04", CHILD_S, agency="CC_HK1"),
    # annual ARMS missed (5.19)
    Firing("s7_risk_assessment_overdue", "2017-10-12", MR_A, "police_risk_assessments:ARMS-03"),
    # "dropped his daughter off the night before" (3.9)
    Firing("s4_intelligence_of_child_nothing_follows", "2018-03-20", CHILD_S, "police_intelligence:INT-18-0320"),
    Firing("s2_contact_with_children_no_referral", "2018-03-20", CHILD_S, "police_visits:VIS-03"),
    # Child T born (3.10)
    Firing("s5_birth_to_offender_agencies_unaware", "2018-07-19", CHILD_T, "health_births:BIR-18-0719"),
    Firing("s6_agencies_unaware_of_offender", "2018-07-19", CHILD_T, agency="NICU_EG"),
    Firing("s6_agencies_unaware_of_offender", "2018-07-30", CHILD_T, agency="MAT_EG"),
    Firing("s6_agencies_unaware_of_offender", "2018-08-13", CHILD_T, agency="GP_HK1"),
    Firing("s7_change_without_reassessment", "2018-07-19", MR_A, "health_births:BIR-18-0719"),
    # nursery, additional address, missed notification (3.12, 3.13)
    Firing("s6_agencies_unaware_of_offender", "2018-10-08", CHILD_S, agency="NUR_HK1"),
    Firing("s1_child_at_offender_address", "2018-10-16", CHILD_S, "police_addresses:REG-02"),
    Firing("s1_child_at_offender_address", "2018-10-16", CHILD_T, "police_addresses:REG-02"),
    Firing("s8_address_not_notified", "2018-10-20", CHILD_S, "police_addresses:REG-02"),
    Firing("s8_address_not_notified", "2018-10-20", CHILD_T, "police_addresses:REG-02"),
    Firing("s8_notification_missed_or_late", "2018-11-02", MR_A, "police_notifications:NTF-05"),
    # children recorded by police; no extra ARMS (3.14, 5.19)
    Firing("s7_change_without_reassessment", "2018-11-27", MR_A, "police_associates:ASC-06"),
    # "working well" (5.28)
    Firing("s13_disguised_compliance", "2018-12-05", MR_A, "police_visits:VIS-08"),
    # false accounts to health (3.21, 3.25, 3.28)
    Firing("s10_minimising_account_of_offence", "2019-01-16", MS_R, "health_contacts:HC-08"),
    Firing("s10_minimising_account_of_offence", "2020-03-16", MS_R, "health_contacts:HC-10"),
    Firing("s10_minimising_account_of_offence", "2020-11-10", MS_R, "health_maternity_bookings:MB-20-1110"),
    # closure (3.20, 5.33)
    Firing("s12_closure_not_shared_or_silent_on_conditions", "2019-01-24", CHILD_S, "csc_closures:CLO-18-1203-1"),
    Firing("s12_closure_not_shared_or_silent_on_conditions", "2019-01-24", CHILD_T, "csc_closures:CLO-18-1203-2"),
    # dropping off alone at nursery during the SOPO (3.22)
    Firing("s9_unsupervised_contact_during_order", "2019-10-14", CHILD_S, "education_collections:COL-01"),
    Firing("s9_unsupervised_contact_during_order", "2019-10-14", CHILD_T, "education_collections:COL-02"),
    # paediatrics, school (3.24, 3.27)
    Firing("s6_agencies_unaware_of_offender", "2020-02-11", CHILD_S, agency="PAED_HK"),
    Firing("s6_agencies_unaware_of_offender", "2020-09-03", CHILD_S, agency="SCH_HK1"),
    Firing("s6_agencies_unaware_of_offender", "2020-09-03", CHILD_T, agency="SCH_HK1"),
    # 2020 ARMS missed; change of address (5.19, 3.30)
    Firing("s7_risk_assessment_overdue", "2020-11-13", MR_A, "police_risk_assessments:ARMS-05"),
    Firing("s7_change_without_reassessment", "2020-11-17", MR_A, "police_addresses:REG-03"),
    # third child (3.31)
    Firing("s5_birth_to_offender_agencies_unaware", "2021-06-09", CHILD_3, "health_births:BIR-21-0609"),
    Firing("s1_child_at_offender_address", "2021-06-09", CHILD_3, "police_addresses:REG-03"),
    Firing("s6_agencies_unaware_of_offender", "2021-06-09", CHILD_3, agency="HOSP_RV"),
    Firing("s6_agencies_unaware_of_offender", "2021-06-24", CHILD_3, agency="HV_HK"),
    Firing("s6_agencies_unaware_of_offender", "2021-06-28", CHILD_3, agency="GP_HK1"),
    Firing("s7_change_without_reassessment", "2021-06-09", MR_A, "health_births:BIR-21-0609"),
)


@pytest.fixture(scope="module")
def case_a(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graph]:
    """The Case A fixture loaded (no rejects) and linked, once for this module."""
    with Graph.connect(settings) as g:
        g.write_in_batches(CLEAR, name="clear test graph")
        report = load_directory(g, load_spec(), FIXTURE, tmp_path_factory.mktemp("case_a_rejects"))
        bad = [(f.file, f.error, f.rejected) for f in report.files if f.error or f.rejected]
        assert not bad, f"Case A fixture rows rejected: {bad}; see {report.rejects_file}"
        link_exact(g)
        yield g


def names(flag: Flag) -> set[str]:
    """Everyone a flag names: its children, its subject and the people it lists."""
    out = {c.name for c in flag.children}
    out |= {p.name for p in flag.people}
    if flag.subject:
        out.add(flag.subject.name)
    return {n for n in out if n}


def records(flag: Flag) -> set[str]:
    return {f"{e.feed}:{e.record_id}" for e in flag.evidence}


def matching(graph: Graph, firing: Firing, day: dt.date) -> list[Flag]:
    flags = run_query(graph, load_library()[firing.query], {"as_of": day})
    return [
        f
        for f in flags
        if firing.who in names(f)
        and (firing.record is None or firing.record in records(f))
        and (firing.agency is None or firing.agency in {a.key for a in f.agencies})
        and (firing.says is None or firing.says in f.summary)
    ]


@pytest.mark.integration
@pytest.mark.parametrize("firing", FIRINGS, ids=str)
def test_first_firing(case_a: Graph, firing: Firing) -> None:
    assert firing.query in load_library(), f"saved query {firing.query} is missing"
    before = matching(case_a, firing, firing.date - dt.timedelta(days=1))
    assert not before, f"{firing} already fires the day before: {[f.summary for f in before]}"
    on = matching(case_a, firing, firing.date)
    assert on, f"{firing} does not fire on the documented day"


@pytest.mark.integration
def test_one_failing_query_does_not_hide_the_others(case_a: Graph) -> None:
    library = load_library()
    broken = replace(library["s1_child_at_offender_address"], cypher="MATCH (n) RETURN n.key AS key ORDER BY")
    whole = worklist(case_a, dt.date(2020, 1, 1), library)
    partial = worklist(case_a, dt.date(2020, 1, 1), library | {broken.name: broken})
    assert list(partial.failures) == [broken.name] and "Invalid input" in partial.failures[broken.name]
    assert whole.failures == {} and CHILD_S in {r.name for r in partial.rows}
    others = {r.key: [f.key for f in r.flags if f.query != broken.name] for r in whole.rows}
    assert {r.key: [f.key for f in r.flags] for r in partial.rows} == {k: v for k, v in others.items() if v}


def test_doc_lists_every_firing() -> None:
    """Every firing tested here appears in docs/case-a.md as `query` and its date on one line."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    missing = [str(f) for f in FIRINGS if not any(f"`{f.query}`" in ln and f.day in ln for ln in lines)]
    assert not missing, f"docs/case-a.md does not list: {missing}"
    documented = {
        (m.group(1), m.group(2))
        for ln in lines
        if ln.startswith("|")
        for m in re.finditer(r"`(s\d+_[a-z0-9_]+)` (?:fires )?(\d{4}-\d{2}-\d{2})", ln)
    }
    tested = {(f.query, f.day) for f in FIRINGS}
    assert documented <= tested, f"docs/case-a.md lists firings this test does not check: {documented - tested}"
