"""Names written as another agency might write them, for tests and benchmarks that search for a planted person."""

from __future__ import annotations

from linkage.names import name_variants


def written_otherwise(forenames: str, surname: str) -> str:
    """How another agency might write a name, the same every time (for tests and benchmarks that search
    for a planted person): a nickname record linkage knows (or the first forename) and two letters of the
    surname swapped."""
    first = forenames.split()[0]
    nick = sorted(set(name_variants(first.lower())) - {first.lower()})
    inner = surname[1:-1]
    slip = surname[0] + inner[1] + inner[0] + inner[2:] + surname[-1] if len(surname) > 3 else surname
    return f"{nick[0] if nick else first} {slip}"
