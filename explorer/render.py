"""The link chart as a PNG drawn on the server (Pillow + a networkx layout): the export the briefing embeds.

The chart component itself exports JSON only, so the picture of record is drawn here, deterministically.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
from PIL import Image, ImageDraw, ImageFont

from explorer.chart import PATH_COLOUR, View, edge_caption

WIDTH, HEIGHT, MARGIN, RADIUS = 1600, 1100, 160, 16


def _layout(view: View) -> dict[str, tuple[float, float]]:
    g = nx.Graph()
    g.add_nodes_from(n.id for n in view.nodes)
    g.add_edges_from((e.source, e.target) for e in view.edges)
    if not g:
        return {}
    pos = nx.spring_layout(g, seed=7, k=1.6 / max(1, len(g)) ** 0.5, iterations=80)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        k: (
            MARGIN + (x - min(xs)) / span_x * (WIDTH - 2 * MARGIN),
            MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN),
        )
        for k, (x, y) in pos.items()
    }


def network_png(view: View, elements: dict[str, list[dict[str, Any]]], title: str = "") -> bytes:
    """PNG bytes: links as grey lines with their type, nodes as discs in their style colour with captions."""
    data = {n["data"]["id"]: n["data"] for n in elements["nodes"]}
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font, small = ImageFont.load_default(size=15), ImageFont.load_default(size=11)
    pos = _layout(view)
    for e in view.edges:
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        on_path = e.id in view.path
        draw.line((x1, y1, x2, y2), fill=PATH_COLOUR if on_path else "#b0b0b0", width=4 if on_path else 2)
        draw.text(((x1 + x2) / 2, (y1 + y2) / 2), edge_caption(e), fill="#606060", font=small, anchor="mm")
    colours = dict(view.groups)
    for n in view.nodes:
        x, y = pos[n.id]
        colour = colours.get(data.get(n.id, {}).get("label", ""), ("#999999", ""))[0]
        draw.ellipse((x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS), fill=colour, outline="#333333")
        caption = str(data.get(n.id, {}).get("name", n.name)).replace("⚑", "FLAG")[:40]
        draw.text((x, y + RADIUS + 4), caption, fill="black", font=font, anchor="ma")
    if title:
        draw.text((20, 20), title, fill="black", font=ImageFont.load_default(size=22))
    _legend(draw, colours, small)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _legend(draw: ImageDraw.ImageDraw, colours: dict[str, tuple[str, str]], font: Any) -> None:
    y = HEIGHT - 24 * len(colours) - 10
    for group, (colour, _) in sorted(colours.items()):
        draw.ellipse((20, y, 36, y + 16), fill=colour)
        draw.text((44, y + 1), group, fill="black", font=font)
        y += 24
