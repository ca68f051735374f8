"""The link chart's network building on a small graph, without Neo4j: records folded by kind with their
count and years, the legend, plain link captions, and the offender-child path drawn in red and never folded."""

from __future__ import annotations

import datetime as dt

from explorer import chart, grouping, render
from explorer.network import Edge, Network, Node

D = dt.date
AS_OF = D(2024, 12, 31)


def _person(ident: str, name: str, **record: object) -> Node:
    first, last = name.split()
    return Node(f"person|{ident}", "person", ident, ["Identity"], {}, [{"forenames": first, "surname": last, **record}])


def _visit(i: int, day: dt.date) -> Node:
    props = {"kind": "visit", "visit_type": "home_visit", "date": day, "source": "police_visits", "source_id": f"V{i}"}
    return Node(f"node|v{i}", "node", f"v{i}", ["Visit", "Event"], props)


def _graph() -> Network:
    """An offender with twelve home visits (2016-2024), a partner, a child at the partner's address, and one
    intelligence report placing him at that address: the path from him to the child runs through it."""
    net = Network()
    man = _person("o", "Karl Smith", key="police:N1", offender=True, source="police_nominals")
    partner = _person("p", "Jo Reed", key="nhs:2", dob=D(1990, 1, 1), source="health_gp")
    child = _person("c", "Amy Reed", key="nhs:1", dob=D(2015, 1, 1), source="health_gp")
    home = Node("address|A", "address", "A", ["Address"], {"line1": "1 Elm Road", "postcode": "E8 1AB"})
    intel = Node(
        "node|i",
        "node",
        "i",
        ["Intelligence", "Event"],
        {"kind": "intelligence", "date": D(2023, 3, 1), "source": "police_intelligence", "source_id": "I1"},
    )
    visits = [_visit(i, D(2016 + (i * 8) // 11, 6, 1)) for i in range(12)]
    for n in (man, partner, child, home, intel, *visits):
        net.nodes[n.id] = n
    for i, v in enumerate(visits):
        net.edges[f"v{i}"] = Edge(f"v{i}", v.id, man.id, "ABOUT", {})
    net.edges["p1"] = Edge("p1", man.id, partner.id, "ASSOCIATE_OF", {"relationship": "partner", "from": D(2021, 5, 1)})
    net.edges["l1"] = Edge("l1", partner.id, home.id, "LIVES_AT", {"from": D(2019, 1, 1)})
    net.edges["l2"] = Edge("l2", child.id, home.id, "LIVES_AT", {"from": D(2015, 1, 1), "to": D(2024, 2, 1)})
    net.edges["i1"] = Edge("i1", intel.id, man.id, "ABOUT", {})
    net.edges["i2"] = Edge("i2", intel.id, home.id, "MENTIONS", {})
    return net


def _path(net: Network) -> Network:
    """The offender-child path as explorer.paths returns it: its nodes and links."""
    path = Network()
    for nid in ("person|o", "node|i", "address|A", "person|c"):
        path.nodes[nid] = net.nodes[nid]
    for eid in ("i1", "i2", "l2"):
        path.edges[eid] = net.edges[eid]
    return path


def test_records_of_one_kind_fold_into_one_node_with_count_and_years() -> None:
    view = chart.build_view(_graph(), chart.Filters(), {"person|o"}, AS_OF, {})
    groups = [n for n in view.nodes if n.kind == "group"]
    assert len(groups) == 1 and groups[0].name == "12 home visits 2016\N{EN DASH}2024"
    assert not any(n.props.get("kind") == "visit" for n in view.nodes if n.kind == "node")
    assert len(view.nodes) == 6  # offender, partner, child, address, intelligence, the group
    (about,) = [e for e in view.edges if e.source == groups[0].id]
    assert about.target == "person|o" and about.props["records"] == 12
    assert chart.edge_caption(about) == "is about (12 records)"
    group = view.folded[groups[0].id]
    assert [m.props["source_id"] for m in group.members][:2] == ["V0", "V1"]  # oldest first


def test_an_opened_group_draws_each_record() -> None:
    folded = chart.build_view(_graph(), chart.Filters(), {"person|o"}, AS_OF, {})
    opened = chart.build_view(_graph(), chart.Filters(), {"person|o"}, AS_OF, {}, opened=set(folded.folded))
    assert not opened.folded and sum(n.kind == "node" for n in opened.nodes) == 13


def test_a_single_record_is_not_folded_and_a_group_needs_the_same_neighbours() -> None:
    net = _graph()
    net.edges["v0-home"] = Edge("v0-home", "node|v0", "address|A", "AT", {})  # one visit also at the address
    view = chart.build_view(net, chart.Filters(), {"person|o"}, AS_OF, {})
    assert sorted(n.name for n in view.nodes if n.kind == "group") == ["11 home visits 2016\N{EN DASH}2024"]
    assert "node|v0" in {n.id for n in view.nodes}


def test_legend_names_every_kind_drawn_people_first() -> None:
    flags = {"nhs:1": ["S1"]}
    view = chart.build_view(_graph(), chart.Filters(), {"person|o"}, AS_OF, flags)
    entries = chart.legend(view, AS_OF, flags)
    texts = [e.text for e in entries]
    assert texts[:4] == ["offender", "child (flagged)", "adult", "address"], texts
    assert "records grouped: police" in texts
    assert all(e.count == 1 for e in entries)
    assert chart.PATH_LEGEND not in texts  # no path asked for


def test_links_are_captioned_in_plain_words_with_their_period() -> None:
    view = chart.build_view(_graph(), chart.Filters(), {"person|o"}, AS_OF, {})
    captions = {e.id: chart.edge_caption(e) for e in view.edges}
    assert captions["l2"] == "lives at, 2015\N{EN DASH}2024"
    assert captions["l1"] == "lives at, since 2019"
    elements = chart.elements(view, AS_OF, {})
    assert all(not e["data"]["caption"].isupper() for e in elements["edges"])
    shown = " ".join(str(v) for n in elements["nodes"] for k, v in n["data"].items() if k != "id")
    assert "nhs:" not in shown and "police:" not in shown  # the panel shows every field but the label


def test_the_flag_path_is_marked_and_never_folded() -> None:
    net = _graph()
    path = _path(net)
    path.edges.pop("i2")
    path.edges["x"] = Edge("x", "node|i", "address|A", "MENTIONS", {})  # fetched by the path finder only
    del net.edges["i2"], net.nodes["node|i"]  # the chart had not fetched the intelligence report
    view = chart.build_view(net, chart.Filters(), {"person|o"}, AS_OF, {}, path=path)
    assert {"person|o", "node|i", "address|A", "person|c"} <= view.path
    assert {"i1", "x", "l2"} <= view.path and "l1" not in view.path
    elements = chart.elements(view, AS_OF, {})
    marked = {e["data"]["id"] for e in elements["edges"] if e["data"].get("on_path")}
    assert marked == {"i1", "x", "l2"}
    assert chart.legend(view, AS_OF, {})[-1] == chart.LegendEntry(chart.PATH_LEGEND, chart.PATH_COLOUR, "route", 4)
    assert render.network_png(view, elements, "path").startswith(b"\x89PNG")


def test_group_ids_are_stable_and_plurals_name_the_shared_subtype() -> None:
    visits = tuple(_visit(i, D(2020, 1, 1)) for i in range(2))
    assert grouping.plural("visit", visits) == "home visits"
    assert grouping.plural("health_contact", ()) == "health contacts"
    ends = frozenset({"person|o"})
    assert grouping.group_id("visit", "police", ends) == grouping.group_id("visit", "police", ends)
    assert grouping.group_id("visit", "police", ends) != grouping.group_id("visit", "probation", ends)


def test_the_json_export_carries_no_key_or_graph_id() -> None:
    flags = {"nhs:1": ["S1"]}
    view = chart.build_view(_graph(), chart.Filters(), {"person|o"}, AS_OF, flags)
    out = chart.exported(chart.elements(view, AS_OF, flags))
    text = str(out)
    assert "person|" not in text and "nhs:" not in text and "police:" not in text
    ids = {n["data"]["id"] for n in out["nodes"]}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in out["edges"])
    assert len(out["edges"]) == len(view.edges)


def test_feed_text_reaches_the_side_panel_as_text() -> None:
    net = _graph()
    net.nodes["person|p"].records[0]["forenames"] = "<img src=x onerror=alert(1)>"
    view = chart.build_view(net, chart.Filters(), {"person|o"}, AS_OF, {})
    data = next(n["data"] for n in chart.elements(view, AS_OF, {})["nodes"] if n["data"]["id"] == "person|p")
    assert "<img" not in data["name"] and "&lt;img" in data["name"]
