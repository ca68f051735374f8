"""The notes room's Cypher statements (notes/cypher/*.cypher), by name."""

from __future__ import annotations

from graph.statements import Statements

STATEMENTS = Statements.beside(__file__)
