"""Every CSV Sightline writes is spreadsheet-safe: feed text never runs as a formula (OWASP CSV injection).
Exports leave the tool usable: flat marked CSV named by whose and when, a PDF briefing without blank pages or
internal keys that carries the child's chronology."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pandas as pd
import pytest
from pypdf import PdfReader

from explorer import briefing, chart, render, saved
from explorer.network import Edge, Network, Node
from exports import MARKING, MARKING_COLUMN, csv_text, file_name, spreadsheet_safe
from queries.flags import Agency, Evidence, Flag, Person


@pytest.mark.parametrize("cell", ["=1+1", "+44 7700", "-2+3", "@SUM(A1)", "\tx", "\r=x", '=HYPERLINK("http://x")'])
def test_a_formula_is_written_as_text(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Smith", "O'Brien", "", " =x", 12, -3, 1.5, None])
def test_anything_else_is_left_as_it_is(cell: object) -> None:
    assert spreadsheet_safe(cell) == cell


def test_csv_text_neutralises_every_cell_and_keeps_the_rest() -> None:
    text = csv_text([{"name": "=cmd|' /C calc'!A0", "n": 3, "note": None}], ["name", "n", "note"])
    assert list(csv.reader(io.StringIO(text))) == [["name", "n", "note"], ["'=cmd|' /C calc'!A0", "3", ""]]


def test_a_carriage_return_inside_a_cell_cannot_start_a_new_row() -> None:
    """Found by the fuzz test: with \\n line ends a lone \\r was written unquoted, and a reader split the row."""
    text = csv_text([{"a": 'x\r=HYPERLINK("http://x")', "b": "\r"}], ["a", "b"])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ['x\r=HYPERLINK("http://x")', "'\r"]]


D = dt.date
KEYS = re.compile(
    r"identity:|nhs:|birth-father:|\b[0-9a-f]{12}\b|\b[A-Z0-9 ]{4,} \| [A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}\b"
)


def _flag() -> Flag:
    """An S1 flag on two children, as a saved query returns it (address keys and all)."""
    return Flag(
        "s1_child_at_offender_address",
        "S1",
        "critical",
        "Child living at an offender's address",
        (
            Person("identity:nhs:1", "AMY REED", D(2015, 1, 1), ("nhs:1",)),
            Person("identity:nhs:2", "=cmd|' /C calc'!A0", D(2017, 3, 4), ("nhs:2",)),
        ),
        Person("police:N1", "karl smith"),
        (Person("nhs:3", "Jo Reed", role="partner"),),
        ("1 ELM ROAD | E81AB",),
        (Agency("GP1", "Elm Surgery", "not told"),),
        ("(Karl Smith)-[registered at]->(1 ELM ROAD | E81AB)",),
        (Evidence("police", "police_addresses", "PAR1", D(2020, 1, 1), "offender registered at 1 ELM ROAD | E81AB"),),
        D(2020, 1, 1),
        "Amy lives where Karl Smith is registered",
    )


def test_saved_query_csv_is_flat_marked_and_plain() -> None:
    text = saved.as_csv([_flag()], "Refer to children's social care today").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 2, "one row per flag and child"
    assert all(r[MARKING_COLUMN] == MARKING for r in rows) and next(iter(rows[0])) == MARKING_COLUMN
    assert [r["child"] for r in rows] == ["Amy Reed", "'=cmd|' /C calc'!A0"], "names tidied, formulas neutralised"
    assert rows[0]["offender or subject"] == "Karl Smith" and rows[0]["child born"] == "1 January 2015"
    assert rows[0]["addresses"] == "1 Elm Road, E8 1AB" and "1 Elm Road, E8 1AB" in rows[0]["evidence"]
    assert rows[0]["suggested action"] == "Refer to children's social care today"
    cells = [v for r in rows for v in r.values()]
    assert not any(v.startswith(("[", "{")) for v in cells), "no JSON in cells"
    assert not any(KEYS.search(v) for v in cells), [v for v in cells if KEYS.search(v)]


def test_file_names_say_what_whose_and_as_of_when() -> None:
    assert (
        file_name("chronology", "Amy O'Reed", D(2024, 12, 31), "csv")
        == "sightline-chronology-amy-o-reed-as-of-2024-12-31.csv"
    )
    assert file_name("briefing", None, D(2024, 1, 2), "pdf") == "sightline-briefing-as-of-2024-01-02.pdf"


def test_the_pdf_briefing_has_no_blank_page_no_key_and_the_childs_chronology() -> None:
    chronology = pd.DataFrame(
        [
            {"date": f"{i + 1} May 2020", "agency": "health", "summary": f"Health visit of Amy Reed {i}", "record": "x"}
            for i in range(60)
        ]
    )
    view = chart.build_view(_network(), chart.Filters(), {"person|c"}, D(2024, 1, 1), {})
    png = render.network_png(view, chart.elements(view, D(2024, 1, 1), {}), "Karl Smith")
    doc = briefing.Briefing(
        "Briefing: Karl Smith",
        "offender",
        "Analyst",
        "MASH referral 2024/117",
        D(2024, 1, 1),
        pd.DataFrame([{"agency": "police", "record": "police nominal N1", "name": "Karl Smith"}]),
        flags=[_flag()] * 6,
        network_png=png,
        hubs=pd.DataFrame([{"name": "Jo Reed", "betweenness": 0.5}]),
        chronology=chronology,
        chronology_of="Amy Reed",
    )
    reader = PdfReader(io.BytesIO(briefing.render(doc)))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 2
    for page, drawn in zip(pages, reader.pages, strict=True):
        assert MARKING in page
        body = [line for line in page.splitlines() if MARKING not in line and "Sightline briefing - page" not in line]
        assert len(" ".join(body).strip()) > 20 or drawn.images, f"a blank page: {page!r}"
    text = "\n".join(pages)
    assert "Chronology of Amy Reed" in text and "Health visit of Amy Reed 59" in text
    assert not KEYS.search(text), KEYS.search(text)


def _network() -> Network:
    net = Network()
    net.nodes["person|c"] = Node("person|c", "person", "c", ["Identity"], {}, [{"forenames": "Amy", "surname": "Reed"}])
    net.nodes["address|A"] = Node(
        "address|A", "address", "A", ["Address"], {"line1": "1 ELM ROAD", "postcode": "E81AB"}
    )
    net.edges["1"] = Edge("1", "person|c", "address|A", "LIVES_AT", {"from": D(2015, 1, 1)})
    return net
