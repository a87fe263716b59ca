"""What triage works out from a playbook, kept between runs in the user's cache folder.

Compiling a playbook's templates and conditions, parsing its long TOML files and checking
it across files is most of what a short run costs, and a playbook changes far less often
than it runs. So the results are kept here: compiled Python code and what each template
reads, the parsed form of playbook and tone-rule files, the programs of the tone rules'
regular expressions, and the fact that a given set of playbook files (or an example, on a
given day) passed every check. Each is kept under a key made from its source and from
everything else that shapes it (the sandbox's code, the engine, Jinja2, Python, triage),
so an entry is never used for a text, or an engine, it was not made from.

Rules: only what was produced without a problem is kept; never a case or a user's
answers (they hold private notes, which stay in the case); two processes may write the
same entry at once (each writes a private file and renames it into place, so a reader
sees a whole file or none); an entry that does not read back whole is ignored; a folder
that cannot be made or written means no cache, never an error. ``TRIAGE_CACHE`` names
another folder, or ``off`` for none. The folder is the owner's alone: it holds code.

A run that works through one playbook opens a *bundle* for it (``bundle``): one more
file holding, side by side, every entry of the kinds in ``BUNDLED`` the last such run
used, so that a warm run reads one file instead of hundreds. Each entry in it is matched
by its exact kind and text, as a single entry's file is by its key, and is made into
objects only when asked for; the bundle's name only chooses which file to read.
"""

from __future__ import annotations

import array
import contextlib
import functools
import hashlib
import importlib.util
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ENV = "TRIAGE_CACHE"
MAX_ENTRIES = 4000  # beyond this, the least recently written half is removed
_MAGIC = b"TRC2"
# In front of each payload: its CRC-32, which tells a damaged or cut file from a whole one.
# Not a defence against someone who can write here (nothing keyed is: the folder is the
# owner's alone); a run reads several MB of entries, and CRC-32 checks them in about a
# third of the time SHA-256 took.
_CHECK = 4


def folder() -> Path | None:
    """Where entries are kept, or None when caching is off."""
    configured = os.environ.get(ENV)
    if configured is None:
        return _default_folder()
    if "~" in configured:  # depends on HOME too: worked out each time
        return _configured_folder.__wrapped__(configured)
    return _configured_folder(configured)  # asked hundreds of times a run


@functools.lru_cache(maxsize=16)
def _configured_folder(configured: str) -> Path | None:
    configured = configured.strip()
    if not configured or configured.lower() == "off":
        return None
    return Path(configured).expanduser()


@functools.cache
def _default_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("triage", appauthor=False)) / "compiled"


# Kinds made with the sandbox's help (a playbook's facts are sorted by what they read):
# their keys hold its code, Jinja2's version and Python's too.
_SANDBOX_KINDS = frozenset({"template", "expression", "reads", "bundle", "playbook"})
# Small entries a run reads by the hundred; the large tone-rule entries stay files of
# their own (they are one file each already, and shared by every playbook).
BUNDLED = frozenset({"template", "expression", "reads", "toml", "checked", "regex"})
# Kinds a bundle takes only when a run reads them back (a later run needed them), and only
# small ones: a first run compiles every tone rule's scan with `regex`, and later runs take
# those from their own entry (`kept_programs`); in the bundle they would be megabytes read
# by every run for nothing. The patterns the tone readings and contexts use are a few KB.
_BUNDLED_WHEN_READ = frozenset({"regex"})
_BUNDLED_WHEN_READ_MAX = 16_384  # bytes of one entry
# Kinds a bundle keeps as one entry, a table of each text's value, read with one
# ``marshal.loads`` when the first of them is asked for: a headless case evaluates some 350
# conditions, and loading each one's code from an entry of its own took twice as long as
# loading all of them together (the names and constants they share are read once).
_GROUPED = frozenset({"expression"})


@functools.cache
def _fingerprint(sandboxed: bool) -> bytes:
    """Everything besides the source text that shapes what is kept: for compiled templates
    and expressions, the sandbox's own code and Jinja2 too."""
    import triage

    digest = hashlib.sha256()
    for part in (triage.__version__, sys.version, importlib.util.MAGIC_NUMBER.hex()):
        digest.update(part.encode() + b"\0")
    if sandboxed:
        import jinja2

        from triage.engine import sandbox

        digest.update(jinja2.__version__.encode() + b"\0")
        folder = Path(sandbox.__file__).parent
        try:
            modules = sorted(path for path in folder.iterdir() if path.name.endswith(".py"))
        except OSError:
            modules = []
            digest.update(b"sandbox unreadable")
        for module in modules:  # its refusals and hardening are its code
            try:
                digest.update(module.name.encode() + b"\0" + module.read_bytes())
            except OSError:
                digest.update(b"sandbox unreadable")
    return digest.digest()


@functools.cache
def engine_stamp() -> str:
    """Which engine this is: its version, and the size and time of each of its modules,
    in its subpackages too (the filters, the file formats, the sandbox).

    What the checks concluded about a playbook is kept under this, so an engine that has
    changed at all (an upgrade, or an edit while developing) checks it again.
    """
    import triage

    parts = [triage.__version__]
    try:
        _stamp_folder(os.path.dirname(os.path.abspath(__file__)), "", parts)
    except OSError:
        parts.append("unreadable")
    return ";".join(parts)


def _stamp_folder(folder: str, prefix: str, parts: list[str]) -> None:
    """Each module and rules file in ``folder`` (named from the engine's folder), then
    each subfolder's, in the order of their names: what ``os.walk`` from the top, sorted,
    gives, in a third of the time (asked by every run, with a hundred files to stat)."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    subfolders = []
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__" and not entry.is_symlink():
                subfolders.append(entry)
        elif entry.name.endswith((".py", ".toml")):
            info = entry.stat()
            parts.append(f"{prefix}{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    for entry in subfolders:
        _stamp_folder(entry.path, f"{prefix}{entry.name}{os.sep}", parts)


def _key(kind: str, text: str) -> str:
    digest = hashlib.sha256(_fingerprint(kind in _SANDBOX_KINDS))
    digest.update(kind.encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def load(kind: str, text: str) -> Any | None:
    """The value kept for ``text`` of this ``kind``, or None."""
    where = folder()
    if where is None:
        return None
    opened = _bundle if kind in BUNDLED else None
    if opened is not None and _same(opened.where, where):
        if kind in _GROUPED:
            found = opened.grouped(kind, text)
            if found is not None:
                return found
        else:
            payload = opened.get(kind, text)
            if payload is not None:
                return _loads(payload)
    payload = _read_view(where / f"{_key(kind, text)}.{kind}")  # not copied: some are MBs
    if payload is None:
        return None
    value = _loads(payload)
    small = kind not in _BUNDLED_WHEN_READ or len(payload) <= _BUNDLED_WHEN_READ_MAX
    if value is not None and opened is not None and _same(opened.where, where) and small:
        opened.add(kind, text, payload.tobytes())
    return value


def load_bundled(kind: str, text: str) -> Any | None:
    """The value :func:`store_bundled` kept for ``text`` in the bundle open now, or None
    (also when no bundle is open)."""
    opened = _bundle
    if opened is None:
        return None
    payload = opened.notes().get(kind, text)
    return None if payload is None else _loads(payload)


def store_bundled(kind: str, text: str, value: Any) -> None:
    """Keep ``value`` (anything marshal writes) with the bundle open now, and nowhere else:
    for what is cheap to work out again and worth keeping only for the next run of the same
    thing (a run's tone findings). Nothing happens when no bundle is open.

    These notes are a file of their own beside the bundle (``.notes``, of the same layout):
    a case whose answers changed notes a few new findings, and kept in the bundle, those
    few hundred bytes rewrote its megabytes of compiled code on every such run."""
    opened = _bundle
    if opened is None:
        return
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    opened.notes().add(kind, text, payload)


def bundle_open() -> bool:
    """Whether a bundle is open (a headless run of a playbook)."""
    return _bundle is not None


def _same(one: Path, other: Path) -> bool:
    """``one == other``; the same object first (``folder`` hands out one per setting):
    comparing two paths splits both into parts, and a run asks this hundreds of times."""
    return one is other or one == other


def _read(path: Path) -> bytes | None:
    """The payload of an entry's file, if it reads back whole."""
    payload = _read_view(path)
    return None if payload is None else payload.tobytes()


def _read_view(path: Path) -> memoryview | None:
    """:func:`_read`, as a view of the bytes read rather than a copy (for a large file)."""
    try:
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    payload = memoryview(data)[4 + _CHECK :]
    if data[:4] != _MAGIC or _check(payload) != data[4 : 4 + _CHECK]:
        return None
    return payload


def _check(payload: bytes | memoryview) -> bytes:
    return zlib.crc32(payload).to_bytes(_CHECK, "little")


def _loads(payload: bytes | memoryview) -> Any | None:
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def load_object(kind: str, text: str) -> Any | None:
    """The object :func:`store_object` kept for ``text`` of this ``kind``, or None (also
    when it does not read back whole, or no longer unpickles: a class that changed)."""
    where = folder()
    if where is None:
        return None
    payload = _read(where / f"{_key(kind, text)}.{kind}")
    if payload is None:
        return None
    import pickle

    try:
        return pickle.loads(payload)
    except Exception:  # an entry this engine cannot read back is no entry
        return None


def store_object(kind: str, text: str, value: Any) -> None:
    """Keep ``value`` (anything pickle writes: objects of the engine's own classes) for
    ``text``, as :func:`store` does; quietly do nothing on failure. For what is worked out
    from files anyone may read (a playbook, not a case), as every entry here."""
    where = folder()
    if where is None:
        return
    import pickle

    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    key = _key(kind, text)
    if _write(where, f"{key}.{kind}", payload) and key[:2] == "00":
        _prune(where)


def store(kind: str, text: str, value: Any) -> None:
    """Keep ``value`` (anything marshal writes) for ``text``; quietly do nothing on failure."""
    where = folder()
    if where is None:
        return
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    key = _key(kind, text)
    if _write(where, f"{key}.{kind}", payload):
        opened = _bundle if kind in BUNDLED and kind not in _BUNDLED_WHEN_READ else None
        if opened is not None and _same(opened.where, where):
            opened.add(kind, text, payload)
        if key[:2] == "00":  # now and then (1 write in 256), not on every write
            _prune(where)


def _write(where: Path, name: str, payload: bytes) -> bool:
    """Write an entry's file whole (a private file renamed into place); False on failure."""
    from triage.engine.atomic import _new_temporary  # as tempfile.mkstemp, without loading it

    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = _new_temporary(where / name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + _check(payload) + payload)
            os.replace(temporary, where / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return False
    return True


class _Bundle:
    """The entries one run of a playbook used, read from and written to one file.

    The file holds an index (each entry's key, where its value starts and its length)
    and the values one after the other, so opening it makes no object per entry: a value
    is a view of the file's bytes until it is asked for, and is then loaded like an entry
    of its own file. The entries of a kind in :data:`_GROUPED` are one value, a table of
    each text's value, loaded whole when the first of them is asked for."""

    def __init__(self, where: Path, name: str, payload: memoryview | None) -> None:
        self.where = where
        self.name = name
        self.index: dict[str, tuple[int, int]] = {}  # "kind\0text" -> (start, length)
        self.body = memoryview(b"")
        if payload is not None:
            self._open(payload)
        self.used: dict[str, bytes | memoryview] = {}
        self.changed = False
        self._notes: _Bundle | None = None
        # Of each kind in _GROUPED: the table read from the file (when first asked), and
        # what this run used or added of it.
        self.groups: dict[str, dict[str, Any]] = {}
        self.grouped_used: dict[str, dict[str, Any]] = {}

    def notes(self) -> _Bundle:
        """The file of notes beside this bundle (see :func:`store_bundled`), read when first
        asked for."""
        if self._notes is None:
            name = self.name.removesuffix(".bundle") + ".notes"
            self._notes = _Bundle(self.where, name, _read_view(self.where / name))
        return self._notes

    def _open(self, payload: memoryview) -> None:
        """Take the index and values of a bundle's file; none if anything is not right."""
        try:
            size = int.from_bytes(payload[:4], "little")
            index = marshal.loads(payload[4 : 4 + size])
        except (EOFError, ValueError, TypeError):
            return
        body = payload[4 + size :]
        if not isinstance(index, dict):
            return
        for key, spot in index.items():
            if not (isinstance(key, str) and isinstance(spot, tuple) and len(spot) == 2):
                return
            start, length = spot
            if not (type(start) is int and type(length) is int):
                return
            if start < 0 or length < 0 or start + length > len(body):
                return
        self.index, self.body = index, body

    def _kept(self, key: str) -> memoryview | None:
        spot = self.index.get(key)
        return None if spot is None else self.body[spot[0] : spot[0] + spot[1]]

    def get(self, kind: str, text: str) -> bytes | memoryview | None:
        key = f"{kind}\0{text}"
        payload = self.used.get(key)
        if payload is None:
            payload = self._kept(key)
            if payload is not None:
                self.used[key] = payload
        return payload

    def add(self, kind: str, text: str, payload: bytes) -> None:
        if kind in _GROUPED:
            value = _loads(payload)
            if value is not None and self._group(kind).get(text) != value:
                self.grouped_used.setdefault(kind, {})[text] = value
                self.changed = True
            return
        key = f"{kind}\0{text}"
        if self.used.get(key) != payload:
            self.used[key] = payload
            self.changed = True

    def grouped(self, kind: str, text: str) -> Any | None:
        """The value kept for ``text`` in the table of ``kind`` (one of _GROUPED), or None."""
        value = self._group(kind).get(text)
        if value is not None:
            self.grouped_used.setdefault(kind, {})[text] = value
        return value

    def _group(self, kind: str) -> dict[str, Any]:
        """The table of ``kind`` as the file holds it: none if it does not read back whole."""
        table = self.groups.get(kind)
        if table is None:
            payload = self._kept(_group_key(kind))
            table = _loads(payload) if payload is not None else None
            if not (isinstance(table, dict) and all(type(text) is str for text in table)):
                table = {}
            self.groups[kind] = table
        return table

    def _grouped_entries(self) -> dict[str, bytes]:
        """The tables of the kinds in _GROUPED this run used, to write: what it used, with
        what it did not use of the table read while that stays small (as for entries)."""
        entries: dict[str, bytes] = {}
        for kind, used in self.grouped_used.items():
            table = dict(used)
            kept = self.groups.get(kind, {})
            unused = [text for text in kept if text not in used]
            if len(unused) <= len(used):
                table = {**{text: kept[text] for text in unused}, **used}
            try:
                entries[_group_key(kind)] = marshal.dumps(table)
            except ValueError:
                continue
        return entries

    def save(self) -> None:
        """Write what this run used, with what it did not use from the last one while that
        stays small (another run may take another branch), less what only a playbook loaded
        from its files reads (see :data:`_FROM_FILES`); nothing if nothing changed."""
        if self._notes is not None:
            self._notes.save()
        dropped = self._from_files_unused()
        if not (self.changed or dropped):
            return
        grouped = self._grouped_entries()
        used = {**self.used, **grouped}
        unused = [key for key in self.index if key not in used and key not in dropped]
        entries: dict[str, bytes | memoryview] = {}
        if len(unused) <= len(used):
            entries = {key: self._kept(key) or b"" for key in unused}
        entries.update(used)
        index: dict[str, tuple[int, int]] = {}
        start = 0
        for key, value in entries.items():
            index[key] = (start, len(value))
            start += len(value)
        try:
            head = marshal.dumps(index)
        except ValueError:
            return
        _write(
            self.where,
            self.name,
            len(head).to_bytes(4, "little") + head + b"".join(entries.values()),
        )

    def _from_files_unused(self) -> set[str]:
        """The entries of kinds in :data:`_FROM_FILES` this run did not use, if it rendered
        a template (so it went past loading its playbook, which came from its kept model)."""
        if not any(key.startswith("template\0") for key in self.used):
            return set()
        return {
            key
            for key in self.index
            if key.partition("\0")[0] in _FROM_FILES and key not in self.used
        }


# Kinds read only when a playbook is loaded from its files rather than from its kept model
# (its TOML files parsed, its checks across files passed): the first run of a playbook puts
# them in its bundle, and every later run, given the kept model, read them with the bundle
# for nothing (about a tenth of a built-in playbook's bundle, and a third of its index).
_FROM_FILES = frozenset({"toml", "checked"})


def _group_key(kind: str) -> str:
    """The index's key of the table of ``kind``: no entry's key ("kind\\0text") starts so."""
    return f"\1{kind}"


_bundle: _Bundle | None = None
_BUNDLE_FORMAT = "bundle 3"  # in the file's name: a bundle of another layout is not read


@contextlib.contextmanager
def bundle(name: str) -> Iterator[None]:
    """Within this block, entries of the kinds in ``BUNDLED`` are also read from, and
    written to, one file chosen by ``name`` (say, a playbook file's path). Written when
    the block ends, if anything in it changed. Within a bundle already open, nothing more
    happens."""
    global _bundle
    where = folder()
    if _bundle is not None or where is None:
        yield
        return
    key = _key("bundle", f"{_BUNDLE_FORMAT}\0{name}")
    file = f"{key}.bundle"
    opened = _Bundle(where, file, _read_view(where / file))
    _bundle = opened
    try:
        yield
    finally:
        _bundle = None
        opened.save()


def _prune(where: Path) -> None:
    """Keep the folder bounded: past MAX_ENTRIES, drop the older half."""
    try:
        entries = [e for e in os.scandir(where) if e.is_file() and not e.name.startswith(".")]
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort(key=lambda e: e.stat().st_mtime)
        for entry in entries[: len(entries) // 2]:
            Path(entry.path).unlink(missing_ok=True)
    except OSError:
        return


def parsed_toml(source: str) -> dict[str, Any]:
    """``tomllib.loads(source)``, kept between runs when it holds only plain values.

    For playbooks, their examples and tone rules: long, text-heavy files read on every run,
    whose parsed form loads in a fraction of the time. Never for a case or a user's answers:
    those hold private notes, which stay in the case. Anything marshal cannot keep (TOML
    dates and times) is parsed each time. Errors raise ``tomllib.TOMLDecodeError`` as usual.
    """
    kept = load("toml", source)
    if isinstance(kept, dict):
        return kept
    import tomllib

    data = tomllib.loads(source)
    store("toml", source, data)
    return data


def regex(pattern: str, flags: int = 0, parse: Callable[[], Any] | None = None) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the compiled program kept between runs.

    The tone rules are long alternations of word lists, and compiling them is most of a
    short run. On CPython the program ``re`` compiles a pattern to is a list of numbers,
    which ``_sre.compile`` checks before use ("invalid SRE code" for anything malformed);
    that list is kept here, keyed as above (Python's exact version included). If anything
    about it is not as expected, this is plain ``re.compile``. Errors in the pattern
    raise ``re.error`` as usual.

    ``parse``, when given, returns what ``re``'s parser makes of ``pattern`` with these
    flags (a caller that has read the pattern's tree already: parsing is most of what
    compiling a long alternation costs); it is called only if the pattern is compiled.
    """
    text = f"{int(flags)}\0{pattern}"
    kept = load("regex", text)
    if isinstance(kept, tuple) and len(kept) == 5:
        compiled = _from_program(pattern, kept)
        if compiled is not None:
            _programs[(pattern, int(flags))] = kept
            return compiled
    program = _program(pattern, flags, parse)  # raises re.error for a bad pattern
    compiled = _from_program(pattern, program) if program is not None else None
    if program is None or compiled is None:  # not CPython's engine as we know it
        return re.compile(pattern, flags)
    store("regex", text, program)
    _programs[(pattern, int(flags))] = program
    return compiled


_programs: dict[tuple[str, int], tuple[Any, ...]] = {}  # made or loaded by this process


def _from_program(pattern: str, program: tuple[Any, ...]) -> re.Pattern[str] | None:
    try:
        import _sre

        flags, code, *rest = program
        if array.array("I").itemsize != _sre.CODESIZE:
            return None
        words = array.array("I")
        words.frombytes(code)
        compiled: re.Pattern[str] = _sre.compile(pattern, flags, words.tolist(), *rest)
    except Exception:
        return None
    return compiled if compiled.pattern == pattern else None


def _bundle_key(specs: list[tuple[str, int]]) -> str:
    return "\1".join(f"{int(flags)}\0{pattern}" for pattern, flags in specs)


def kept_programs(
    specs: list[tuple[str, int]], name: str | None = None
) -> list[tuple[Any, ...]] | None:
    """The programs of many patterns at once, from one entry (one file to read, not one
    per pattern), if ``keep_regexes`` kept exactly these before; else None. Each is made
    into a regex by :func:`from_program` only when it is needed. ``name``, when given,
    stands for the patterns in the key: a short name that changes whenever they do (a
    digest of what they are made from), so that a run does not join and hash them all."""
    kept = load("regexes", name if name is not None else _bundle_key(specs))
    if not (isinstance(kept, list) and len(kept) == len(specs)):
        return None
    if not all(isinstance(program, tuple) and len(program) == 5 for program in kept):
        return None
    return kept


def from_program(pattern: str, flags: int, program: tuple[Any, ...]) -> re.Pattern[str] | None:
    """A program from :func:`kept_programs` made into the regex of ``pattern`` with
    ``flags``; None if it is not one (then compile the pattern, with :func:`regex`)."""
    if not (isinstance(program[0], int) and program[0] & int(flags) == int(flags)):
        return None
    compiled = _from_program(pattern, program)
    if compiled is not None:
        _programs[(pattern, int(flags))] = program
    return compiled


def keep_regexes(specs: list[tuple[str, int]], name: str | None = None) -> None:
    """Keep, as one entry, the programs of patterns this process compiled with ``regex``
    (under ``name``, as :func:`kept_programs` reads them)."""
    programs = programs_of(specs)
    if programs is not None:
        store("regexes", name if name is not None else _bundle_key(specs), programs)


def programs_of(specs: list[tuple[str, int]]) -> list[tuple[Any, ...]] | None:
    """The programs of patterns this process compiled with :func:`regex`, in order; None
    unless it compiled them all."""
    programs = [_programs.get((pattern, int(flags))) for pattern, flags in specs]
    if not all(program is not None for program in programs):
        return None
    return [program for program in programs if program is not None]


class Parts:
    """Values kept as one entry (:func:`keep_parts`), each read from the file only when
    asked for: its own bytes, checked against their own CRC-32 and then unmarshalled. A
    run that needs a few of many large values (the tone rules' scan programs, about 2 MB,
    of which an edited case needs a tenth) neither reads nor checks the rest."""

    def __init__(self, handle: Any, index: list[tuple[int, int, int]], base: int) -> None:
        self._handle = handle  # open for as long as this object lives
        self._index = index
        self._base = base
        import threading  # loaded by then in a run (its files are synced in threads)

        self._lock = threading.Lock()  # one read at a time: a read moves the file's position

    def __len__(self) -> int:
        return len(self._index)

    def get(self, number: int) -> Any | None:
        """The value kept at ``number``; None if it does not read back whole."""
        start, length, check = self._index[number]
        try:
            with self._lock:
                self._handle.seek(self._base + start)
                payload = self._handle.read(length)
        except (OSError, ValueError):
            return None
        if len(payload) != length or zlib.crc32(payload) != check:
            return None
        return _loads(payload)


def keep_parts(kind: str, text: str, values: list[Any]) -> None:
    """Keep ``values`` (anything marshal writes) for ``text`` as one entry of parts read
    one by one (:func:`kept_parts`); quietly do nothing on failure. The file holds, after
    the usual prefix, the index's length and CRC-32, the index (where each value starts,
    its length and its CRC-32) and the values."""
    where = folder()
    if where is None:
        return
    try:
        payloads = [marshal.dumps(value) for value in values]
    except ValueError:
        return
    index = []
    start = 0
    for payload in payloads:
        index.append((start, len(payload), zlib.crc32(payload)))
        start += len(payload)
    head = marshal.dumps(index)
    body = len(head).to_bytes(4, "little") + _check(head) + head + b"".join(payloads)
    key = _key(kind, text)
    if _write(where, f"{key}.{kind}", body) and key[:2] == "00":
        _prune(where)


def kept_parts(kind: str, text: str) -> Parts | None:
    """The values :func:`keep_parts` kept for ``text``, to be read one by one; None when
    there are none or the entry's index does not read back whole."""
    where = folder()
    if where is None:
        return None
    try:
        handle = open(where / f"{_key(kind, text)}.{kind}", "rb", buffering=0)  # noqa: SIM115
    except OSError:
        return None
    try:
        prefix = handle.read(len(_MAGIC) + _CHECK + 4 + _CHECK)
        if len(prefix) != len(_MAGIC) + _CHECK + 4 + _CHECK or prefix[:4] != _MAGIC:
            raise ValueError
        at = len(_MAGIC) + _CHECK
        size = int.from_bytes(prefix[at : at + 4], "little")
        head = handle.read(size)
        if len(head) != size or _check(head) != prefix[at + 4 :]:
            raise ValueError
        index = marshal.loads(head)
        if not isinstance(index, list) or not all(
            type(spot) is tuple and len(spot) == 3 and all(type(n) is int for n in spot)
            for spot in index
        ):
            raise ValueError
    except (OSError, ValueError, EOFError, TypeError):
        handle.close()
        return None
    return Parts(handle, index, len(prefix) + size)


def _program(
    pattern: str, flags: int, parse: Callable[[], Any] | None = None
) -> tuple[Any, ...] | None:
    """What ``re`` hands its engine for ``pattern``, as plain data; None if out of reach.
    ``parse``: see :func:`regex` (the compiler leaves the tree it reads as it was)."""
    # As ``re.compile`` does before it parses: with a RegexFlag, every flag test in the
    # parser and the compiler is an enum operation, and compiling takes twice as long.
    flags = int(flags)
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags) if parse is None else parse()
    except re.error:
        raise
    except Exception:
        return None
    try:
        code = array.array("I", _compiler._code(parsed, flags)).tobytes()  # compact, quick
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        return (
            int(flags | state.flags),
            code,
            state.groups - 1,
            dict(state.groupdict),
            tuple(indexgroup),
        )
    except Exception:
        return None
