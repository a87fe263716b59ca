"""Which drafts go out without an address, said once when the outputs are written.

A draft with no address typed for it is still a well-formed message a mail client opens: the
header is left out (never a placeholder that could be sent as typed), the mail program fills
From from the account it is sent with, and the user adds To. The outputs step tells them which
draft lacks which address, and which answer would fill it in next time.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["missing_addresses"]


def _headers(data: bytes) -> set[str]:
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    names = set()
    for line in head.splitlines():
        name, colon, _ = line.partition(b":")
        if colon and not line[:1].isspace():
            names.add(name.strip().decode("ascii", "replace").lower())
    return names


def missing_addresses(files: Mapping[str, bytes]) -> list[str]:
    """One sentence for each .eml draft in ``files`` written without a To or a From header,
    naming the file and the address it lacks. Only file names and fixed words: nothing typed
    by the user reaches the terminal through it."""
    notes = []
    for name in sorted(files):
        if not name.endswith(".eml"):
            continue
        present = _headers(files[name])
        if "to" not in present:
            notes.append(
                f"{name} has no To address, as none was given for them: add it in your mail "
                "program before you send it (or answer 'Their email address')."
            )
        if "from" not in present:
            notes.append(
                f"{name} has no From address, as none was given for the person who signs it: "
                "your mail program fills it in from the account you send it with."
            )
    return notes
