"""The explorer's pure logic, without Neo4j or Streamlit: search terms, chart filters, triage status,
worklist filters, line-of-sight matrix, exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from explorer import briefing, chart, chronology, data, render, saved, search, sight, triage
from explorer import worklist as wl
from explorer.network import Edge, Network, Node
from queries.flags import Agency, Evidence, Flag, Person
from queries.runner import WorklistRow

D = dt.date


def test_people_query_widens_names_with_nicknames_and_edit_distance() -> None:
    query = search.people_query("Bill Smyth")
    assert "william" in query and "smyth~1" in query and " AND " in query
    assert search.people_query("Xi") == "(xi OR xi*)"  # short words: no fuzzy noise
    assert "albert" in search.people_query("Al") and "~" not in search.people_query("Al")  # nicknames still
    assert search.people_query("O'Neil (x)").startswith("(oneil")
    assert search.people_query("   ") == ""


def test_address_query_accepts_postcodes_with_or_without_space() -> None:
    assert "e8 1ab" in search.address_query("E81AB") and "e81ab" in search.address_query("E8 1AB")


def _net() -> Network:
    net = Network()
    child = Node(
        "person|c",
        "person",
        "c",
        ["Identity"],
        {"dob": D(2015, 1, 1)},
        [{"key": "nhs:1", "forenames": "Amy", "surname": "Reed", "dob": D(2015, 1, 1)}],
    )
    man = Node(
        "person|o",
        "person",
        "o",
        ["Identity"],
        {},
        [{"key": "police:N1", "offender": True, "forenames": "Karl", "surname": "Smith"}],
    )
    home = Node("address|A", "address", "A", ["Address"], {"line1": "1 Elm Road", "postcode": "E8 1AB"})
    event = Node(
        "node|e",
        "node",
        "e",
        ["Referral", "Event"],
        {"date": D(2021, 5, 1), "kind": "referral", "source": "csc_referrals"},
    )
    for n in (child, man, home, event):
        net.nodes[n.id] = n
    net.edges["1"] = Edge("1", "person|c", "address|A", "LIVES_AT", {"from": D(2015, 1, 1)})
    net.edges["2"] = Edge("2", "person|o", "address|A", "REGISTERED_AT", {"from": D(2020, 2, 2), "to": None})
    net.edges["3"] = Edge("3", "node|e", "person|c", "ABOUT", {})
    net.edges["4"] = Edge("4", "person|c", "address|A", "LIVES_AT", {"from": D(2016, 1, 1)})
    return net


def test_replay_drops_links_not_yet_made_and_records_not_yet_written() -> None:
    net = _net()
    nodes, edges = chart.apply(net, chart.Filters(replay=D(2019, 1, 1)), {"person|c"})
    assert {n.id for n in nodes} == {"person|c", "address|A"}
    assert {e.type for e in edges} == {"LIVES_AT"}
    nodes, _ = chart.apply(net, chart.Filters(), {"person|c"})
    assert len(nodes) == 4


def test_type_filter_and_parallel_links_merge() -> None:
    view = chart.build_view(_net(), chart.Filters(types=frozenset({"LIVES_AT"})), {"person|c"}, D(2024, 1, 1), {})
    assert len(view.edges) == 1 and view.edges[0].props["records"] == 2


def test_styles_mark_roles_and_flags() -> None:
    flags = {"police:N1": ["S1"]}
    view = chart.build_view(_net(), chart.Filters(), {"person|c"}, D(2024, 1, 1), flags)
    elements = chart.elements(view, D(2024, 1, 1), flags)
    by_id = {n["data"]["id"]: n["data"] for n in elements["nodes"]}
    assert by_id["person|o"]["label"] == "offender (flagged)" and by_id["person|o"]["name"].startswith("⚑ S1")
    assert by_id["person|c"]["label"] == "child"
    assert by_id["node|e"]["label"] == "Referral: children's social care"
    png = render.network_png(view, elements, "test")
    assert png.startswith(b"\x89PNG")


def _flag(evidence_dates: list[dt.date], addresses: tuple[str, ...] = ()) -> Flag:
    return Flag(
        "q",
        "S1",
        "high",
        "t",
        evidence=tuple(Evidence("health", "health_contacts", f"HC{i}", d) for i, d in enumerate(evidence_dates)),
        agencies=(Agency("GP1", "Elm Surgery"),),
        addresses=addresses,
        detected_on=D(2020, 1, 1),
    )


def test_no_further_action_comes_back_as_re_raised_only_with_later_evidence() -> None:
    nfa = triage.State("k1", triage.NFA, reason="seen", decided_on=D(2021, 1, 1))
    assert triage.shown_status(_flag([D(2020, 6, 1)]), nfa) == triage.NFA
    assert triage.shown_status(_flag([D(2020, 6, 1), D(2022, 3, 1)]), nfa) == triage.RE_RAISED
    assert triage.shown_status(_flag([]), None) == triage.NEW


def test_worklist_filters_by_agency_and_postcode_district() -> None:
    rows = [WorklistRow(Person("c", "Amy", D(2015, 1, 1)), (_flag([D(2020, 1, 1)], ("1 ELM ROAD | E81AB",)),))]
    assert wl.options(rows)["areas"] == ["E8"]
    assert wl.filtered(rows, wl.RowFilter(areas=frozenset({"E8"})))
    assert not wl.filtered(rows, wl.RowFilter(agencies=frozenset({"police"})))
    assert wl.filtered(rows, wl.RowFilter(agencies=frozenset({"Elm Surgery"})))
    table = wl.table(rows, {}, D(2024, 12, 31))
    assert table.loc[0, "triage"] == "1 new"
    assert (table.loc[0, "age"], table.loc[0, "first detected"]) == ("9", "1 January 2020")
    assert table.loc[0, "signals"] == "child at an offender's address"


def test_line_of_sight_marks_gaps_and_late_awareness() -> None:
    found = sight.Sight(
        agencies=[
            {
                "key": "GP1",
                "name": "Elm Surgery",
                "agency_type": "gp_practice",
                "since": D(2020, 1, 1),
                "how": ["registered patient"],
            },
            {"key": "SCH1", "name": "Elm School", "agency_type": "school", "since": D(2020, 1, 1), "how": ["enrolled"]},
        ],
        offenders=[{"name": "Karl Smith", "nominals": ["police:N1"], "conditions": [["SHPO: no contact"]]}],
        knowledge=[
            {
                "agency": "GP1",
                "what": "disclosure",
                "content": "conviction",
                "date": D(2020, 6, 1),
                "nominal": "police:N1",
            }
        ],
    )
    frame = sight.matrix(found)
    status = frame["offender status: Karl Smith"]
    assert status[0].endswith("late") and status[1] == sight.GAP
    assert list(frame["order conditions"]) == [sight.GAP, sight.GAP]
    assert sight.gaps(frame) == 1


def test_chronology_describes_records_without_text_and_exports_csv() -> None:
    assert chronology.summarise("travel", {"destination": "Spain"}, [], []) == "Travel; to Spain."
    frame = pd.DataFrame(
        [
            {
                "date": D(2020, 1, 1),
                "agency": "police",
                "system": "ViSOR",
                "kind": "visit",
                "summary": "x",
                "who": "",
                "record": "police home visit V1",
            }
        ]
    )
    assert chronology.csv_bytes(frame).startswith(b"protective_marking,date,agency")
    assert len(chronology.timeline(frame).data) == 1


def test_saved_query_results_as_graph_and_exports() -> None:
    flag = Flag(
        "s1",
        "S1",
        "critical",
        "t",
        (Person("identity:nhs:1", "Amy", D(2015, 1, 1), ("nhs:1",)),),
        Person("police:N1", "Karl"),
        (),
        ("1 ELM ROAD | E81AB",),
        (Agency("JIG1", "Jigsaw"),),
        ("(a)-[b]->(c)",),
        (Evidence("police", "police_addresses", "P1", D(2020, 1, 1), "x"),),
        D(2020, 1, 1),
        "s",
    )
    net = saved.network([flag])
    assert {n.kind for n in net.nodes.values()} == {"person", "record", "address", "agency", "node"}
    assert saved.as_csv([flag]).startswith(b"protective_marking,signal,")
    assert '"signal": "S1"' in saved.as_json([flag])


def test_briefing_is_a_marked_pdf() -> None:
    doc = briefing.Briefing(
        "Briefing: Amy ✗", "child", "Analyst", "test", D(2024, 1, 1), pd.DataFrame([{"record": "nhs:1"}])
    )
    pdf = briefing.render(doc)
    assert pdf.startswith(b"%PDF")


def test_data_preview_reports_rejects_without_loading(tmp_path: Path) -> None:
    (tmp_path / "agencies.csv").write_text(
        "agency_id,name,agency_type,address_line1,address_line2,town,postcode,area\n"
        "GP1,Elm Surgery,gp_practice,,,,,\nGP1,Again,gp_practice,,,,,\nX,Bad,nonsense,,,,,\n",
        encoding="utf-8",
    )
    found = data.preview(tmp_path)
    assert found.files[0]["valid"] == 1 and found.files[0]["rejected"] == 2
    assert [r["line"] for r in found.rejects] == [3, 4]
