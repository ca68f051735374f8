"""YAML mappings: load another force's or council's export by describing it, with no code change.

A mapping names the canonical feed it produces, the export's file, encoding and delimiter, and for each
canonical column where its value comes from: a source column, several joined (split name fields), a
regular-expression group (one field holding "SURNAME, Forenames"), a value map, or a constant. Dates in
the export's own format become ISO dates. See loaders/mappings/example_police_nominals.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import re2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from errors import ConfigError
from loaders.spec import Feed, Spec


class ColumnRule(BaseModel):
    """How one canonical column is computed from a source record."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    source: str | list[str] | None = Field(default=None, alias="from")
    join: str = " "
    regex: str | None = None
    group: str | int = 1
    date_format: str | None = None
    map: dict[str, str] = Field(default_factory=dict)
    value: str | None = None
    upper: bool = False

    @model_validator(mode="after")
    def _one_origin(self) -> ColumnRule:
        if (self.source is None) == (self.value is None):
            raise ValueError("give exactly one of 'from' (source column or list of columns) or 'value' (constant)")
        if self.regex:
            linear(self.regex)
        return self

    @property
    def sources(self) -> list[str]:
        if self.source is None:
            return []
        return [self.source] if isinstance(self.source, str) else list(self.source)


class MappingFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feed: str
    file: str
    encoding: str = "utf-8"
    delimiter: str = ","
    date_format: str | None = None
    columns: dict[str, ColumnRule]
    ignore: list[str] = Field(default_factory=list)

    @field_validator("file")
    @classmethod
    def _a_name_in_the_folder(cls, name: str) -> str:
        """The export's file name in the folder being loaded, never a path: `../../x` read outside it."""
        if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
            raise ValueError(f"{name!r} must be a file name in the folder being loaded, not a path")
        return name


def linear(pattern: str) -> Any:
    """A mapping's pattern compiled by RE2, which matches in linear time: Python's backtracking engine ran one
    crafted pattern for over a minute on one cell (ReDoS). RE2 refuses what it cannot do (back-references,
    look-arounds) with a clear error instead."""
    try:
        return re2.compile(pattern)
    except re2.error as e:
        raise ValueError(f"pattern {pattern!r} is not one RE2 can match in linear time: {e}") from None


@dataclass
class FeedMapping:
    """A validated mapping bound to its canonical feed."""

    path: Path
    feed: Feed
    spec: MappingFile
    _compiled: dict[str, Any] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.spec.file

    def check_header(self, header: list[str]) -> list[str]:
        """Problems with the export's header: source columns the mapping needs but the file lacks."""
        needed = {s for rule in self.spec.columns.values() for s in rule.sources}
        missing = sorted(needed - set(header))
        unknown = sorted(set(header) - needed - set(self.spec.ignore))
        problems = [f"missing column(s) {', '.join(missing)} that {self.path.name} reads"] if missing else []
        if unknown:
            problems.append(f"unmapped column(s) {', '.join(unknown)}: map them or list them under 'ignore'")
        return problems

    def apply(self, record: Mapping[str, str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """Canonical values for one source record, plus (canonical field, reason) problems."""
        out: dict[str, str] = {c: "" for c in self.feed.header}
        problems: list[tuple[str, str]] = []
        for name, rule in self.spec.columns.items():
            try:
                out[name] = self._value(rule, record, self.feed.column(name).type == "date")
            except ValueError as e:
                origin = ", ".join(rule.sources) or "constant"
                problems.append((name, f"{e} (from {origin})"))
        return out, problems

    def _value(self, rule: ColumnRule, record: Mapping[str, str], is_date: bool) -> str:
        if rule.value is not None:
            return rule.value
        parts = [record.get(s, "").strip() for s in rule.sources]
        text = rule.join.join(p for p in parts if p)
        if rule.regex and text:
            pattern = self._compiled.setdefault(rule.regex, linear(rule.regex))
            match = pattern.match(text)
            if not match:
                raise ValueError(f"{text!r} does not match {rule.regex!r}")
            text = (match.group(rule.group) or "").strip()
        if rule.map and text:
            text = rule.map.get(text, text)
        if rule.upper:
            text = text.upper()
        fmt = rule.date_format or self.spec.date_format
        if text and fmt and is_date:
            try:
                text = dt.datetime.strptime(text, fmt).date().isoformat()
            except ValueError as e:
                raise ValueError(f"{text!r} is not a date in the form {fmt}") from e
        return text


def load_mapping(path: Path, spec: Spec) -> FeedMapping:
    """Read and check a mapping file; every mistake is reported with the file's name, never a traceback."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"mapping {path}: cannot read: {e}") from e
    try:
        parsed = MappingFile.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"mapping {path.name}: {where}: {first['msg']}") from e
    if parsed.feed not in spec.feeds:
        raise ConfigError(f"mapping {path.name}: unknown feed {parsed.feed!r}; one of {', '.join(spec.feeds)}")
    feed = spec.feeds[parsed.feed]
    unknown = sorted(set(parsed.columns) - set(feed.header))
    if unknown:
        raise ConfigError(f"mapping {path.name}: {', '.join(unknown)} not column(s) of feed {feed.name}")
    missing = sorted(c.name for c in feed.columns if c.required and c.name not in parsed.columns)
    if missing:
        raise ConfigError(f"mapping {path.name}: required column(s) {', '.join(missing)} of {feed.name} not mapped")
    return FeedMapping(path=path, feed=feed, spec=parsed)
