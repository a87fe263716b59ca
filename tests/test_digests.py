"""The SHA-256 that cache keys, calendar ids and playbook checks use is hashlib's, digit for digit."""

from __future__ import annotations

import hashlib

from triage.engine.digests import sha256


def test_the_same_digests_as_hashlib():
    for data in (b"", b"abc", "Bjørn's café ☕".encode(), bytes(range(256)) * 300):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    one, other = sha256(b"case"), hashlib.sha256(b"case")
    for part in (b"\0", b"x" * 1000):
        one.update(part)
        other.update(part)
    assert one.digest() == other.digest()
