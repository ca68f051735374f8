"""Typed settings read once from the environment, each with a default and the help text the README shows."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from graph import server
from graph.errors import ConfigError

REPO_ROOT = server.REPO_ROOT
BUNDLED_DATA_DIR = server.DEFAULT_DATA_DIR


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


@dataclass(frozen=True)
class Settings:
    """Where Neo4j is and how to load into it. Unset NEO4J_URI means: use the bundled server."""

    neo4j_uri: str = field(
        default="",
        metadata={
            "env": "NEO4J_URI",
            "help": "Bolt or neo4j(+s) URI of your own Neo4j (server, cluster, Aura); empty = the bundled server",
        },
    )
    neo4j_user: str = field(default="neo4j", metadata={"env": "NEO4J_USER", "help": "User name"})
    neo4j_password: str = field(
        default="",
        metadata={
            "env": "NEO4J_PASSWORD",
            "help": "Password (the bundled server's is generated and kept in var/neo4j/password, mode 0600)",
        },
    )
    neo4j_database: str = field(default="neo4j", metadata={"env": "NEO4J_DATABASE", "help": "Database name"})
    data_dir: Path = field(
        default=BUNDLED_DATA_DIR, metadata={"env": "SIGHTLINE_NEO4J_DATA", "help": "Data folder of the bundled server"}
    )
    batch_size: int = field(
        default=2000, metadata={"env": "SIGHTLINE_BATCH_SIZE", "help": "Rows per UNWIND write transaction when loading"}
    )

    explorer_warm: bool = field(
        default=True,
        metadata={
            "env": "SIGHTLINE_EXPLORER_WARM",
            "help": "Warm the explorer's worklist and summaries in the background when a session opens (0 = off)",
        },
    )

    @classmethod
    def from_env(cls) -> Settings:
        try:
            batch = int(_env("SIGHTLINE_BATCH_SIZE", "2000"))
        except ValueError as e:
            raise ConfigError("SIGHTLINE_BATCH_SIZE must be a whole number") from e
        return cls(
            neo4j_uri=_env("NEO4J_URI"),
            neo4j_user=_env("NEO4J_USER", "neo4j") or "neo4j",
            neo4j_password=os.environ.get("NEO4J_PASSWORD", ""),
            neo4j_database=_env("NEO4J_DATABASE", "neo4j") or "neo4j",
            data_dir=Path(_env("SIGHTLINE_NEO4J_DATA") or BUNDLED_DATA_DIR),
            batch_size=max(1, batch),
            explorer_warm=_env("SIGHTLINE_EXPLORER_WARM", "1").lower() not in {"0", "false", "no", "off"},
        )

    def connection(self) -> tuple[str, str, str]:
        """URI, user and password: the configured Neo4j, else the running bundled server."""
        if self.neo4j_uri:
            return self.neo4j_uri, self.neo4j_user, self.neo4j_password
        info = server.status(self.data_dir)
        if info is None:
            raise ConfigError(
                "no Neo4j configured and the bundled one is not running: "
                "run `sightline neo4j start`, or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD"
            )
        return info.uri, info.user, info.password


def documented_settings() -> list[tuple[str, str]]:
    """(environment variable, help) for every setting: the README table is checked against this."""
    return [(f.metadata["env"], f.metadata["help"]) for f in fields(Settings)]
