"""SHA-256, as ``hashlib.sha256`` gives it, without loading OpenSSL for it.

``hashlib`` loads OpenSSL's library as it is imported (about 2-3 ms of a headless case,
which hashes a few small texts: a playbook's files, cache keys, calendar ids); CPython
also has its own SHA-256 module, which gives the same digests. That one is used where it
is built in; anywhere else, ``hashlib``'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["sha256"]


def _builtin() -> Any:
    for name in ("_sha256", "_sha2"):  # CPython 3.11, then 3.12 and later
        try:
            module = __import__(name)
        except ImportError:
            continue
        made = getattr(module, "sha256", None)
        if callable(made):
            return made
    from hashlib import sha256 as made_by_hashlib

    return made_by_hashlib


if TYPE_CHECKING:
    from hashlib import sha256 as sha256
else:
    sha256 = _builtin()
