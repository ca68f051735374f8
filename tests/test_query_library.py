"""Every saved query file parses, declares what the brief asks, and uses only parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from errors import ConfigError, QueryError
from queries.library import QUERY_DIR, SIGNALS, get_query, load_library, parse_query


def test_every_file_parses_with_complete_metadata() -> None:
    library = load_library()
    assert library, "no saved queries"
    for q in library.values():
        assert q.path.parent == QUERY_DIR and q.signal in SIGNALS
        assert q.rationale and q.action and "as_of" in {p.name for p in q.parameters}
        assert "risk_level <>" not in q.cypher and "risk_level =" not in q.cypher, "risk level never filters"


def test_unknown_query_and_bad_parameters_are_clear_errors() -> None:
    with pytest.raises(QueryError, match="no saved query named 'nope'"):
        get_query("nope")
    q = next(iter(load_library().values()))
    with pytest.raises(QueryError, match="as_of: 'yesterday' is not a date"):
        q.bind({"as_of": "yesterday"})
    with pytest.raises(QueryError, match="unknown parameter"):
        q.bind({"colour": "red"})


def test_an_integer_neo4j_cannot_hold_is_a_clear_error() -> None:
    """Fails if a 20-digit --param reaches the driver again, which raised an OverflowError traceback."""
    q = get_query("s2_contact_with_children_no_referral")
    with pytest.raises(QueryError, match="window_days: '99999999999999999999' is out of range"):
        q.bind({"window_days": "99999999999999999999"})
    with pytest.raises(QueryError, match="window_days: '9223372036854775807' days is not a period from 0 to 36525"):
        q.bind({"window_days": str(2**63 - 1)})  # Neo4j holds it, but its date arithmetic overflows
    with pytest.raises(QueryError, match="days is not a period"):
        q.bind({"window_days": "-10000000"})
    assert q.bind({"window_days": "36525"})["window_days"] == 36525


def test_a_day_outside_the_records_span_is_a_clear_error() -> None:
    """`?as_of=0001-01-01` crashed every page; the same day as a --param reached Neo4j."""
    q = get_query("s2_contact_with_children_no_referral")
    for day in ("0001-01-01", "9999-12-31"):
        with pytest.raises(QueryError, match=f"as_of: '{day}' is outside 1900-2100"):
            q.bind({"as_of": day})


def test_metadata_mistakes_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "s99_bad.cypher"
    bad.write_text(
        "// ---\n// name: s99_bad\n// title: x\n// signal: S99\n// severity: high\n"
        "// rationale: r\n// action: a\n// ---\nRETURN 1",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"s99_bad\.cypher: signal must be one of"):
        parse_query(bad)
