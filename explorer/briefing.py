"""The profile as a PDF briefing (fpdf2): who, what each agency holds, flags, the network picture, the
connected-network hubs, line of sight and the child's recent chronology. Marked OFFICIAL-SENSITIVE, with who
produced it, when and why, because a briefing is a disclosure of personal data.

The chronology is the child's (the person briefed on when a child, else the child of the first flag): a
strategy discussion is about the child. The chart is sized to the room left on its page, so no page is left
blank by an image pushed over the page break."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from fpdf import FPDF

from explorer import flagtext
from queries.flags import Flag

MARKING = "OFFICIAL-SENSITIVE - personal data (criminal offence and child data): handle on a need-to-know basis"


@dataclass
class Briefing:
    title: str
    subtitle: str
    analyst: str
    reason: str
    as_of: dt.date
    records: pd.DataFrame
    flags: list[Flag] = field(default_factory=list)
    network_png: bytes | None = None
    hubs: pd.DataFrame | None = None
    sight: pd.DataFrame | None = None
    chronology: pd.DataFrame | None = None
    chronology_of: str = ""  # whose chronology it is (the child's name)


def _text(value: Any) -> str:
    """Core PDF fonts speak Latin-1: anything else becomes '?' rather than failing the export."""
    return (
        str(value if value is not None else "")
        .replace("⚑", "FLAG")
        .replace("✗", "X")
        .replace("\N{EN DASH}", "-")
        .replace("\N{EM DASH}", "-")
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


class _Pdf(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "B", 8)
        self.set_text_color(150, 0, 0)
        self.cell(0, 5, MARKING, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Sightline briefing - page {self.page_no()}", align="C")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, _text(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)


def _table(pdf: FPDF, frame: pd.DataFrame, max_rows: int = 40) -> None:
    if frame is None or frame.empty:
        pdf.cell(0, 5, "None.", new_x="LMARGIN", new_y="NEXT")
        return
    pdf.set_font("Helvetica", "", 7)
    with pdf.table(text_align="LEFT", line_height=4) as table:
        table.row([_text(c) for c in frame.columns])
        for values in frame.head(max_rows).itertuples(index=False):
            table.row([_text(v)[:160] for v in values])
    if len(frame) > max_rows:
        pdf.cell(0, 5, f"... and {len(frame) - max_rows} more rows in the explorer.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)


CHART_RATIO = 1100 / 1600  # height / width of explorer.render's picture
CHART_MIN_MM = 90  # narrower than this is unreadable: start a new page for it instead


def _chart(pdf: FPDF, png: bytes) -> None:
    """The link chart as wide as the page allows, or as the room left on this page allows: an image taller than
    the room was pushed onto a page of its own and left the page before it blank but for its heading."""
    room = pdf.h - pdf.b_margin - pdf.get_y() - 12  # below the heading
    width = min(pdf.epw, room / CHART_RATIO)
    if width < CHART_MIN_MM:
        pdf.add_page()
        width = min(pdf.epw, (pdf.h - pdf.b_margin - pdf.get_y() - 12) / CHART_RATIO)
    _heading(pdf, "Link chart")
    pdf.image(io.BytesIO(png), w=width, h=width * CHART_RATIO)
    pdf.ln(2)


def render(b: Briefing) -> bytes:
    """PDF bytes of the briefing (A4 landscape, so wide tables stay readable)."""
    pdf = _Pdf(orientation="L", format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, _text(b.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    produced = dt.datetime.now(dt.UTC).strftime("%d %b %Y %H:%M UTC")
    pdf.multi_cell(
        0,
        5,
        _text(
            f"{b.subtitle}\nRecords as of {b.as_of:%d %B %Y}. Produced {produced} by {b.analyst}; reason: {b.reason}."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    _heading(pdf, "Records across agencies (one person, linked identity)")
    _table(pdf, b.records)
    _heading(pdf, f"Flags raised ({len(b.flags)})")
    for f in b.flags:
        line = f"{f.signal} ({f.severity}) {f.title}: {flagtext.reason(f)}"
        pdf.multi_cell(0, 5, _text(line), new_x="LMARGIN", new_y="NEXT")
        for step in flagtext.path(f):
            pdf.multi_cell(0, 5, _text(f"    {step}"), new_x="LMARGIN", new_y="NEXT")
    if b.sight is not None:
        _heading(pdf, "Line of sight: what each agency working with the child holds")
        _table(pdf, b.sight.drop(columns=["family"], errors="ignore"))
    if b.network_png:
        _chart(pdf, b.network_png)
    if b.hubs is not None:
        _heading(pdf, "Connected network: who ties the offender(s) to the children")
        _table(pdf, b.hubs)
    if b.chronology is not None:
        whose = f" of {b.chronology_of}" if b.chronology_of else ""
        _heading(pdf, f"Chronology{whose} (most recent 40 records)")
        _table(pdf, b.chronology.tail(40))
    return bytes(pdf.output())
