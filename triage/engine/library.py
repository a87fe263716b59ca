"""Where playbooks and cases are found: built-in, TRIAGE_PLAYBOOKS and TRIAGE_HOME."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from triage.engine.errors import PlaybookInvalid, Problem, TriageError

if TYPE_CHECKING:
    from triage.engine.model import Playbook

_PACKAGE = Path(__file__).resolve().parent.parent


def builtin_dir() -> Path:
    """The built-in playbooks: inside the installed package, or the repository's folder."""
    shipped = _PACKAGE / "playbooks"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "playbooks"


def playbook_dirs() -> list[tuple[Path, str]]:
    """Folders to search, built-in first, each with a label saying where it comes from."""
    dirs = [(builtin_dir(), "built-in")]
    for entry in os.environ.get("TRIAGE_PLAYBOOKS", "").split(os.pathsep):
        if entry.strip():
            dirs.append((Path(entry).expanduser(), "team"))
    return dirs


def home() -> Path:
    """The folder where cases are kept: TRIAGE_HOME or the platform's user data folder."""
    configured = os.environ.get("TRIAGE_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("triage", appauthor=False))


def cases_dir() -> Path:
    """The folder that holds one folder per saved case."""
    return home() / "cases"


def lessons_file() -> Path:
    """The team's lessons learned, added to as each case closes: beside the cases."""
    return home() / "lessons.md"


@dataclass
class PlaybookEntry:
    """A playbook file found on disk, loaded or with the reason it could not be."""

    id: str
    path: Path
    source: str
    playbook: Playbook | None = None
    problems: tuple[Problem, ...] = ()

    checked: bool = False  # loaded and validated (playbook or problems set)
    peeked_title: str = ""
    peeked_summary: str = ""

    @property
    def title(self) -> str:
        return self.playbook.title if self.playbook else (self.peeked_title or self.id)

    @property
    def summary(self) -> str:
        return self.playbook.summary if self.playbook else self.peeked_summary

    @property
    def valid(self) -> bool:
        return self.playbook is not None

    def peek(self) -> PlaybookEntry:
        """Read the title and summary without validating: fast, for a first screen."""
        import re

        try:
            text = self.path.read_text(encoding="utf-8-sig")[:65536]
        except (OSError, UnicodeDecodeError):
            return self  # check() will say what is wrong
        header = re.search(r"^\s*\[", text, flags=re.M)  # top-level keys come before any table
        top = text[: header.start()] if header else text
        data = _plain_keys(top)  # the usual few lines, read without loading a TOML parser
        if data is None:
            import tomllib

            try:
                data = tomllib.loads(top)
            except tomllib.TOMLDecodeError:
                return self
        title, summary = data.get("title"), data.get("summary")
        self.peeked_title = title if isinstance(title, str) else ""
        self.peeked_summary = summary if isinstance(summary, str) else ""
        return self

    def check(self) -> PlaybookEntry:
        """Load and validate the playbook, recording it or its problems."""
        from triage.engine.playbook import load_playbook

        try:
            self.playbook = load_playbook(self.path)
        except PlaybookInvalid as exc:
            self.problems = tuple(exc.problems)
        self.checked = True
        return self


# One line of the few that open a playbook, in the plainest TOML: blank, a comment, or a bare
# key set to a basic string with no escapes or to a plain decimal integer (each with an
# optional comment). A tab or a space may surround each piece; no control character passes.
_PLAIN_LINE = (
    r"[ \t]*(?:(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    r'(?:"(?P<text>[^"\\\x00-\x08\x0a-\x1f\x7f]*)"|(?P<number>0|[1-9][0-9]*))[ \t]*)?'
    r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
)


def _plain_keys(text: str) -> dict[str, str | int] | None:
    """The keys of ``text`` as ``tomllib.loads`` reads them, when every line is one of the
    plain kinds above (a playbook's title, summary and version are); else None, and the
    caller parses it in full. The home screen reads this much of every playbook before its
    first frame, and loading the TOML parser for it cost more than reading the lines."""
    import re

    line = re.compile(_PLAIN_LINE)
    found: dict[str, str | int] = {}
    for raw in text.replace("\r\n", "\n").split("\n"):  # a lone CR stays, and is refused
        match = line.fullmatch(raw)
        if match is None:
            return None
        key = match["key"]
        if key is None:
            continue
        if key in found:  # a key set twice: TOML refuses it, as the full parse will say
            return None
        found[key] = match["text"] if match["number"] is None else int(match["number"])
    return found


def playbook_files(folder: Path) -> list[Path]:
    """Playbook files directly in ``folder`` (stage files, templates and examples live below)."""
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return []


def discover(load: bool = True) -> list[PlaybookEntry]:
    """Every playbook, built-in first; a broken one is listed with its problems.

    With ``load=False`` nothing is read: call ``entry.peek()`` or ``entry.check()``.
    """
    entries: list[PlaybookEntry] = []
    seen: set[str] = set()
    for folder, source in playbook_dirs():
        for path in playbook_files(folder):
            pid = path.name.removesuffix(".toml")  # as model.playbook_id
            if pid in seen:
                continue
            seen.add(pid)
            entry = PlaybookEntry(pid, path, source)
            entries.append(entry.check() if load else entry)
    return entries


def find_playbook(name: str) -> Playbook:
    """Load a playbook by id, or by path to a .toml file."""
    from triage.engine.playbook import load_playbook

    path = Path(name)
    if name.endswith(".toml") or os.sep in name or path.exists():
        if not path.exists():
            raise TriageError(f"{name}: no such playbook file.")
        return load_playbook(path)
    for folder, _source in playbook_dirs():
        candidate = folder / f"{name}.toml"
        if candidate.is_file():
            return load_playbook(candidate)
    import difflib

    ids = [e.id for e in discover(load=False)]
    near = difflib.get_close_matches(name.lower(), ids, n=1, cutoff=0.6)
    hint = f" Did you mean {near[0]!r}?" if near else ""
    known = ", ".join(ids) or "none"
    raise TriageError(f"There is no playbook called {name!r}.{hint} Available: {known}.")


def saved_cases() -> list[Path]:
    """Every saved case's case.toml, most recently changed first; none if unreadable."""
    folder = cases_dir()
    try:
        return sorted(folder.glob("*/case.toml"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
