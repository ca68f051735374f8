"""One exception tree for Sightline, converted to one-line messages at the edges (CLI, pages)."""

from __future__ import annotations


class SightlineError(Exception):
    """Base of every error Sightline raises on purpose; the CLI prints its message, not a traceback."""


class ConfigError(SightlineError):
    """Settings or environment are wrong (missing Java, bad NEO4J_URI, unreadable password file)."""


class ServerError(SightlineError):
    """The bundled Neo4j could not be built, started, reached or stopped."""


class GraphError(SightlineError):
    """A Cypher statement failed; the message names the statement and its parameter names."""


class LoadError(SightlineError):
    """A feed file cannot be read at all (encoding, delimiter, header); row-level problems are rejects."""


class QueryError(SightlineError):
    """A saved query is unknown or was given a bad parameter value."""


class AccessError(SightlineError):
    """Not signed in, a wrong password or token, a disabled account, or a role that does not allow the action."""
