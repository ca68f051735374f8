"""Profile and link chart page: one identity across agencies, capped neighbourhood, path finder, connected
network, exports (PNG, JSON, PDF briefing)."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from streamlit.testing.v1 import AppTest

from explorer import chart
from explorer.network import NEIGHBOUR_LIMIT
from graph.db import Graph
from settings import Settings
from tests.support.keys import assert_no_internal_keys
from tests.support.population import Population, consultations, explorer_env, open_app, population, texts, widget

__all__ = ["explorer_env", "population"]  # fixtures


def _child(population: Population) -> str:
    return next(k for k in population.case("S1")["children"] if k.startswith("nhs:"))


def _offender(population: Population) -> str:
    return next(r for p in population.case("S1")["people"] for r in p["records"] if r.startswith("police:"))


def test_a_child_record_opens_as_one_person_with_flags_and_a_capped_chart(population: Population) -> None:
    at = open_app("profile", focus=_child(population))
    assert not at.exception and not texts(at, "error")
    header = texts(at, "markdown")[0]
    assert "child" in header and "S1" in header
    records = at.dataframe[0].value  # the identity's records, one row each, in words
    assert (records["agency"] == "health").any() and not records["record"].str.contains(":").any()
    assert any("showing" in c and "neighbours" in c for c in texts(at, "caption"))
    assert consultations()[-1]["what"] == "profile"


def test_the_header_says_age_address_and_household_of_a_child(population: Population) -> None:
    """Fails when the first questions (how old, where, with whom) need a click, or a key shows."""
    at = open_app("profile", focus=_child(population))
    header = "\n".join(texts(at, "markdown")[:2])
    for label in ("**Age:**", "**Lives at:**", "**Household:**"):
        assert label in header, header
    lives_at = header.split("**Lives at:** ")[1].split("\n")[0]
    assert "since" in lives_at or "from" in lives_at  # with its dates
    assert "|" not in lives_at and not any(f"{label}" in header for label in ("**Offence:**", "**MAPPA:**"))
    assert_no_internal_keys(at)


def test_the_header_of_an_offender_says_offence_notification_orders_mappa_risk_and_manager(
    population: Population,
) -> None:
    """Fails when an offender's header lacks one of the facts a strategy discussion starts from, or shows a
    raw value (an offence category code, "True" for Schedule 3)."""
    at = open_app("profile", focus=_offender(population))
    header = texts(at, "markdown")[1]
    for label in ("Offence", "Notification", "Orders and conditions", "MAPPA", "Risk level", "Offender manager"):
        assert f"**{label}:**" in header, header
    assert "category " in header and "level " in header
    assert "_" not in header and "True" not in header
    assert_no_internal_keys(at)


def test_expand_the_next_ring_reaches_the_offender_through_the_address(population: Population) -> None:
    """The ring around the child's address draws the police record that puts the offender there (in this
    population, intelligence that he stays at the address), which names him. Fails if the ring draws the
    address's neighbours without the planted evidence."""
    case = population.case("S1")
    address = f"address|{case['addresses'][0]}"
    placed = {e.split(":", 1)[1] for e in case["evidence"] if e.startswith("police")}  # the record placing him
    at = open_app("profile", focus=_child(population))
    assert address in _drawn(at) and not placed & _records(at)
    next(b for b in at.button if b.label.startswith("Expand the next ring")).click().run()
    shown = [c for c in texts(at, "caption") if "showing" in c]
    assert len(shown) >= 2
    assert at.session_state["chart"]["expanded"]
    assert all(limit <= NEIGHBOUR_LIMIT for limit in at.session_state["chart"]["expanded"].values())
    assert placed & _records(at), f"the ring around the child's address does not draw {placed}"


def test_replay_and_filters_change_what_the_chart_holds(population: Population) -> None:
    at = open_app("profile", focus=_child(population))
    edges = _chart(at)["edges"]
    at.toggle(key="chart-replay-on").set_value(True).run()
    assert any("Replaying the network" in m for m in texts(at, "markdown"))
    replay = next(s for s in at.slider if s.label == "As it stood on")
    first = min(e["data"]["from"] for e in edges if e["data"].get("from"))
    replay.set_value(dt.date.fromisoformat(first)).run()
    replayed = _chart(at)["edges"]
    assert 0 < len(replayed) < len(edges), "links made after the replay date are not drawn"
    assert all(e["data"].get("from", first) <= first for e in replayed)
    at.toggle(key="chart-replay-on").set_value(False).run()
    hide = widget(at, "multiselect", "Hide relationship types")
    drawn = {chart.relationship(e["data"]["label"]): e["data"]["label"] for e in edges}  # options are in words
    hidden = next(drawn[t] for t in hide.options if t in drawn)
    hide.set_value([hidden]).run()
    assert not at.exception and widget(at, "multiselect", "Hide relationship types").value == [hidden]
    kept = _chart(at)["edges"]
    assert kept and not any(e["data"]["label"] == hidden for e in kept), f"{hidden} links are still drawn"


def test_path_finder_joins_child_and_offender(population: Population) -> None:
    at = open_app("profile", focus=_child(population), **{"profile-view": "Path finder"})
    widget(at, "text_input", "Path to").input(_offender_name(at, population)).run()
    assert not texts(at, "error"), texts(at, "error")
    steps = [c.value for c in at.code]
    assert steps and any("REGISTERED_AT" in s or "LIVES_AT" in s for s in steps), steps


def _chart(at: AppTest) -> dict[str, list[dict[str, Any]]]:
    """The link chart's nodes and edges as the page hands them to the chart component."""
    return json.loads(at.get("component_instance")[0].proto.json_args)["elements"]


def _drawn(at: AppTest) -> set[str]:
    return {n["data"]["id"] for n in _chart(at)["nodes"]}


def _records(at: AppTest) -> set[str]:
    """The agency's record id of every record drawn, as a node of its own (intelligence, referrals, ...) or
    in a node of records folded by kind ("12 home visits 2016-2024")."""
    nodes = [n["data"] for n in _chart(at)["nodes"] if n["data"]["kind"] not in {"person", "address", "agency"}]
    return {d["record"] for d in nodes if d.get("record")} | {
        r for d in nodes if d.get("record ids") for r in d["record ids"].split(", ")
    }


def _offender_name(at: object, population: Population) -> str:
    with Graph.connect(Settings.from_env()) as graph:
        row = graph.read(
            "MATCH (p:Person {key: $k}) RETURN p.forenames + ' ' + p.surname AS n", k=_offender(population)
        )
    return row[0]["n"]


def test_connected_network_ranks_who_ties_the_offender_to_children(population: Population) -> None:
    at = open_app("profile", focus=_offender(population), **{"profile-view": "Connected network"})
    assert not texts(at, "error")
    ranking = at.dataframe[-1].value
    assert "betweenness" in ranking.columns and len(ranking) >= 1
    assert (ranking["betweenness"] > 0).all()


def test_exports_png_json_and_a_pdf_briefing(population: Population) -> None:
    at = open_app("profile", focus=_child(population), **{"profile-view": "Export"})
    labels = [b.label for b in at.get("download_button")]
    assert "Chart as PNG" in labels and "Chart as JSON" in labels
    next(b for b in at.button if b.label == "Prepare PDF briefing").click().run()
    pdf = next(b for b in at.get("download_button") if b.label == "Download PDF briefing")
    pdf.click().run()  # the click is the disclosure, logged
    entry = consultations()[-1]
    assert entry["action"] == "disclosure"
    assert entry["what"].startswith("download sightline-briefing-") and entry["what"].endswith("-as-of-2024-12-31.pdf")
    assert entry["subjects"] and entry["why"] == "automated test"


def test_the_export_draws_the_chart_as_the_analyst_filtered_it(population: Population) -> None:
    at = open_app("profile", focus=_child(population))
    hide = widget(at, "multiselect", "Hide relationship types")
    drawn = {chart.relationship(e["data"]["label"]): e["data"]["label"] for e in _chart(at)["edges"]}
    hidden = next(drawn[t] for t in hide.options if t in drawn)
    hide.set_value([hidden]).run()
    at.segmented_control(key="profile-view").set_value("Export").run()
    assert not at.exception and "Chart as PNG" in [b.label for b in at.get("download_button")]
    shown_for, filters = at.session_state["profile-filters"]
    assert shown_for == at.session_state["chart"]["root"] and hidden not in (filters.types or ())


def test_unknown_key_and_no_focus_are_plain(population: Population) -> None:
    at = open_app("profile", focus="no-such-key")
    assert any("Nothing in the graph" in w for w in texts(at, "warning"))
    at = open_app("profile")
    assert any("Open a person" in t for t in texts(at, "info"))


def test_an_offenders_chart_folds_his_records_by_kind_with_a_legend(population: Population) -> None:
    """People, addresses and agencies first: his visits, notifications and assessments are one node per kind,
    opened on request; a legend says what each colour means."""
    at = open_app("profile", focus=_offender(population))
    assert not at.exception and not texts(at, "error")
    nodes = [n["data"] for n in _chart(at)["nodes"]]
    groups = [d for d in nodes if d["kind"] == "group"]
    assert groups and all(d["name"][0].isdigit() for d in groups), [d["name"] for d in groups]
    legend = next(m for m in texts(at, "markdown") if "sightline-legend" in m)
    assert "offender" in legend and "records grouped" in legend
    labels = {d["label"] for d in nodes}
    assert all(html.escape(label) in legend for label in labels), (labels, legend)
    assert all(not e["data"]["caption"].isupper() for e in _chart(at)["edges"])  # plain words, not LIVES_AT
    opened = widget(at, "selectbox", "Records of one kind")
    first = opened.options[0]
    opened.select_index(0).run()
    assert not at.exception
    after = [n["data"] for n in _chart(at)["nodes"]]
    assert len(after) > len(nodes) and first not in {d["name"] for d in after if d["kind"] == "group"}
    assert any(b.label == "Fold records by kind again" for b in at.button)


def test_opened_from_a_flag_the_offender_child_path_is_drawn_in_red(population: Population) -> None:
    at = open_app("profile", focus=_child(population))
    assert not any(e["data"].get("on_path") for e in _chart(at)["edges"])
    choose = widget(at, "selectbox", "Highlight the path of a flag")
    choose.select_index(next(i for i, o in enumerate(choose.options) if o.startswith("S1"))).run()
    assert not at.exception and not texts(at, "error")
    on_path = [e["data"] for e in _chart(at)["edges"] if e["data"].get("on_path")]
    assert on_path, "the S1 path is drawn"
    marked = {n["data"]["id"] for n in _chart(at)["nodes"] if n["data"].get("on_path")}
    assert at.session_state["chart"]["root"] in marked and any(m != at.session_state["chart"]["root"] for m in marked)
    assert any(html.escape(chart.PATH_LEGEND) in m for m in texts(at, "markdown"))
    flag_key = widget(at, "selectbox", "Highlight the path of a flag").value
    at = open_app("profile", focus=_child(population), **{"focus-flag": flag_key})  # as the worklist opens it
    assert any(e["data"].get("on_path") for e in _chart(at)["edges"])


def test_a_selected_node_is_described_in_words() -> None:
    """Unit test: a conviction's fields as the details panel shows them. Fails on "schedule_3: True", a raw
    category code, an ISO date, a feed name or a linkage field."""
    from explorer.profile_ui import worded

    shown = worded(
        {
            "schedule_3": "True",
            "offence_category": "indecent_images",
            "date": "2020-01-02",
            "raw_forms": "['1 ELM RD']",
            "source": "police_convictions",
            "source_id": "CON1",
        }
    )
    assert shown == {
        "schedule 3": "yes",
        "offence category": "indecent images of children",
        "date": "2 January 2020",
        "recorded in": "conviction CON1",
    }
