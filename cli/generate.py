"""`sightline generate`: write a synthetic area's feed files and ground_truth.json."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli.options import date_option

console = Console()


def generate(
    people: Annotated[
        int, typer.Option("--people", min=10, help="Approximate number of people in the synthetic area")
    ] = 5000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed writes byte-identical files")] = 42,
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write the feed CSV files and ground_truth.json into")
    ] = Path("var/demo"),
    case_rate: Annotated[
        float,
        typer.Option(
            "--case-rate",
            min=0.0,
            max=1.0,
            help="Share of offenders given a planted case (each with a decoy); from 2,000 people every signal "
            "S1-S14 gets at least one case and one decoy",
        ),
    ] = 0.3,
    variation_rate: Annotated[
        float,
        typer.Option(
            "--variation-rate",
            min=0.0,
            max=1.0,
            help="Probability that a person's or address's record is written with a variation (nickname, typo, "
            "swapped day/month, Rd/Road ...)",
        ),
    ] = 0.1,
    cases_per_signal: Annotated[
        int | None,
        typer.Option(
            "--cases-per-signal",
            min=1,
            help="Plant exactly this many cases (and decoys) of every signal instead of --case-rate: an "
            "evaluation population (20 per signal at 20,000 people)",
        ),
    ] = None,
    identity_rate: Annotated[
        float | None,
        typer.Option(
            "--identity-rate",
            min=0.0,
            max=1.0,
            help="Share of eligible records written in a shape only linkage follows (nickname with swapped "
            "day/month, 'Mr J' at a school gate, employment without a date of birth, birth without a father, "
            "police alias); default half the variation rate",
        ),
    ] = None,
    note_rate: Annotated[
        float | None,
        typer.Option(
            "--note-rate",
            min=0.0,
            max=1.0,
            help="Share of the planted order conflicts (S9, and so S13), of the stays at a partner's (S1) and of "
            "their decoys written only in a visit note, for the note reader to find; default 0.2 "
            "(synthetic.cases.rules.NOTE_RATE; 0: none)",
        ),
    ] = None,
    as_of: Annotated[date, date_option("Date the data is drawn at; every event is on or before it")] = date(
        2024, 12, 31
    ),
) -> None:
    """Generate a synthetic population: every feed in feeds.yaml plus ground_truth.json.

    The truth lists every instance of signals S1-S14 (planted cases, what co-occurs with them, and decoys
    that must not be flagged), every person's record keys and every dwelling's address keys. The same
    seed and options write byte-identical files.
    """
    from synthetic import generate as generate_area

    started = time.perf_counter()
    summary = generate_area(
        people,
        seed,
        out,
        case_rate,
        variation_rate,
        as_of,
        identity_rate=identity_rate,
        note_rate=note_rate,
        cases_per_signal=cases_per_signal,
    )
    seconds = time.perf_counter() - started
    console.print(
        f"{summary.people} people, {summary.offenders} offenders, {summary.cases} signal cases and "
        f"{summary.decoys} decoys, {sum(summary.rows.values())} rows in {len(summary.rows)} files "
        f"written to {out} in {seconds:.1f} s"
    )


def register(app: typer.Typer) -> None:
    """Add the `generate` command to the main CLI."""
    app.command("generate")(generate)
