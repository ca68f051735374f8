"""Typed flags (queries/flags.py) without Neo4j: a query's row becomes a `Flag` of dates and typed parts once,
its key does not move, and its JSON export reads back to the same flag."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import Any

import neo4j.time
import pytest

from errors import QueryError
from queries.flags import RESULT_COLUMNS, Agency, Evidence, Flag, Person
from queries.library import get_query

S1 = get_query("s1_child_at_offender_address")
S7 = get_query("s7_risk_assessment_overdue")


def _row(**columns: Any) -> dict[str, Any]:
    """A saved query's row as the driver returns it (Neo4j dates, maps with keys in the server's order)."""
    row: dict[str, Any] = {
        "children": [
            {
                "records": ["upn:U2", "nhs:2"],
                "dob": neo4j.time.Date(2017, 3, 4),
                "name": "Ben Reed",
                "key": "identity:nhs:2",
            },
            {
                "records": ["nhs:1"],
                "dob": neo4j.time.Date(2015, 1, 2),
                "name": "Amy Reed",
                "from": neo4j.time.Date(2019, 5, 1),
                "key": "identity:nhs:1",
            },
        ],
        "subject": {"risk_level": "high", "dob": neo4j.time.Date(1980, 5, 6), "name": "Karl Smith", "key": "police:N1"},
        "people": [{"role": "offender", "name": "Karl Smith", "key": "police:N1"}],
        "addresses": ["2 ELM ROAD | E81AB", "1 ELM ROAD | E81AB"],
        "agencies": [
            {"name": "Jigsaw 1", "key": "JIG1"},
            {"name": "Elm Surgery", "working_from": neo4j.time.Date(2018, 1, 1), "key": "GP1", "status": "not told"},
        ],
        "path": ["(offender)-[lives at]->(1 ELM ROAD)<-[lives at]-(child)"],
        "evidence": [
            {
                "date": neo4j.time.Date(2020, 1, 2),
                "record_id": "REG1",
                "feed": "police_addresses",
                "what": "registered address",
                "agency": "police",
            },
            {"date": None, "record_id": "N1", "feed": "police_nominals", "what": None, "agency": "police"},
        ],
        "detected_on": neo4j.time.Date(2020, 1, 2),
        "summary": "Amy Reed and Ben Reed live where Karl Smith lives",
    }
    return row | columns


def test_neo4j_dates_become_python_dates_once() -> None:
    """Fails if a Neo4j date is left for pages and exports to convert (or parse back from text)."""
    flag = Flag.from_row(S1, _row())
    assert flag.detected_on == dt.date(2020, 1, 2) and type(flag.detected_on) is dt.date
    assert [type(c.dob) for c in flag.children] == [dt.date, dt.date]
    assert flag.children[1].dob == dt.date(2015, 1, 2) and flag.children[1].more["from"] == dt.date(2019, 5, 1)
    assert flag.subject == Person.from_map(_row()["subject"]) and flag.subject.dob == dt.date(1980, 5, 6)
    assert flag.subject.more == {"risk_level": "high"}
    assert flag.people[0].role == "offender" and flag.people[0].dob is None
    assert flag.agencies[1].status == "not told" and flag.agencies[1].more["working_from"] == dt.date(2018, 1, 1)
    assert flag.evidence[0].date == dt.date(2020, 1, 2) and (flag.evidence[1].date, flag.evidence[1].what) == (
        None,
        None,
    )
    moment = Flag.from_row(S1, _row(detected_on=neo4j.time.DateTime(2020, 1, 2, 3, 4, 5)))
    assert moment.detected_on == dt.datetime(2020, 1, 2, 3, 4, 5)
    assert (flag.query, flag.signal, flag.severity, flag.title) == (S1.name, S1.signal, S1.severity, S1.title)


@pytest.mark.parametrize("column", RESULT_COLUMNS)
def test_a_row_missing_a_result_column_is_an_error_naming_the_query(column: str) -> None:
    """Fails if a query that breaks the result contract (docs/queries.md) yields a half-empty flag."""
    row = _row()
    del row[column]
    with pytest.raises(QueryError, match=f"{S1.name} returned no {column}"):
        Flag.from_row(S1, row)


def test_the_key_is_the_one_triage_states_already_hang_on() -> None:
    """Triage follows its flag across this refactor: the keys below were computed by `Flag.key` of the dict-based
    runner (commit f80fb46) for the same rows. Fails if the key's algorithm changes, which would orphan every
    assignee, status and no-further-action decision stored in Neo4j."""
    assert Flag.from_row(S1, _row()).key == "5a9fc3369f51cc85"
    no_records = _row(children=[{"key": "police:C9", "name": "No Records"}], subject=None, addresses=[])
    assert Flag.from_row(S7, no_records).key == "d03231d0b268571a"  # a child without records stands for itself
    reordered = _row(
        children=list(reversed(_row()["children"])), addresses=["1 ELM ROAD | E81AB", "2 ELM ROAD | E81AB"]
    )
    assert Flag.from_row(S1, reordered).key == "5a9fc3369f51cc85"


def test_child_keys_and_targets() -> None:
    """Fails if a page stops finding a flag by a child's identity or by one of its records, or if a worklist row
    stops being about the children (or, with none identified, the subject)."""
    flag = Flag.from_row(S1, _row())
    assert flag.child_keys() == {"identity:nhs:2", "upn:U2", "nhs:2", "identity:nhs:1", "nhs:1"}
    assert [t.key for t in flag.targets()] == ["identity:nhs:2", "identity:nhs:1"]
    subject_only = Flag.from_row(S7, _row(children=[]))
    assert subject_only.child_keys() == frozenset() and [t.key for t in subject_only.targets()] == ["police:N1"]
    assert Flag.from_row(S7, _row(children=[], subject=None)).targets() == ()


def test_json_round_trip_keeps_every_map_as_the_query_returned_it() -> None:
    """Fails if an export loses or invents a field (a person listed without a date of birth gets `dob: null`),
    reorders a query's map, or does not read back to the same flag."""
    flag = Flag.from_row(S1, _row())
    data = json.loads(json.dumps(flag.to_json()))
    assert list(data) == ["key", "query", "signal", "severity", "title", *RESULT_COLUMNS, "status", "fact"]
    assert data["key"] == flag.key and data["detected_on"] == "2020-01-02"
    assert data["children"][1] == {
        "records": ["nhs:1"],
        "dob": "2015-01-02",
        "name": "Amy Reed",
        "from": "2019-05-01",
        "key": "identity:nhs:1",
    }
    assert list(data["children"][1]) == ["records", "dob", "name", "from", "key"]
    assert data["people"] == [{"role": "offender", "name": "Karl Smith", "key": "police:N1"}]
    assert data["evidence"][1] == {
        "date": None,
        "record_id": "N1",
        "feed": "police_nominals",
        "what": None,
        "agency": "police",
    }
    assert Flag.from_json(data) == flag
    assert Flag.from_json(data).to_json() == data


def test_parts_built_in_code_export_their_typed_fields() -> None:
    """Fails if a part made without a query's map (tests, fixtures) exports nothing or loses its extras."""
    assert Person("c", "Amy", dt.date(2015, 1, 1), ("nhs:1",), more={"from": dt.date(2019, 1, 1)}).to_json() == {
        "key": "c",
        "name": "Amy",
        "dob": "2015-01-01",
        "records": ["nhs:1"],
        "role": "",
        "from": "2019-01-01",
    }
    assert Agency("GP1", "Elm Surgery").to_json() == {"key": "GP1", "name": "Elm Surgery", "status": ""}
    assert Evidence("police", "police_addresses", "R1").to_json()["date"] is None


def test_flags_are_frozen_and_pickle_for_the_explorer_cache() -> None:
    """st.cache_data pickles the worklist: fails if a flag (with its read-only extras) cannot make the trip."""
    flag = Flag.from_row(S1, _row())
    again = pickle.loads(pickle.dumps(flag))
    assert again == flag and again.key == flag.key
    assert again.children[1].more["from"] == dt.date(2019, 5, 1)
    with pytest.raises(TypeError):
        again.children[1].more["from"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        again.summary = "changed"  # type: ignore[misc]


def test_a_named_fact_keys_the_flag_by_signal_subject_child_and_fact() -> None:
    """Issue 11 class 8: one key covered three different overdue assessments, and one unchanged S1 flag took four
    keys as enrolments were added to its child. Fails if a key depends on anything but the signal, the subject,
    the child and the triggering fact."""
    row = _row() | {"fact": "police_addresses:A1"}
    whole = Flag.from_row(S1, row).split()
    assert len(whole) == 1 and len(whole[0].children) == 2, "children without facts of their own are context"
    enrolled = [dict(c, records=[*c.get("records", []), "upn:U9"]) for c in row["children"]]
    again = Flag.from_row(S1, row | {"children": enrolled, "summary": "worded otherwise"}).split()
    assert [f.key for f in again] == [whole[0].key], "a record added to a child changes no key"
    other = Flag.from_row(S1, row | {"fact": "police_addresses:A2"}).split()
    assert other[0].key != whole[0].key, "another triggering fact is another flag"
    assert whole[0].legacy_key == Flag.from_row(S1, _row()).key, "triage kept under the old key is found"

    homes = [dict(c, fact=f"health_gp_registrations:G{i}") for i, c in enumerate(row["children"])]
    each = Flag.from_row(S1, row | {"children": homes}).split()
    assert [f.children[0].key for f in each] == [c["key"] for c in row["children"]], "one flag per child"
    assert len({f.key for f in each}) == 2 and all(f.legacy_key == whole[0].legacy_key for f in each)


def test_a_row_may_lower_its_severity_and_say_it_awaits() -> None:
    flag = Flag.from_row(S1, _row() | {"severity": "medium", "status": "awaiting referral"})
    assert (flag.severity, flag.status) == ("medium", "awaiting referral")
    with pytest.raises(QueryError, match="severity"):
        Flag.from_row(S1, _row() | {"severity": "urgent"})
