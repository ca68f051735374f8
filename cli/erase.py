"""`sightline erase`: erase source records (a record, a feed, or everything held about one person), with the
justification logged as an s.62 erasure; identities are rebuilt after. Administrators only."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

out = Console()


def erase_command(
    record: Annotated[str | None, typer.Option("--record", metavar="FEED:ID", help="One source record")] = None,
    feed: Annotated[str | None, typer.Option("--feed", help="Every record of one feed")] = None,
    person: Annotated[
        str | None, typer.Option("--person", metavar="KEY", help="Every record about one person (its key)")
    ] = None,
    reason: Annotated[str, typer.Option("--reason", help="Why (a retention review, a court order ...): logged")] = "",
) -> None:
    """Remove source records and what only they support; a node another record supports stays, without them.

    Logged in the s.62 log as an erasure with the justification and the people touched; identities are rebuilt.
    """
    from audit.log import AuditLog, justification
    from cli.signin import signed_in
    from graph.db import Graph
    from linkage.exact import has_resolved_identities, link_exact
    from linkage.pipeline import ResolveSettings, resolve
    from loaders.erase import erase, records_of
    from loaders.spec import load_spec

    why = justification(reason)
    account = signed_in("erase", "erase source records")
    spec = load_spec()
    with Graph.connect() as graph:
        done = erase(graph, spec, records_of(graph, spec, record, feed, person))
        if has_resolved_identities(graph):
            resolve(graph, ResolveSettings(incremental=True))
        else:
            link_exact(graph)
    chosen = {"record": record, "feed": feed, "person": person}
    AuditLog.from_settings().record(
        "erasure",
        "erase",
        why,
        who=account.name,
        role=account.role,
        params={k: v for k, v in chosen.items() if v is not None} | {"records": len(done.records)},
        subjects=done.people,
        rows=len(done.records),
    )
    out.print(
        f"erased {len(done.records)} source record(s); {len(done.deleted_people)} of {len(done.people)} person "
        "record(s) touched are gone (the others are held by other records too); identities rebuilt",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command("erase")(erase_command)
