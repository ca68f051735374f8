"""The bundled Neo4j server: build, start, stop and reset it.

Sightline ships its own Neo4j (an embedded Neo4j with a Bolt connector, run by a tiny Java launcher in
graph/launcher) so a demo needs nothing but Java 17 and Maven. This module is the only place that knows
about the launcher; everything else talks Bolt to the `ServerInfo` it returns.

State lives in the data dir: `password` (mode 0600, the source of truth for the neo4j user's password),
`server.json` (uri, user, port, pid of the running server), `neo4j.log` (launcher output) and Neo4j's own
`data/` and `logs/`. Memory and Java come from `Settings` (SIGHTLINE_NEO4J_HEAP, SIGHTLINE_NEO4J_PAGECACHE:
sizes such as 512m or 4g; JAVA_HOME).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from errors import ConfigError, ServerError
from graph.statements import STATEMENTS
from settings import REPO_ROOT, Settings

DEFAULT_DATA_DIR: Path = Settings().data_dir
DEFAULT_PORT = 7687

USER = "neo4j"
HOST = "127.0.0.1"
LAUNCHER_DIR: Path = REPO_ROOT / "graph" / "launcher"
MAIN_CLASS = "org.sightline.launcher.Launcher"
PASSWORD_ENV = "SIGHTLINE_NEO4J_PASSWORD"  # how the launcher gets the password: env, never argv (ps shows argv)
HEAP_ENV = "SIGHTLINE_NEO4J_HEAP"
PAGECACHE_ENV = "SIGHTLINE_NEO4J_PAGECACHE"

PASSWORD_FILE = "password"
STATE_FILE = "server.json"
LOG_FILE = "neo4j.log"
STORE_ENTRIES = ("data", "logs")  # what Neo4j creates in the data dir; reset deletes these and nothing else

_SOURCES = (LAUNCHER_DIR / "pom.xml", LAUNCHER_DIR / "src/main/java/org/sightline/launcher/Launcher.java")
_STAMP = LAUNCHER_DIR / "target" / ".sightline-built"
_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",  # a wedged JVM is worse than a dead one: the wrapper reports the death
    "-XX:-OmitStackTraceInFastThrow",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",  # Neo4j's page cache is slower without these
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)

# Popen handles of servers this process started, so their exit is reaped (no zombie looks alive).
_children: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerInfo:
    """How to reach a running bundled server."""

    uri: str
    user: str
    password: str
    port: int
    pid: int
    data_dir: Path


# --------------------------------------------------------------------------------------------- public API


def build(force: bool = False) -> Path:
    """Compile the launcher with Maven unless it is already up to date; return the launcher dir.

    Runs Maven at most once per change of pom.xml or Launcher.java, since a build costs seconds and
    the first one downloads Neo4j's jars.
    """
    _java(Settings.from_env().java_home)  # the server needs Java 17 whether or not we build
    (LAUNCHER_DIR / "target").mkdir(parents=True, exist_ok=True)
    with _flock(LAUNCHER_DIR / "target" / ".build.lock"):
        if not force and _build_is_fresh():
            return LAUNCHER_DIR
        mvn = shutil.which("mvn")
        if mvn is None:
            raise ConfigError("Maven not found: install it (apt-get install maven) and put `mvn` on PATH")
        shutil.rmtree(LAUNCHER_DIR / "target" / "lib", ignore_errors=True)  # no stale jars of an old version
        _STAMP.unlink(missing_ok=True)
        try:
            proc = subprocess.run(
                [mvn, "-q", "-B", "-Dstyle.color=never", "package"],
                cwd=LAUNCHER_DIR,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=1800,
            )
        except subprocess.TimeoutExpired as e:
            raise ServerError("Maven build of the Neo4j launcher took over 30 minutes: check the network") from e
        if proc.returncode != 0:
            tail = _maven_tail(proc.stdout)
            raise ServerError(
                f"Maven build of the Neo4j launcher failed (exit {proc.returncode}) in {LAUNCHER_DIR}; "
                "last lines:\n" + "\n".join(tail)
            )
        _STAMP.touch()
    return LAUNCHER_DIR


def start(port: int = DEFAULT_PORT, data_dir: Path = DEFAULT_DATA_DIR, timeout: float = 180.0) -> ServerInfo:
    """Start the server on `data_dir` (idempotent: a running one is returned as is) and wait until it serves.

    The JVM runs in its own session so it outlives the calling command; "serves" means Bolt answers an
    authenticated `RETURN 1`.
    """
    data_dir = _resolve(data_dir)
    if not 0 < port < 65536:
        raise ConfigError(f"port {port} is out of range: choose one between 1 and 65535")
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with _flock(data_dir / ".lock"):
        return _start(port, data_dir, timeout)


def stop(data_dir: Path = DEFAULT_DATA_DIR, timeout: float = 60.0) -> bool:
    """Stop the server on `data_dir` cleanly (SIGTERM, SIGKILL only after `timeout`); True if one was running."""
    data_dir = _resolve(data_dir)
    if not data_dir.is_dir():
        return False
    with _flock(data_dir / ".lock"):
        return _stop(data_dir, timeout)


def status(data_dir: Path = DEFAULT_DATA_DIR) -> ServerInfo | None:
    """The running server on `data_dir`, or None (a stale server.json is removed)."""
    data_dir = _resolve(data_dir)
    if not data_dir.is_dir():
        return None
    return _status(data_dir)


def reset(data_dir: Path = DEFAULT_DATA_DIR) -> None:
    """Empty the database: stop, delete the store (keeping the password), start again if it was running."""
    data_dir = _resolve(data_dir)
    if not data_dir.is_dir():
        return
    with _flock(data_dir / ".lock"):
        info = _status(data_dir)
        if info is not None:
            _stop(data_dir, 60.0)
        for name in STORE_ENTRIES:
            try:
                shutil.rmtree(data_dir / name)
            except FileNotFoundError:
                pass
            except OSError as e:
                raise ServerError(f"cannot delete {data_dir / name}: {e.strerror}") from e
        if info is not None:
            _start(info.port, data_dir, 180.0)


def read_password(data_dir: Path = DEFAULT_DATA_DIR) -> str:
    """The neo4j user's password for the server on `data_dir` (written by the first `start`)."""
    path = _resolve(data_dir) / PASSWORD_FILE
    try:
        password = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise ConfigError(f"no Neo4j password file at {path}: start the server once (sightline neo4j start)") from None
    except OSError as e:
        raise ConfigError(f"cannot read the Neo4j password file {path}: {e.strerror}") from None
    if not password:
        raise ConfigError(f"the Neo4j password file {path} is empty: delete it and start the server again")
    return password


def free_port() -> int:
    """An unused loopback port, for throwaway servers (tests, side-by-side demos)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


# ------------------------------------------------------------------------------------------------ start/stop


def _start(port: int, data_dir: Path, timeout: float) -> ServerInfo:
    running = _status(data_dir)
    if running is not None:
        return running
    password = _ensure_password(data_dir)
    settings = Settings.from_env()
    heap, pagecache = _memory_settings(settings)
    if _port_in_use(port):
        raise ServerError(f"port {port} is in use by another process: choose another with --port N or stop it")
    launcher = build()
    java = _java(settings.java_home)

    log_path = data_dir / LOG_FILE
    classpath = f"{launcher / 'target' / 'classes'}{os.pathsep}{launcher / 'target' / 'lib' / '*'}"
    argv = [
        java,
        f"-Xmx{heap}",
        *_JVM_FLAGS,
        "-cp",
        classpath,
        MAIN_CLASS,
        "--home",
        str(data_dir),
        "--port",
        str(port),
        "--pagecache",
        str(pagecache),
    ]
    env = {**os.environ, PASSWORD_ENV: password}
    with open(log_path, "wb") as log:
        try:
            proc = subprocess.Popen(
                argv,
                cwd=data_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # outlive the CLI command and its Ctrl-C
            )
        except OSError as e:
            raise ServerError(f"cannot run {java}: {e.strerror}") from e
    _children[proc.pid] = proc
    uri = f"bolt://{HOST}:{port}"
    _write_state(data_dir, {"uri": uri, "user": USER, "port": port, "pid": proc.pid})
    info = ServerInfo(uri=uri, user=USER, password=password, port=port, pid=proc.pid, data_dir=data_dir)

    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            (data_dir / STATE_FILE).unlink(missing_ok=True)
            raise ServerError(_death_message(log_path, proc.returncode, port, data_dir))
        if _log_says_ready(log_path):
            problem = _bolt_problem(uri, password)
            if problem is None:
                return info
            if problem == "auth":
                _stop(data_dir, 60.0)
                raise ServerError(
                    f"Neo4j on {data_dir} rejected the password in {data_dir / PASSWORD_FILE}: see {log_path}"
                )
        if time.monotonic() >= deadline:
            _stop(data_dir, 60.0)
            raise ServerError(f"Neo4j did not answer on {uri} within {timeout:.0f} s and was stopped: see {log_path}")
        time.sleep(0.25)


def _stop(data_dir: Path, timeout: float) -> bool:
    info = _status(data_dir)
    if info is None:
        return False
    pid = info.pid
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    except PermissionError as e:
        raise ServerError(f"not allowed to stop Neo4j (pid {pid}): run as the user who started it") from e
    if not _wait_exit(pid, timeout):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        if not _wait_exit(pid, 30.0):
            raise ServerError(f"Neo4j (pid {pid}) did not exit even after SIGKILL")
    _children.pop(pid, None)
    (data_dir / STATE_FILE).unlink(missing_ok=True)
    return True


def _status(data_dir: Path) -> ServerInfo | None:
    state_path = data_dir / STATE_FILE
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
        pid, port, uri, user = int(state["pid"]), int(state["port"]), str(state["uri"]), str(state["user"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        state_path.unlink(missing_ok=True)  # unreadable: treat as stale
        return None
    if not _is_our_server(pid, data_dir):
        state_path.unlink(missing_ok=True)
        return None
    return ServerInfo(uri=uri, user=user, password=read_password(data_dir), port=port, pid=pid, data_dir=data_dir)


# -------------------------------------------------------------------------------------------------- helpers


def _resolve(data_dir: Path | str) -> Path:
    return Path(data_dir).expanduser().resolve()


@contextlib.contextmanager
def _flock(path: Path) -> Iterator[None]:
    """Serialise start/stop/reset (and builds) across processes, so two commands never race on one store."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _ensure_password(data_dir: Path) -> str:
    """Create the password file once, mode 0600 from the first byte (O_EXCL: never world-readable)."""
    path = data_dir / PASSWORD_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return read_password(data_dir)
    password = secrets.token_urlsafe(24)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(password + "\n")
    return password


def _write_state(data_dir: Path, state: dict[str, object]) -> None:
    tmp = data_dir / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, data_dir / STATE_FILE)


def _parse_size(value: str, env_name: str) -> int:
    """Bytes in a JVM-style size (512m, 4g, 1048576), so heap and page cache read the same way."""
    m = re.fullmatch(r"\s*(\d+)\s*([kmgt]?)b?\s*", value, re.IGNORECASE)
    if m is None or int(m.group(1)) == 0:
        raise ConfigError(f"{env_name}={value!r} is not a size: use e.g. 512m or 4g")
    unit = m.group(2).lower()
    return int(m.group(1)) * (1024 ** ("kmgt".index(unit) + 1) if unit else 1)


def _memory_settings(settings: Settings) -> tuple[str, int]:
    """(-Xmx value, page cache bytes) from the settings, checked before any JVM starts."""
    heap_bytes = _parse_size(settings.heap, HEAP_ENV)
    if heap_bytes < 256 * 1024**2:
        default = Settings().heap
        raise ConfigError(f"{HEAP_ENV}={settings.heap} is too small for Neo4j: use at least 256m (default {default})")
    return f"{heap_bytes // 1024}k", _parse_size(settings.pagecache, PAGECACHE_ENV)


def _java(java_home: str) -> str:
    """Path of a Java 17+ `java` (JAVA_HOME's, else the PATH's), or ConfigError saying how to install one."""
    fix = "install openjdk-17-jre-headless (apt-get install openjdk-17-jre-headless)"
    java = str(Path(java_home) / "bin" / "java") if java_home and (Path(java_home) / "bin" / "java").exists() else None
    java = java or shutil.which("java")
    if java is None:
        raise ConfigError(f"Java 17 not found: {fix}")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ConfigError(f"cannot run {java} -version ({e}): {fix}") from None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = 0 if m is None else int(m.group(2) or 0) if m.group(1) == "1" else int(m.group(1))
    if major < 17:
        raise ConfigError(f"Java 17 or newer needed, {java} is {major or 'unknown'}: {fix}")
    return java


def _maven_tail(output: str, keep: int = 12) -> list[str]:
    """Maven's last meaningful lines: no colour codes, no "re-run with -X" boilerplate after the error."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in output.splitlines()]
    lines = [line for line in lines if line.strip() and line.strip() != "[ERROR]"]
    cut = next((i for i, line in enumerate(lines) if "-> [Help 1]" in line), len(lines))
    return lines[:cut][-keep:]


def _build_is_fresh() -> bool:
    target = LAUNCHER_DIR / "target"
    if not (_STAMP.exists() and (target / "classes" / (MAIN_CLASS.replace(".", "/") + ".class")).exists()):
        return False
    if not any((target / "lib").glob("neo4j-*.jar")):
        return False
    stamp = _STAMP.stat().st_mtime
    return all(src.stat().st_mtime <= stamp for src in _SOURCES)


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the JVM binds: TIME_WAIT is not "in use"
        try:
            s.bind((HOST, port))
        except OSError as e:
            return e.errno in (errno.EADDRINUSE, errno.EACCES)
    return False


def _is_our_server(pid: int, data_dir: Path) -> bool:
    """Alive and really our launcher on this data dir (a recycled pid must not count)."""
    child = _children.get(pid)
    if child is not None:
        if child.poll() is None:
            return True
        _children.pop(pid, None)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else: let the cmdline decide
    proc = Path(f"/proc/{pid}")
    if not proc.is_dir():
        return True  # no /proc (macOS): trust the pid
    try:
        if (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
        args = (proc / "cmdline").read_bytes().split(b"\0")
    except (OSError, IndexError):
        return False
    return MAIN_CLASS.encode() in args and os.fsencode(str(data_dir)) in args


def _wait_exit(pid: int, timeout: float) -> bool:
    child = _children.get(pid)
    if child is not None:
        try:
            child.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        with contextlib.suppress(OSError, IndexError):
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        time.sleep(0.1)
    return False


def _log_says_ready(log_path: Path) -> bool:
    try:
        return b"\nREADY bolt://" in b"\n" + log_path.read_bytes()
    except OSError:
        return False


def _bolt_problem(uri: str, password: str) -> str | None:
    """None if Bolt answers an authenticated RETURN 1; "auth" if the password is refused; else "down"."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    try:
        with (
            GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=5.0) as driver,
            driver.session(database="neo4j") as session,
        ):
            session.run(STATEMENTS["ping"]).consume()  # type: ignore[arg-type]
    except AuthError:
        return "auth"
    except (DriverError, Neo4jError, OSError):
        return "down"
    return None


_HINTS: tuple[tuple[str, str], ...] = (
    ("locked by another process", "another process uses this store: stop it or use another --data"),
    ("address already in use", "port {port} is in use by another process: choose another with --port N or stop it"),
    ("outofmemoryerror", "Neo4j ran out of memory: raise SIGHTLINE_NEO4J_HEAP (e.g. 4g)"),
    ("could not reserve enough space", "not enough memory for the heap: lower SIGHTLINE_NEO4J_HEAP"),
    ("cannot allocate memory", "not enough memory: lower SIGHTLINE_NEO4J_HEAP or SIGHTLINE_NEO4J_PAGECACHE"),
    ("unsupportedclassversionerror", "the launcher needs Java 17: install openjdk-17-jre-headless"),
    ("store format", "{data} holds a store of another Neo4j version: use another --data or reset it"),
    ("upgrade", "{data} holds a store of another Neo4j version: use another --data or reset it"),
    ("incompatible", "{data} holds a store of another Neo4j version: use another --data or reset it"),
)


def _death_message(log_path: Path, code: int, port: int, data_dir: Path) -> str:
    """One line: why the JVM died (its ERROR: line, else its last line) and what to do about it."""
    try:
        lines = [ln.strip() for ln in log_path.read_text(encoding="utf-8", errors="replace").splitlines()]
    except OSError:
        lines = []
    lines = [ln for ln in lines if ln]
    errors = [ln.removeprefix("ERROR:").strip() for ln in lines if ln.startswith("ERROR:")]
    cause = errors[-1] if errors else (lines[-1] if lines else f"exit code {code}, no output")
    if len(cause) > 300:
        cause = cause[:297] + "..."
    low = cause.lower()
    fix = next((hint for key, hint in _HINTS if key in low), f"see {log_path}")
    return f"Neo4j exited during start: {cause} ({fix.format(port=port, data=data_dir)})"
