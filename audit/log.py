"""The s.62 log: who collected, altered, consulted, disclosed, combined or erased personal data, when and why
(Data Protection Act 2018, Part 3, s.62).

Append-only JSON lines in a file outside the graph (emptying or re-loading the graph never touches it), one
entry per action. The log is tamper-evident: every entry carries the SHA-256 of the entry before it (a hash
chain), so an edited or deleted entry breaks the chain at that point; and the chain's head (last sequence
number and hash) is also written apart from the log, to every `HeadStore` the caller gives (a file of its
own, and the graph), so cutting entries off the end is caught too. `verify` names the first broken entry.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from errors import ConfigError
from settings import Settings

# The action classes of s.62(1), and the refusals of need-to-know (an attempt is logged like an action).
ACTIONS = ("collection", "alteration", "consultation", "disclosure", "combination", "erasure", "refusal")
GENESIS = "0" * 64
MIN_REASON = 3  # "." or "x" is not a justification


class HeadStore(Protocol):
    """Where the chain head is kept apart from the log: the last entry's sequence number and hash."""

    def read_head(self, chain: str) -> tuple[int, str] | None: ...

    def write_head(self, chain: str, seq: int, digest: str) -> None: ...


@dataclass(frozen=True)
class FileHead:
    """The head in a small JSON file of its own (keep it on another volume or owner than the log)."""

    path: Path

    def read_head(self, chain: str) -> tuple[int, str] | None:
        heads = self._all()
        seq, digest = heads.get(chain, (None, None))
        return None if seq is None or digest is None else (int(seq), str(digest))

    def write_head(self, chain: str, seq: int, digest: str) -> None:
        heads = self._all() | {chain: [seq, digest]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(heads, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)

    def _all(self) -> dict[str, list[Any]]:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return loaded if isinstance(loaded, dict) else {}


@dataclass(frozen=True)
class Entry:
    """One logged action. `subjects` are the keys of the people the action showed or changed."""

    seq: int
    chain: str
    when: str
    who: str
    role: str
    action: str
    what: str
    why: str
    params: dict[str, str] = field(default_factory=dict)
    subjects: list[str] = field(default_factory=list)
    rows: int = 0
    prev: str = GENESIS
    hash: str = ""

    def digest(self) -> str:
        """SHA-256 of the entry without its own hash, in one canonical JSON form."""
        body = {k: v for k, v in asdict(self).items() if k != "hash"}
        return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


@dataclass(frozen=True)
class Verdict:
    """The outcome of `verify`: how many entries were read, and the first broken one (line and why)."""

    entries: int
    broken_line: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_line is None and not self.problem


def justification(why: str) -> str:
    """The reason as logged; refuses (ConfigError) an empty or token one, because the law requires one."""
    why = " ".join(why.split())
    if len(why) < MIN_REASON or not any(c.isalnum() for c in why):
        raise ConfigError(
            "give a reason for this action (--reason), e.g. a case reference: it is logged with who and when"
            " (DPA 2018 s.62)"
        )
    return why


@dataclass(frozen=True)
class Filter:
    """Which entries an auditor asks for (the Audit log page, `sightline audit export`): days are UTC and
    inclusive; empty text filters nothing."""

    since: dt.date | None = None
    until: dt.date | None = None
    user: str = ""
    subject: str = ""

    def keeps(self, e: Entry) -> bool:
        day = dt.date.fromisoformat(e.when[:10])
        return (
            (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
            and (not self.user.strip() or e.who == self.user.strip())
            and (not self.subject.strip() or self.subject.strip() in e.subjects)
        )

    def params(self) -> dict[str, str]:
        """The filter as logged with the consultation of the log."""
        return {"from": str(self.since or ""), "to": str(self.until or ""), "user": self.user, "subject": self.subject}


@dataclass(frozen=True)
class AuditLog:
    """The log file and the head stores kept beside it."""

    path: Path
    heads: Sequence[HeadStore] = ()

    @classmethod
    def from_settings(cls, settings: Settings | None = None, extra: Sequence[HeadStore] = ()) -> AuditLog:
        s = settings or Settings.from_env()
        return cls(s.audit_log, (FileHead(s.audit_head), *extra))

    def record(
        self,
        action: str,
        what: str,
        why: str,
        *,
        who: str,
        role: str = "",
        params: dict[str, Any] | None = None,
        subjects: Sequence[str] = (),
        rows: int = 0,
    ) -> Entry:
        """Append one entry (under a lock: the explorer's sessions and the CLI may write at once). `who` is the
        signed-in account (or the name a refusal was tried under), never guessed from the operating system.
        Nothing is appended after a cut: that would move the head and hide that entries were removed."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action class {action!r}; one of {', '.join(ACTIONS)}")
        reason = justification(why)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a+", encoding="utf-8") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            last = _last_entry(self.path)
            if last is not None:
                self._refuse_after_a_cut(last)
            entry = Entry(
                seq=last.seq + 1 if last else 1,
                chain=last.chain if last else uuid.uuid4().hex,
                when=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                who=who,
                role=role,
                action=action,
                what=what,
                why=reason,
                params={k: str(v) for k, v in (params or {}).items()},
                subjects=sorted(set(subjects)),
                rows=rows,
                prev=last.hash if last else GENESIS,
            )
            entry = Entry(**(asdict(entry) | {"hash": entry.digest()}))
            f.write(json.dumps(asdict(entry), sort_keys=True) + "\n")
            f.flush()
            os.fsync(f.fileno())
            for head in self.heads:
                head.write_head(entry.chain, entry.seq, entry.hash)
        return entry

    def _refuse_after_a_cut(self, last: Entry) -> None:
        problem = self._heads_problem(last.chain, last.seq, last.hash)
        if problem:
            raise ConfigError(
                f"the s.62 log {self.path} was tampered with ({problem}): nothing more is written to "
                "it until it is restored; run `sightline audit verify`"
            )

    def entries(self) -> Iterator[Entry]:
        """Every entry, oldest first (a malformed line raises ValueError naming it: use `verify`)."""
        for number, line in _lines(self.path):
            try:
                yield Entry(**json.loads(line))
            except (TypeError, ValueError) as e:
                raise ValueError(f"{self.path}:{number}: not a log entry ({e})") from None

    def verify(self) -> Verdict:
        """Walk the chain: each entry's hash, its link to the one before, its sequence, then the heads."""
        prev, seq, chain, count = GENESIS, 0, "", 0
        for number, line in _lines(self.path):
            count += 1
            try:
                entry = Entry(**json.loads(line))
            except (TypeError, ValueError):
                return Verdict(count, number, "not a log entry (edited or damaged)")
            problem = _link_problem(entry, prev, seq + 1, chain or entry.chain)
            if problem:
                return Verdict(count, number, problem)
            prev, seq, chain = entry.hash, entry.seq, entry.chain
        return Verdict(count, None, self._heads_problem(chain, seq, prev))

    def _heads_problem(self, chain: str, seq: int, digest: str) -> str:
        """A head that is ahead of the log, or disagrees with it, means entries were cut off or replaced."""
        for head in self.heads:
            stored = head.read_head(chain) if chain else None
            if stored is None:
                if seq:
                    return f"the chain head is missing from {_name(head)}"
                continue
            head_seq, head_hash = stored
            if head_seq > seq:
                return f"the log ends at entry {seq} but {_name(head)} records entry {head_seq}: entries were removed"
            if head_seq == seq and head_hash != digest:
                return f"the last entry differs from the head kept in {_name(head)}: it was replaced"
        return ""


def _link_problem(entry: Entry, prev: str, seq: int, chain: str) -> str:
    if entry.hash != entry.digest():
        return f"entry {entry.seq} was altered (its hash does not match its content)"
    if entry.prev != prev or entry.chain != chain:
        return f"entry {entry.seq} does not follow the entry before it (an entry was removed or inserted)"
    if entry.seq != seq:
        return f"entry {entry.seq} is out of sequence (expected {seq}): an entry was removed"
    return ""


def _name(head: HeadStore) -> str:
    return str(getattr(head, "path", type(head).__name__))


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if line.strip():
                    yield number, line
    except FileNotFoundError:
        return


def _last_entry(path: Path) -> Entry | None:
    """The last entry, read from the end of the file (the log grows for years)."""
    with path.open("rb") as f:
        f.seek(0, os.SEEK_END)
        end = f.tell()
        chunk = b""
        while end > 0 and chunk.count(b"\n") < 2:
            size = min(end, 4096)
            end -= size
            f.seek(end)
            chunk = f.read(size) + chunk
    lines = [ln for ln in chunk.splitlines() if ln.strip()]
    if not lines:
        return None
    try:
        return Entry(**json.loads(lines[-1]))
    except (TypeError, ValueError):
        raise ConfigError(f"the audit log {path} ends in a damaged entry: run `sightline audit verify`") from None
