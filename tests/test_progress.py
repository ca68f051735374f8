"""`sightline load` on a plain log (not a terminal: `make demo` piped, CI) says how far it is, a line per
quarter of each feed file, instead of a progress bar that draws nothing there."""

from __future__ import annotations

import pytest

from cli.data import PlainProgress


def test_a_line_per_quarter_of_each_file_and_one_when_done(capsys: pytest.CaptureFixture[str]) -> None:
    progress = PlainProgress()
    for done in range(0, 1001, 50):
        progress("police_visits.csv", done, 1000)
    progress("agencies.csv", 10, 10)
    progress("agencies.csv", 10, 10)  # told twice, said once
    lines = capsys.readouterr().err.splitlines()
    visits = [line for line in lines if line.startswith("loading police_visits.csv")]
    assert [line.split(": ")[1].split(" ")[0] for line in visits] == ["0%", "25%", "50%", "75%", "done"]
    assert [line for line in lines if line.startswith("loading agencies.csv")] == [
        next(line for line in lines if line.startswith("loading agencies.csv: done (10 of 10 bytes"))
    ]
