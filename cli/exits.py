"""The one table of `sightline` exit codes: commands exit with these, `sightline --help` and the README show it.

`python -m cli.exits` prints the README's table; tests/test_docs.py checks the README holds exactly that.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What `sightline` returns. 2 is Click's own code for a usage error, so rejected rows are 3."""

    OK = 0
    ERROR = 1
    USAGE = 2
    ROWS_REJECTED = 3
    LOG_BROKEN = 4
    REFUSED = 5

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    ExitCode.OK: "done",
    ExitCode.ERROR: (
        "error: one line on stderr, never a traceback (also: `load` could not read a file, a saved query failed "
        "in `query worklist`, `neo4j status` found no server)"
    ),
    ExitCode.USAGE: (
        "usage error, Click's own: an unknown command or option, a missing or bad value (`--format`, a date, "
        "a `--param`); one line on stderr"
    ),
    ExitCode.ROWS_REJECTED: "`load` rejected some rows (see rejects.csv); the other rows loaded",
    ExitCode.LOG_BROKEN: "`audit verify` found the s.62 log altered, cut or out of sequence (it names the entry)",
    ExitCode.REFUSED: "refused: not signed in, a wrong password or token, or a role that does not allow it (logged)",
}


def epilog() -> str:
    """The table at the foot of `sightline --help`."""
    return "\n".join(["Exit codes:", *(f"  {code.value}  {code.meaning.replace('`', '')}" for code in ExitCode)])


def markdown_table() -> str:
    """The README's exit-code table."""
    lines = ["| code | meaning |", "|---|---|"]
    lines += [f"| {code.value} | {code.meaning} |" for code in ExitCode]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
