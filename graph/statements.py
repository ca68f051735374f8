"""Named Cypher statements. Each room keeps its statements as `.cypher` files in its own `cypher/` folder and
finds them through one register by name ("explore/search_people"), so there is one place to look, nothing
builds Cypher in Python, and a test can check that every file is used (tests/test_statements.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from errors import ConfigError


@cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def split_statements(text: str) -> list[str]:
    """Statements of a multi-statement .cypher file, separated by ';' at line ends; '//' comments dropped."""
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";\n") if s.strip().rstrip(";").strip()]


@dataclass(frozen=True)
class Statements:
    """The `.cypher` files under one folder, by name: their path relative to it, without the suffix."""

    folder: Path

    @classmethod
    def beside(cls, module_file: str) -> Statements:
        """The register of the package a module is in: its `cypher/` folder."""
        return cls(Path(module_file).resolve().parent / "cypher")

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.cypher"

    def __getitem__(self, name: str) -> str:
        """Text of a statement, read once per process; an unknown name is a ConfigError naming the folder."""
        path = self.path(name)
        if not path.is_file():
            raise ConfigError(f"no Cypher statement {name!r} in {self.folder}")
        return _text(path)

    def names(self) -> list[str]:
        return sorted(p.relative_to(self.folder).with_suffix("").as_posix() for p in self.folder.rglob("*.cypher"))


STATEMENTS = Statements.beside(__file__)  # graph/cypher: schema, stats, the server's health check
