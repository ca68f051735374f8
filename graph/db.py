"""The only module that talks to the Neo4j driver: sessions, read/write transactions, error wrapping."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from errors import ConfigError, GraphError
from graph import server
from graph.statements import split_statements
from settings import Settings


def connection(settings: Settings) -> tuple[str, str, str]:
    """URI, user and password: the configured Neo4j, else the running bundled server."""
    if settings.neo4j_uri:
        return settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password
    info = server.status(settings.data_dir)
    if info is None:
        raise ConfigError(
            "no Neo4j configured and the bundled one is not running: "
            "run `sightline neo4j start`, or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD"
        )
    return info.uri, info.user, info.password


@dataclass
class Graph:
    """A driver plus the database to use. Library code receives one; only entry points create it."""

    driver: neo4j.Driver
    database: str
    uri: str

    @classmethod
    def connect(cls, settings: Settings | None = None) -> Graph:
        settings = settings or Settings.from_env()
        uri, user, password = connection(settings)
        try:
            driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                notifications_min_severity="OFF",
                max_transaction_retry_time=settings.retry_seconds,
            )
            driver.verify_connectivity()
        except neo4j_errors.AuthError as e:
            raise ConfigError(f"Neo4j at {uri} refused user {user!r}: check NEO4J_USER / NEO4J_PASSWORD") from e
        except (neo4j_errors.ServiceUnavailable, OSError, ValueError) as e:
            raise GraphError(f"cannot reach Neo4j at {uri}: {e}") from e
        return cls(driver=driver, database=settings.neo4j_database, uri=uri)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, name: str, params: Mapping[str, Any]) -> Iterator[None]:
        try:
            yield
        except neo4j_errors.Neo4jError as e:
            raise GraphError(f"{name} failed ({e.code}) with parameters {sorted(params)}: {e.message}") from e
        except neo4j_errors.BrokenRecordError as e:  # a value Python cannot hold, such as a date before year 1
            raise GraphError(f"{name} with parameters {sorted(params)} returned {e} ({e.__cause__})") from e
        except neo4j_errors.ServiceUnavailable as e:
            raise GraphError(f"{name}: Neo4j at {self.uri} became unreachable: {e}") from e

    def read(self, cypher: str, name: str = "read", **params: Any) -> list[dict[str, Any]]:
        """Run a query in a read transaction (routed to readers on a cluster) and return its records."""
        with self._errors(name, params):
            records, _, _ = self.driver.execute_query(
                cypher, params, database_=self.database, routing_=neo4j.RoutingControl.READ
            )
            return [r.data() for r in records]  # values are converted here

    def write(self, cypher: str, name: str = "write", **params: Any) -> dict[str, int]:
        """Run one statement in a write transaction (retried on transient errors); returns its counters."""
        with self._errors(name, params):
            _, summary, _ = self.driver.execute_query(cypher, params, database_=self.database)
        counters = summary.counters
        return {
            "nodes_created": counters.nodes_created,
            "relationships_created": counters.relationships_created,
            "properties_set": counters.properties_set,
        }

    def write_in_batches(self, cypher: str, name: str = "batched write", **params: Any) -> None:
        """Run a `CALL { ... } IN TRANSACTIONS` statement, which needs an auto-commit transaction."""
        with self._errors(name, params), self.driver.session(database=self.database) as session:
            session.run(cypher, params).consume()  # type: ignore[arg-type]

    def run_script(self, text: str, name: str) -> int:
        """Run every statement of a schema-style multi-statement text in order; returns how many ran."""
        statements = split_statements(text)
        for i, statement in enumerate(statements, 1):
            self.write(statement, name=f"{name} statement {i}")
        return len(statements)
