"""The explorer's page icon, drawn here and served by Streamlit itself.

A `:material/…:` page icon makes the browser fetch the icon from Google's font server (Streamlit's front end
builds that address for the favicon), which fails on an air-gapped MASH network; an image is served from the
explorer's own media endpoint, like everything else the page needs."""

from __future__ import annotations

from functools import cache

from PIL import Image, ImageDraw

SIZE = 64
NAVY, WHITE = "#1f4e9c", "#ffffff"


@cache
def page_icon() -> Image.Image:
    """An eye on a navy disc: Sightline's mark, the same in every session."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, SIZE - 1, SIZE - 1), fill=NAVY)
    draw.ellipse((10, 20, SIZE - 11, SIZE - 21), fill=WHITE)
    draw.ellipse((24, 22, SIZE - 25, SIZE - 23), fill=NAVY)
    return image
