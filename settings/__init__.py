"""Every setting Sightline reads from the environment, in one typed table with its default and help text.

No other module reads `os.environ`: they take a `Settings` (or one of its fields). The README's settings
table is generated from this one (`python -m settings`) and a test checks the two agree, and that no
other module reads an environment variable this table does not declare.
"""

from __future__ import annotations

import os
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from errors import ConfigError

REPO_ROOT: Path = Path(__file__).resolve().parent.parent
_FALSE = {"0", "false", "no", "off"}


def _env(env: str, help: str) -> dict[str, str]:
    """A field's environment variable and help text (dataclass metadata)."""
    return {"env": env, "help": help}


@dataclass(frozen=True)
class Settings:
    """Where Neo4j is, how the bundled one runs, where the consultation log goes, and who is acting.
    An empty NEO4J_URI means: use the bundled server."""

    neo4j_uri: str = field(
        default="",
        metadata=_env(
            "NEO4J_URI", "Bolt or neo4j(+s) URI of your own Neo4j (server, cluster, Aura); empty = the bundled server"
        ),
    )
    neo4j_user: str = field(default="neo4j", metadata=_env("NEO4J_USER", "User name"))
    neo4j_password: str = field(
        default="",
        metadata=_env(
            "NEO4J_PASSWORD", "Password (the bundled server's is generated and kept in var/neo4j/password, mode 0600)"
        ),
    )
    neo4j_database: str = field(default="neo4j", metadata=_env("NEO4J_DATABASE", "Database name"))
    data_dir: Path = field(
        default=REPO_ROOT / "var" / "neo4j", metadata=_env("SIGHTLINE_NEO4J_DATA", "Data folder of the bundled server")
    )
    heap: str = field(
        default="2g", metadata=_env("SIGHTLINE_NEO4J_HEAP", "Java heap of the bundled server (512m, 4g ...)")
    )
    pagecache: str = field(
        default="1g", metadata=_env("SIGHTLINE_NEO4J_PAGECACHE", "Page cache of the bundled server (512m, 4g ...)")
    )
    java_home: str = field(
        default="", metadata=_env("JAVA_HOME", "Java 17+ that runs the bundled server; empty = `java` on the PATH")
    )
    batch_size: int = field(
        default=2000, metadata=_env("SIGHTLINE_BATCH_SIZE", "Rows per UNWIND write transaction when loading")
    )
    retry_seconds: int = field(
        default=30,
        metadata=_env(
            "SIGHTLINE_RETRY_SECONDS",
            "How long a transaction is retried on transient Neo4j errors (a leader change, a restart) before failing",
        ),
    )
    audit_log: Path = field(
        default=REPO_ROOT / "var" / "audit" / "s62.jsonl",
        metadata=_env(
            "SIGHTLINE_AUDIT_LOG",
            "The s.62 log (who, role, when, what, whom, why), hash-chained, kept outside the graph",
        ),
    )
    audit_head: Path = field(
        default=REPO_ROOT / "var" / "audit-head" / "head.json",
        metadata=_env(
            "SIGHTLINE_AUDIT_HEAD",
            "Where the log's chain head is also kept, apart from the log, so that truncation is caught",
        ),
    )
    accounts: Path = field(
        default=REPO_ROOT / "var" / "access" / "accounts.sqlite",
        metadata=_env(
            "SIGHTLINE_ACCOUNTS", "The local accounts (argon2 password hashes, API token digests), outside the graph"
        ),
    )
    password: str = field(
        default="", metadata=_env("SIGHTLINE_PASSWORD", "The password of SIGHTLINE_USER, for commands that sign in")
    )
    token: str = field(
        default="", metadata=_env("SIGHTLINE_TOKEN", "An API token from `sightline users token`, instead of a password")
    )
    user: str = field(
        default="",
        metadata=_env("SIGHTLINE_USER", "The account commands sign in as, with SIGHTLINE_PASSWORD (never the OS user)"),
    )
    reason: str = field(
        default="", metadata=_env("SIGHTLINE_REASON", "Why, for commands that consult personal data (as --reason)")
    )
    import_dir: Path = field(
        default=REPO_ROOT / "var" / "imports",
        metadata=_env(
            "SIGHTLINE_IMPORT_DIR",
            "The only server folder the explorer's Data page reads feed files and mappings from",
        ),
    )
    explorer_address: str = field(
        default="127.0.0.1",
        metadata=_env(
            "SIGHTLINE_EXPLORER_ADDRESS",
            "Interface `sightline explore` listens on: this machine only unless chosen otherwise (add TLS then)",
        ),
    )
    explorer_warm: bool = field(
        default=True,
        metadata=_env(
            "SIGHTLINE_EXPLORER_WARM",
            "Warm the explorer's worklist and summaries in the background when a session opens (0 = off)",
        ),
    )
    review_years: str = field(
        default="6,police_convictions=10,police_orders=10,police_order_conditions=10,police_notification_periods=10",
        metadata=_env(
            "SIGHTLINE_REVIEW_YEARS",
            "MoPI review periods, years after a record's last date: a default, then FEED=YEARS (docs/security.md)",
        ),
    )

    session_minutes: int = field(
        default=30,
        metadata=_env(
            "SIGHTLINE_SESSION_MINUTES", "Minutes without activity after which an explorer session signs out"
        ),
    )
    console_timeout: int = field(
        default=10,
        metadata=_env("SIGHTLINE_CONSOLE_TIMEOUT", "Seconds a query in the administrators' Cypher console may run"),
    )
    console_rows: int = field(
        default=1000,
        metadata=_env("SIGHTLINE_CONSOLE_ROWS", "Rows the administrators' Cypher console shows at most"),
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """The settings the environment gives; unset or empty variables keep their default."""
        env = os.environ if environ is None else environ
        given: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f.metadata["env"], "")
            if raw.strip():
                given[f.name] = _typed(f.metadata["env"], f.type, raw if f.name == "neo4j_password" else raw.strip())
        return cls(**given)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def as_environment(self) -> dict[str, str]:
        """These settings as the environment of a child process (an explorer started by a test or benchmark)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.metadata["env"]] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out


def _typed(env: str, kind: Any, raw: str) -> Any:
    kind = str(kind)
    if kind == "int":
        try:
            return max(1, int(raw))
        except ValueError:
            raise ConfigError(f"{env} must be a whole number, not {raw!r}") from None
    if kind == "bool":
        return raw.lower() not in _FALSE
    if kind == "Path":
        return Path(raw)
    return raw


def documented_settings() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) for every setting, in table order."""
    out = []
    for f in fields(Settings):
        default = "" if f.default is MISSING else f.default
        if isinstance(default, Path):
            default = default.relative_to(REPO_ROOT).as_posix() if default.is_relative_to(REPO_ROOT) else default
        if isinstance(default, bool):
            default = "1" if default else "0"
        out.append((f.metadata["env"], str(default), f.metadata["help"]))
    return out


def markdown_table() -> str:
    """The README's settings table."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for env, default, help_text in documented_settings():
        lines.append(f"| `{env}` | {f'`{default}`' if default else '(empty)'} | {help_text} |")
    return "\n".join(lines)
