"""One merged multi-agency chronology for a person or household: table, plotly timeline and CSV."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from explorer import statements as cypher
from explorer.badges import AGENCY_LABELS, COLOURS
from exports import csv_text
from graph.db import Graph

COLUMNS = ["date", "agency", "system", "kind", "summary", "who", "source", "source_id"]
_SKIP = {"key", "date", "agency", "system", "kind", "summary", "source", "source_id", "loaded_at", "sources"}


def household(graph: Graph, identity: str) -> list[dict[str, Any]]:
    """Identities at the person's addresses and in their direct family, each with its record keys."""
    return cypher.read(graph, "explore/household", key=identity)


def events(graph: Graph, records: list[str], addresses: list[str], as_of: dt.date) -> pd.DataFrame:
    """Dated records about these person records or at these addresses, oldest first."""
    rows = cypher.read(graph, "explore/chronology", records=records, addresses=addresses, as_of=as_of)
    lines = [
        {
            "date": r["date"],
            "agency": AGENCY_LABELS.get(r["agency"] or "", r["agency"] or ""),
            "system": r["system"] or "",
            "kind": (r["kind"] or "").replace("_", " "),
            "summary": r["summary"] or describe(r["props"]),
            "who": ", ".join(sorted(set(r["who"]))),
            "source": r["source"] or "",
            "source_id": r["source_id"] or "",
        }
        for r in rows
    ]
    return pd.DataFrame(lines, columns=COLUMNS)


def describe(props: dict[str, Any]) -> str:
    """A record without free text, told by its own fields ("destination: Spain; return_date: ...")."""
    kept = [(k, v) for k, v in sorted(props.items()) if k not in _SKIP and v not in (None, "")]
    parts = [f"{k.replace('_', ' ')}: {cypher.iso(v)}" for k, v in kept]
    return "; ".join(parts)


def timeline(frame: pd.DataFrame) -> go.Figure:
    """One row per agency, one marker per record; hover shows the summary and the source record."""
    fig = go.Figure()
    for agency, group in frame.groupby("agency", sort=True):
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(group["date"]),
                y=[agency] * len(group),
                mode="markers",
                name=agency,
                marker={"size": 12, "color": COLOURS.get(agency, "#636363"), "line": {"width": 1, "color": "#333"}},
                customdata=group[["kind", "summary", "source", "source_id", "who"]].to_numpy(),
                hovertemplate="%{x|%d %b %Y} · %{customdata[0]}<br>%{customdata[1]}<br>"
                "%{customdata[4]}<br><i>%{customdata[2]} %{customdata[3]}</i><extra></extra>",
            )
        )
    fig.update_layout(
        height=140 + 50 * frame["agency"].nunique(),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        showlegend=False,
        xaxis_title=None,
        yaxis_title=None,
    )
    return fig


def csv_bytes(frame: pd.DataFrame) -> bytes:
    dated = frame.assign(date=frame["date"].map(cypher.iso))
    return csv_text(dated.to_dict("records"), list(dated.columns)).encode("utf-8")
