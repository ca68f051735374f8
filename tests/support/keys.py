"""No internal key where an analyst looks (issue 13): every text an AppTest page shows, scanned for the
patterns of identity keys, NHS keys, birth-father keys, flag hashes and raw field names."""

from __future__ import annotations

import re
from typing import Any

from streamlit.testing.v1 import AppTest

INTERNAL = {
    "identity key": re.compile(r"identity:"),
    "NHS key": re.compile(r"nhs:"),
    "birth-father key": re.compile(r"birth-father:"),
    "hash": re.compile(r"\b[0-9a-f]{12}\b|\b[0-9a-f]{16}\b"),
    "address key": re.compile(r"\b[A-Z0-9 ]{4,} \| [A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}\b"),
    "raw field": re.compile(r"\b(raw_forms|resolved_at|indecent_images|schedule_3|childrens_social_care)\b"),
}
_VALUES = ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "error", "success", "code")
_LABELS = ("button", "selectbox", "multiselect", "radio", "text_input", "toggle", "checkbox", "expander", "tab")


def _get(at: AppTest, kind: str) -> list[Any]:
    try:
        return list(at.get(kind))
    except (AttributeError, KeyError, TypeError):
        return []


def page_text(at: AppTest) -> str:
    """Everything the page shows as text: messages, tables (every cell and header), widget labels, options."""
    parts: list[str] = []
    for kind in _VALUES:
        parts += [str(getattr(e, "value", "")) for e in _get(at, kind)]
    for kind in ("dataframe", "table"):
        parts += [e.value.to_csv(index=False) for e in _get(at, kind)]
    for kind in _LABELS:
        for e in _get(at, kind):
            parts.append(str(getattr(e, "label", "")))
            parts += [str(o) for o in getattr(e, "options", None) or ()]
    return "\n".join(parts)


def internal_keys(at: AppTest) -> dict[str, list[str]]:
    """Each pattern that matched, with the lines it matched in (empty when the page is clean)."""
    found: dict[str, list[str]] = {}
    for line in page_text(at).splitlines():
        for name, pattern in INTERNAL.items():
            if pattern.search(line):
                found.setdefault(name, []).append(line[:200])
    return found


def assert_no_internal_keys(at: AppTest) -> None:
    """Fails naming the pattern and the line where a page shows an internal key to the analyst."""
    found = internal_keys(at)
    assert not found, f"internal keys on the page: {found}"
