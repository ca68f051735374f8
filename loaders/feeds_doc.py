"""docs/feeds.md is generated from feeds.yaml (`python -m loaders.feeds_doc`), and a test keeps them equal."""

from __future__ import annotations

import sys
from pathlib import Path

from loaders.spec import Feed, Spec, load_spec

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "feeds.md"

_INTRO = """# Source feeds

One CSV file per source system. This page is generated from `loaders/feeds.yaml`
(`python -m loaders.feeds_doc`); edit that file, not this one.

Conventions for every canonical feed: UTF-8, comma-separated, a header row with exactly the columns
below (any order), dates as `yyyy-mm-dd`, yes/no as `Y`/`N`, an empty cell for "not recorded".
A column marked *ref* must hold a key of the named feed, loaded in the same run or earlier.
An export with other column names, date formats (e.g. `dd/mm/yyyy`), encodings, delimiters or split
name fields loads through a YAML mapping, with no code change: see
[`loaders/mappings/example_police_nominals.yaml`](../loaders/mappings/example_police_nominals.yaml)
and "Mappings" at the end of this page.

Identifiers are shared across feeds only where real systems share them: the police nominal id across
police feeds, the NHS number across health feeds (and children's social care's `pers_common_child_id`
where recorded), the unique pupil number across education feeds, the passport number in travel.
Children's social care fields follow the Standard Safeguarding Dataset (data-to-insight/ssd-data-model);
intelligence reports carry the 3x5x2 grading.
"""

_TYPES = {
    "id": "identifier",
    "str": "text",
    "text": "free text",
    "date": "date",
    "bool": "Y/N",
    "int": "whole number",
    "enum": "one of",
    "nhs": "NHS number",
    "postcode": "UK postcode",
}

_MAPPINGS = """## Mappings

A mapping is a YAML file passed with `sightline load DIR --mapping FILE`:

| key | meaning |
|---|---|
| `feed` | the canonical feed the export provides |
| `file` | the export's file name in DIR |
| `encoding`, `delimiter` | e.g. `cp1252`, `";"` (defaults `utf-8`, `,`) |
| `date_format` | default format of the export's dates, Python `strptime` codes, e.g. `"%d/%m/%Y"` |
| `columns` | for each canonical column: `from` (a source column, or a list joined with `join`), or `value` (a constant); optional `regex` + `group` to take part of a field, `map` to recode values, `date_format`, `upper` |
| `ignore` | export columns deliberately not used (any other unmapped column is an error, so nothing is dropped silently) |
"""


def _type(feed: Feed, name: str) -> str:
    col = feed.column(name)
    text = _TYPES[col.type]
    if col.values:
        text += " " + ", ".join(f"`{v}`" for v in col.values)
    if col.ref:
        text += f"; ref `{col.ref[0]}.{col.ref[1]}`"
    return text


def _feed_section(feed: Feed) -> str:
    lines = [
        f"## `{feed.file}` — {feed.title}",
        "",
        f"Agency: {feed.agency}. System: {feed.system}. Key: `{feed.key}`.",
        "",
        "| column | type | required | meaning |",
        "|---|---|---|---|",
    ]
    for col in feed.columns:
        lines.append(f"| `{col.name}` | {_type(feed, col.name)} | {'yes' if col.required else ''} | {col.help} |")
    creates = [f"`{n.label}`" + "".join(f":`{x}`" for x in n.extra_labels) for n in feed.nodes]
    rels = [f"`{r.type}`" for r in feed.relationships]
    lines += [
        "",
        f"Creates nodes {', '.join(dict.fromkeys(creates))}; relationships {', '.join(dict.fromkeys(rels))}.",
        "",
    ]
    return "\n".join(lines)


def render(spec: Spec) -> str:
    index = "\n".join(f"- `{f.file}`: {f.title}" for f in spec.feeds.values())
    body = "\n".join(_feed_section(f) for f in spec.feeds.values())
    return f"{_INTRO}\n{index}\n\n{body}\n{_MAPPINGS}"


if __name__ == "__main__":
    DOC_PATH.parent.mkdir(exist_ok=True)
    DOC_PATH.write_text(render(load_spec()), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC_PATH}\n")
