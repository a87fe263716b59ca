"""Which drafts go out without an address or a name, or longer than a draft should be, said once
when the outputs are written.

A draft with no address typed for it is still a well-formed message a mail client opens: the
header is left out (never a placeholder that could be sent as typed), the mail program fills
From from the account it is sent with, and the user adds To. The outputs step tells them which
draft lacks which address, and which answer would fill it in next time. A name the answers
did not give (theirs in the greeting, ours in the signature, the issue in the subject) is a
visible placeholder in brackets, and the user is told which draft holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["EMAIL_WORDS", "missing_addresses"]

# The length an email draft keeps to (the template drops detail to stay within it).
EMAIL_WORDS = 200

# The placeholders a draft writes where a name was not given, and the answer that fills each.
_PLACEHOLDERS = {
    b"[THEIR NAME]": "their contact's name (or answer 'Who is your main contact there?')",
    b"[YOUR NAME]": "the signer's name (or answer 'Who will lead this on your side?')",
    b"[WHAT THIS IS ABOUT]": "a few words on the issue (or answer 'Name the issue in a few words')",
    b"[YOUR PHONE NUMBER]": "the number they can reach you on",
}


def _headers(data: bytes) -> set[str]:
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    names = set()
    for line in head.splitlines():
        name, colon, _ = line.partition(b":")
        if colon and not line[:1].isspace():
            names.add(name.strip().decode("ascii", "replace").lower())
    return names


def _unsigned(data: bytes) -> bool:
    """Whether a Markdown draft ends on its sign-off ("Kind regards,") with no name under it."""
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines() if line.strip()]
    return (
        bool(lines)
        and lines[-1].endswith(",")
        and lines[-1].lower().startswith(("kind regards", "best regards", "regards", "yours"))
    )


def missing_addresses(
    files: Mapping[str, bytes], drafts: Mapping[str, Any] | None = None
) -> list[str]:
    """One sentence for each .eml draft in ``files`` written without a To or a From header,
    naming the file and the address it lacks, and one for each placeholder left in a draft.
    ``drafts`` are the emails' parts as rendered (by file name): a draft with no signer named
    (``unsigned``), or naming people the plan says it copies with no address typed
    (``copy_names``), is told here, since the draft itself never carries such a note to the
    other side. Only file names, fixed words and those names (with no control characters)
    reach the terminal through it."""
    notes = []
    for name, parts in sorted((drafts or {}).items()):
        names = getattr(parts, "copy_names", "")
        shown = " ".join("".join(c for c in names if c.isprintable()).split())
        if shown:
            # Their lawyers are no escalation owner: the answer that would hold their address
            # is not offered for them.
            hint = (
                ""
                if "(their counsel)" in shown or shown == "their counsel"
                else " (or answer 'Their escalation owner's email address')"
            )
            notes.append(
                f"{name} should be copied to {shown}, but no address was given for them: add "
                f"them in Cc in your mail program before you send it{hint}."
            )
        expected = " ".join(
            "".join(c for c in getattr(parts, "expected_copy", "") if c.isprintable()).split()
        )
        if expected:
            notes.append(
                f"{name} does not copy {expected}; the plan expects them to see it: add them "
                "in Cc in your mail program before you send it, or leave them out on purpose."
            )
        words = len(str(getattr(parts, "body", "") or "").split())
        if words > EMAIL_WORDS:
            notes.append(
                f"{name} is {words} words, over the {EMAIL_WORDS} the drafts aim for: what is "
                "left in it is the changes, sums and dates you typed, so choose what to shorten "
                "before you send it."
            )
        if getattr(parts, "unsigned", False):
            notes.append(
                f"{name} has no name under its sign-off, as nobody was named to lead for us: "
                "sign it before you send it (or answer 'Who will lead this on your side?')."
            )
    for name in sorted(files):
        if not name.endswith(".eml"):
            continue
        present = _headers(files[name])
        to_name = getattr((drafts or {}).get(name), "to_name", "")
        if "to" not in present and to_name:
            shown = " ".join("".join(c for c in to_name if c.isprintable()).split())
            notes.append(
                f"{name} is written to {shown}, as their side asked that all contact go through "
                "their lawyers: add their address in To in your mail program before you send it."
            )
        elif "to" not in present:
            notes.append(
                f"{name} has no To address, as none was given for them: add it in your mail "
                "program before you send it (or answer 'Their email address')."
            )
        if "from" not in present:
            notes.append(
                f"{name} has no From address, as none was given for the person who signs it: "
                "your mail program fills it in from the account you send it with."
            )
        if b"[Cc: " in files[name]:
            notes.append(
                f"{name} names someone the plan says it copies, without their address: add "
                "them in Cc in your mail program and delete the [Cc: ...] line before you send "
                "it (or answer 'Their escalation owner's email address')."
            )
    for name in sorted(files):
        if name.endswith(".md") and name != "plan.md" and _unsigned(files[name]):
            notes.append(
                f"{name} has no name under its sign-off, as nobody was named to lead for us: "
                "sign it before you send it (or answer 'Who will lead this on your side?')."
            )
    for name in sorted(files):
        if not name.endswith((".eml", ".md")) or name == "plan.md":
            continue
        for mark, answer in _PLACEHOLDERS.items():
            escaped = mark.replace(b"[", b"\\[").replace(b"]", b"\\]")
            if mark in files[name] or escaped in files[name]:
                notes.append(
                    f"{name} has the placeholder {mark.decode()}: replace it with {answer} "
                    "before you send it."
                )
    return notes
