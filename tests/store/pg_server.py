"""A throwaway PostgreSQL server on loopback for the store tests, started from Debian's binaries.

`throwaway_server()` runs initdb into a temporary folder, starts the server on 127.0.0.1 with a
free port and a private socket folder, creates the `sitrep_test` database and yields its URL;
leaving the block stops the server and deletes the folder. PostgreSQL refuses to run as root,
so under root every command runs as the `postgres` system user. `missing_reason()` says why no
server can be started here (None when one can), for a clear skip.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN_DIRS = (Path("/usr/lib/postgresql/15/bin"), Path("/usr/local/bin"), Path("/usr/bin"))
TOOLS = ("initdb", "pg_ctl", "createdb")
SYSTEM_USER = "postgres"  # who runs the server when the tests run as root
SUPERUSER = "postgres"  # the database role initdb creates, trusted on loopback
DATABASE = "sitrep_test"
DRIVER = "psycopg"
SERVER_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"  # data is thrown away


def bin_dir() -> Path | None:
    """The first folder holding every PostgreSQL tool the helper needs."""
    for folder in BIN_DIRS:
        if all(os.access(folder / tool, os.X_OK) for tool in TOOLS):
            return folder
    return None


def missing_reason() -> str | None:
    """Why no throwaway server can run here (a skip reason), or None when one can."""
    if bin_dir() is None:
        return f"PostgreSQL binaries ({', '.join(TOOLS)}) not found in {', '.join(map(str, BIN_DIRS))}"
    if os.geteuid() == 0 and not _user_exists(SYSTEM_USER):
        return f"running as root and there is no {SYSTEM_USER!r} system user to run PostgreSQL as"
    try:
        __import__(DRIVER)
    except ImportError:
        return f"the PostgreSQL driver {DRIVER!r} is not installed (pip install 'psycopg[binary]')"
    return None


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a private server, yield `postgresql+psycopg://postgres@127.0.0.1:PORT/sitrep_test`, then remove it."""
    folder = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    _hand_over(folder)
    port = _free_port()
    try:
        _run("initdb", "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-locale")
        _run("pg_ctl", "start", "-w", "-D", str(data), "-l", str(folder / "server.log"),
             "-o", f"-h 127.0.0.1 -p {port} -k {sockets} {SERVER_OPTIONS}")
        try:
            _run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", SUPERUSER, DATABASE)
            yield f"postgresql+{DRIVER}://{SUPERUSER}@127.0.0.1:{port}/{DATABASE}"
        finally:
            _run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", str(data))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _hand_over(folder: Path) -> None:
    """Under root, give the folder tree to the system user the server runs as."""
    if os.geteuid() != 0:
        return
    user = pwd.getpwnam(SYSTEM_USER)
    for path in (folder, *folder.iterdir()):
        os.chown(path, user.pw_uid, user.pw_gid)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(tool: str, *args: str) -> None:
    """Run a PostgreSQL tool (as the system user under root); raise with its output when it fails."""
    command = [str(bin_dir() / tool), *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", SYSTEM_USER, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd="/")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
