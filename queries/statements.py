"""Shared parts of the saved queries (queries/cypher/): one reading of where an offender is and where a child
lives, spliced into every saved query that needs it (`// include: <name>`), so that S1 and S6 cannot drift
apart on what places a person at an address or how long a fact holds."""

from __future__ import annotations

from graph.statements import Statements

STATEMENTS = Statements.beside(__file__)
FRAGMENTS = ("offender_places", "child_homes")  # the parts a saved query may include, by name
