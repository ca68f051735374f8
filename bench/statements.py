"""The benchmark's own Cypher statements (bench/cypher/*.cypher): baselines and look-ups, by name."""

from __future__ import annotations

from graph.statements import Statements

STATEMENTS = Statements.beside(__file__)
