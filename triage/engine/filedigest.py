"""A file's SHA-256, remembered under what ``stat`` says of it: :func:`file_digest`.

The tone rules' kept entries, and the notes of a case's tone check, are keyed by the
packaged rules file's digest (over half a megabyte), and a team's rules files by theirs.
Reading and hashing those files again in every run cost an edited case about 2 ms. Here a
file's digest is kept in the code cache under its path and its ``stat`` (size, modification
and change times in nanoseconds, inode and device): a run whose files have not changed
reads none of them. Any write to a file changes its change time, which no program can set
back, so a file that changed is read and hashed again.

A digest is remembered only for a file that held still while it was read (its ``stat`` the
same before and after) and had not changed in the last two seconds: a write within the
clock's granularity of the reading could otherwise leave the same ``stat`` over other bytes.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from triage.engine import codecache

__all__ = ["file_digest"]

_KIND = "filesha"
_SETTLED_NS = 2_000_000_000  # a file unchanged for this long is not being written
_known: dict[str, str] = {}  # a file's signature -> its digest, in this process


def _signature(path: str, info: os.stat_result) -> str:
    facts = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    return "\0".join([path, *map(str, facts)])


def file_digest(path: str | Path) -> str | None:
    """SHA-256 of the bytes of the file at ``path``, in hex; None when it cannot be read."""
    name = os.path.abspath(path)
    try:
        info = os.stat(name)
    except OSError:
        return None
    signature = _signature(name, info)
    digest = _known.get(signature)
    if digest is not None:
        return digest
    kept = codecache.load(_KIND, signature)
    if isinstance(kept, str) and len(kept) == 64:
        _known[signature] = kept
        return kept
    try:
        with open(name, "rb") as handle:
            data = handle.read()
            after = os.fstat(handle.fileno())
    except OSError:
        return None
    digest = hashlib.sha256(data).hexdigest()
    if _signature(name, after) == signature:
        _known[signature] = digest
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > _SETTLED_NS:
            codecache.store(_KIND, signature, digest)
    return digest
