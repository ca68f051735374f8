"""The feed catalogue (feeds.yaml) as frozen dataclasses: one contract for generator, validator and loader."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from errors import ConfigError

SPEC_PATH = Path(__file__).with_name("feeds.yaml")
COLUMN_TYPES = frozenset({"id", "str", "text", "date", "bool", "int", "enum", "nhs", "postcode"})
_IDENTIFIER = re.compile(r"^[A-Z][A-Za-z]*$|^[A-Z][A-Z_]*$")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool
    help: str
    ref: tuple[str, str] | None = None
    values: tuple[str, ...] = ()
    added: str = ""  # set when the column came after exports were written ("issue 11"): a header may lack it


@dataclass(frozen=True)
class AddressColumns:
    line1: str
    line2: str
    town: str
    postcode: str


@dataclass(frozen=True)
class NodeDecl:
    alias: str
    label: str
    key: str
    extra_labels: tuple[str, ...] = ()
    when: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelDecl:
    type: str
    start: str
    end: str
    when: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    name: str
    title: str
    agency: str
    system: str
    file: str
    key: str
    columns: tuple[Column, ...]
    address: AddressColumns | None
    nodes: tuple[NodeDecl, ...]
    relationships: tuple[RelDecl, ...]

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def statement_name(self) -> str:
        """The feed's MERGE statement in the loaders' register: loaders/cypher/feeds/<feed>.cypher."""
        return f"feeds/{self.name}"


@dataclass(frozen=True)
class Spec:
    feeds: dict[str, Feed]

    def by_file(self, filename: str) -> Feed | None:
        for feed in self.feeds.values():
            if feed.file == filename:
                return feed
        return None

    @property
    def labels(self) -> frozenset[str]:
        """Every node label the model uses: the fixed list labels are checked against."""
        out: set[str] = set()
        for feed in self.feeds.values():
            for node in feed.nodes:
                out.add(node.label)
                out.update(node.extra_labels)
        return frozenset(out)

    @property
    def relationship_types(self) -> frozenset[str]:
        return frozenset(r.type for f in self.feeds.values() for r in f.relationships)

    def load_order(self) -> list[Feed]:
        """Feeds ordered so that every referenced feed loads before the feeds that point at it."""
        done: list[str] = []
        pending = list(self.feeds)
        while pending:
            progressed = False
            for name in list(pending):
                deps = {c.ref[0] for c in self.feeds[name].columns if c.ref and c.ref[0] != name}
                if deps <= set(done):
                    done.append(name)
                    pending.remove(name)
                    progressed = True
            if not progressed:
                raise ConfigError(f"feeds.yaml has a reference cycle among {sorted(pending)}")
        return [self.feeds[n] for n in done]


def render_key(template: str, row: Mapping[str, str | None]) -> str:
    """Fill a key template such as "police:{nominal_id}" from a row's values."""
    return template.format_map({k: ("" if v is None else v) for k, v in row.items()})


def template_fields(template: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(template) if f]


def _column(raw: Mapping) -> Column:
    ref = None
    if raw.get("ref"):
        feed, _, col = str(raw["ref"]).partition(".")
        ref = (feed, col)
    return Column(
        name=raw["name"],
        type=raw["type"],
        required=bool(raw.get("required", False)),
        help=raw.get("help", ""),
        ref=ref,
        values=tuple(str(v) for v in raw.get("values", ())),
        added=str(raw.get("added", "")),
    )


def _feed(name: str, raw: Mapping) -> Feed:
    addr = raw.get("address")
    graph = raw.get("graph", {})
    return Feed(
        name=name,
        title=raw["title"],
        agency=raw["agency"],
        system=raw["system"],
        file=raw["file"],
        key=raw["key"],
        columns=tuple(_column(c) for c in raw["columns"]),
        address=AddressColumns(**addr) if addr else None,
        nodes=tuple(
            NodeDecl(n["as"], n["label"], n["key"], tuple(n.get("extra_labels", ())), tuple(n.get("when", ())))
            for n in graph.get("nodes", ())
        ),
        relationships=tuple(
            RelDecl(r["type"], r["from"], r["to"], tuple(r.get("when", ()))) for r in graph.get("relationships", ())
        ),
    )


def _check(spec: Spec) -> None:
    """Fail at start-up, not mid-load, when the catalogue contradicts itself."""
    for feed in spec.feeds.values():
        names = set(feed.header) | ({"address_key"} if feed.address else set())
        if feed.key not in names:
            raise ConfigError(f"feeds.yaml: {feed.name}: key {feed.key!r} is not a column")
        for col in feed.columns:
            if col.type not in COLUMN_TYPES:
                raise ConfigError(f"feeds.yaml: {feed.name}.{col.name}: unknown type {col.type!r}")
            if col.ref and (col.ref[0] not in spec.feeds or col.ref[1] not in spec.feeds[col.ref[0]].header):
                raise ConfigError(f"feeds.yaml: {feed.name}.{col.name}: bad ref {col.ref}")
        aliases = {n.alias for n in feed.nodes}
        for node in feed.nodes:
            for label in (node.label, *node.extra_labels):
                if not _IDENTIFIER.match(label):
                    raise ConfigError(f"feeds.yaml: {feed.name}: bad label {label!r}")
            missing = set(template_fields(node.key)) - names
            if missing:
                raise ConfigError(f"feeds.yaml: {feed.name}: key {node.key!r} uses unknown {sorted(missing)}")
            if set(node.when) - names:
                raise ConfigError(f"feeds.yaml: {feed.name}: {node.alias} `when` names unknown columns")
        conditions = {n.alias: set(n.when) for n in feed.nodes}
        for rel in feed.relationships:
            if rel.start not in aliases or rel.end not in aliases or not _IDENTIFIER.match(rel.type):
                raise ConfigError(f"feeds.yaml: {feed.name}: bad relationship {rel}")
            if set(rel.when) != conditions[rel.start] | conditions[rel.end]:
                raise ConfigError(f"feeds.yaml: {feed.name}: {rel.type} `when` must match its end nodes' `when`")


@cache
def load_spec(path: Path = SPEC_PATH) -> Spec:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec = Spec(feeds={name: _feed(name, body) for name, body in raw["feeds"].items()})
    _check(spec)
    return spec
