"""Write files so that a crash leaves either the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only when it is new."""
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and ``os.replace``."""
    write_atomic_many({path: data}, mode)


def write_atomic_many(files: Mapping[Path, bytes], mode: int = 0o600) -> None:
    """Write files so that after a crash each is either its old or its new version.

    Every file is written to its temporary first, then all are flushed to disk at once
    (one thread each: the disk takes them together, so eight files cost about what one
    does instead of eight times as much), then renamed, then each folder synced once.
    Each file is whole; the set is not: a failure between two renames leaves the files
    already renamed new and the others old (never a temporary).
    """
    temps: list[tuple[Path, str]] = []
    open_fds: list[int] = []  # closed exactly once: a number closed is soon another file's
    try:
        for path, data in files.items():
            fd, tmp = _new_temporary(path)
            open_fds.append(fd)
            temps.append((path, tmp))
            _owner_only(fd, tmp, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        if _batch is not None and _batch.owner == threading.get_ident():
            _batch.take(temps, open_fds)  # synced and renamed when the batch ends
            return
        _fsync_together(open_fds)
        while open_fds:
            os.close(open_fds.pop())
        for path, tmp in temps:
            os.replace(tmp, path)
    except BaseException:
        while open_fds:
            with contextlib.suppress(OSError):
                os.close(open_fds.pop())
        for _, tmp in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)  # gone already once renamed
        raise
    for directory in dict.fromkeys(path.parent for path in files):
        _sync_dir(directory)


class _Batch:
    """Files written in a ``together`` block: syncing in the background, renamed at its end."""

    def __init__(self) -> None:
        self.owner = threading.get_ident()  # other threads' writes are not the block's
        self.temps: list[tuple[Path, str]] = []
        self.fds: list[int] = []
        self.threads: list[threading.Thread] = []
        self.failures: list[OSError] = []

    def take(self, temps: list[tuple[Path, str]], fds: list[int]) -> None:
        """Own these temporaries (the caller's lists are emptied) and start syncing them."""
        self.temps.extend(temps)
        for fd in fds:
            self.fds.append(fd)
            thread = threading.Thread(target=self._sync, args=(fd,), daemon=True)
            self.threads.append(thread)
            thread.start()
        temps.clear()
        fds.clear()

    def _sync(self, fd: int) -> None:
        try:
            os.fsync(fd)
        except OSError as exc:
            self.failures.append(exc)

    def finish(self, keep: bool) -> None:
        """Wait for every sync; then rename every file into place (``keep``) or drop them."""
        interrupted = False
        for thread in self.threads:
            while thread.is_alive():
                try:
                    thread.join()
                except KeyboardInterrupt:
                    interrupted = True
        folders = list(dict.fromkeys(path.parent for path, _ in self.temps))
        try:
            while self.fds:
                os.close(self.fds.pop())
            if interrupted:
                raise KeyboardInterrupt
            if self.failures:
                raise self.failures[0]
            while keep and self.temps:
                path, tmp = self.temps[0]
                os.replace(tmp, path)
                self.temps.pop(0)
        finally:
            for _, tmp in self.temps:  # not renamed: never left behind
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self.temps.clear()
        if keep:
            for directory in folders:
                _sync_dir(directory)


_batch: _Batch | None = None


@contextlib.contextmanager
def together() -> Iterator[None]:
    """Let the disk take a block's writes while the block goes on with other work.

    Within the block, ``write_atomic`` and ``write_atomic_many`` write each file's
    temporary and start flushing it to disk in the background, and return; when the
    block ends (also by an error in it), every sync is waited for, then every file is
    renamed into place in the order written, then each folder is synced once. Each file
    is whole, old or new, as always; none of them is in place before the block ends, so
    nothing in it may read them back. Ctrl-C drops them all. Nested, it does nothing.
    """
    global _batch
    if _batch is not None:
        yield
        return
    batch = _batch = _Batch()
    try:
        yield
    except Exception:
        _batch = None
        batch.finish(keep=True)  # what was written before the error, as without a batch
        raise
    except BaseException:
        _batch = None
        batch.finish(keep=False)
        raise
    _batch = None
    batch.finish(keep=True)


def _fsync_together(fds: list[int]) -> None:
    """fsync every descriptor, overlapping the waits; the first failure is raised.

    Every thread has finished before this returns or raises, even on Ctrl-C, so that no
    descriptor is closed while a thread still syncs it.
    """
    failures: list[OSError] = []

    def sync(fd: int) -> None:
        try:
            os.fsync(fd)
        except OSError as exc:
            failures.append(exc)

    threads = [threading.Thread(target=sync, args=(fd,), daemon=True) for fd in fds[1:]]
    try:
        for thread in threads:
            thread.start()
        if fds:
            sync(fds[0])
    finally:
        interrupted = False
        for thread in threads:
            while thread.ident is not None and thread.is_alive():  # started, not finished
                try:
                    thread.join()
                except KeyboardInterrupt:
                    interrupted = True
        if interrupted:
            raise KeyboardInterrupt
    if failures:
        raise failures[0]


# What ``tempfile.mkstemp`` opens a file with: made new here (never an existing file, nor
# through a link), for this process alone, readable and writable by the owner only.
_NEW_FILE = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOINHERIT", 0)
    | getattr(os, "O_BINARY", 0)
)
_NAME_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _new_temporary(path: Path) -> tuple[int, str]:
    """A new file beside ``path`` (``.NAME.XXXXXXXX.tmp``) to write it through, and its open
    descriptor: what ``tempfile.mkstemp`` makes, without loading ``tempfile`` (with
    ``shutil`` and its compression modules, about 2 ms of every headless case)."""
    folder = os.fspath(path.parent)
    for _ in range(100):
        letters = "".join(_NAME_LETTERS[byte % 37] for byte in os.urandom(8))
        name = os.path.join(folder, f".{path.name}.{letters}.tmp")
        try:
            return os.open(name, _NEW_FILE, 0o600), os.path.abspath(name)
        except FileExistsError:
            continue
        except PermissionError:  # Windows, for a name a folder has: as mkstemp does
            if os.name == "nt" and os.path.isdir(folder) and os.access(folder, os.W_OK):
                continue
            raise
    raise FileExistsError(f"no free name for a temporary file beside {path}")


def _owner_only(fd: int, name: str, mode: int) -> None:
    """Set ``mode`` on the new file where the platform has POSIX permissions.

    ``os.fchmod`` exists on Windows only from Python 3.13; there the temporary file is
    already one only its creator's account can open, and ``os.chmod`` can only set read-only, so
    nothing more is done.
    """
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, mode)
    elif os.name != "nt":
        os.chmod(name, mode)


def _sync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
