"""The loaders room's Cypher statements (loaders/cypher/*.cypher), by name."""

from __future__ import annotations

from graph.statements import Statements

STATEMENTS = Statements.beside(__file__)
