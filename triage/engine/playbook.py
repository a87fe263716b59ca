"""Load a playbook file, with its included stage files, into a checked Playbook: the
model kept from an earlier run while its files and the engine are the same, else read
from its files (:mod:`triage.engine.playbook_loader`)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from triage.engine import codecache, names, sandbox
from triage.engine.errors import PlaybookInvalid
from triage.engine.model import Playbook, playbook_id


def load_playbook(path: Path | str) -> Playbook:
    """Load and check a playbook; raise PlaybookInvalid listing every problem found.

    A playbook that passed is kept in the code cache (:func:`_kept_playbook`), and read
    from there while its files, its templates and the engine are the same."""
    path = Path(path)
    key = _kept_key(path)
    kept = _kept_playbook(key)
    if kept is not None:
        return kept
    from triage.engine.playbook_loader import Loader  # only for a playbook read from its files

    loader = Loader(path)
    playbook = loader.load()
    if loader.problems or playbook is None:
        raise PlaybookInvalid(loader.problems)
    _keep_playbook(key, playbook)
    return playbook


# A checked playbook, kept between runs: loading it again from its files (parsing them,
# checking every table's shape, building the model) cost a headless case several times
# what reading it back does. Kept under the engine (its version and every module: a change
# to how a playbook is read or checked reads it afresh) and the path as given (the model
# holds it); with it, every file it was made from (the playbook, its stage files and its
# templates) by content and by where the path really leads. Any of them changed, moved or
# unreadable: it is loaded from its files again. Only a playbook without problems is kept.
_KEPT_KIND = "playbook"
_KEPT_FORMAT = "playbook model 1"


def _kept_key(path: Path) -> str:
    where = "" if path.is_absolute() else os.getcwd()  # a relative path depends on it
    return "\0".join((_KEPT_FORMAT, codecache.engine_stamp(), str(path), where))


def _sources(playbook: Playbook) -> list[Path]:
    """Every file the playbook was made from: its TOML files, then its templates."""
    templates = [o.template for o in playbook.outputs if o.template is not None]
    return [*playbook.files, *templates]


def _read(path: Path) -> tuple[str, bytes] | None:
    """Where ``path`` really leads, and its bytes; None when it cannot be read."""
    try:
        return os.path.realpath(path), path.read_bytes()
    except (OSError, ValueError):
        return None


def _kept_playbook(key: str) -> Playbook | None:
    kept = codecache.load_object(_KEPT_KIND, key)
    if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], Playbook)):
        return None
    made_from = kept[0]
    playbook: Playbook = kept[1]
    sources = _sources(playbook)
    if not isinstance(made_from, list) or len(made_from) != len(sources):
        return None
    for path, kept_from in zip(sources, made_from, strict=True):
        found = _read(path)
        if found is None or (found[0], hashlib.sha256(found[1]).hexdigest()) != kept_from:
            return None
    return playbook


def _keep_playbook(key: str, playbook: Playbook) -> None:
    """Keep ``playbook`` with what it was made from, if the files read now are the ones it
    was loaded from (the same content hash: nothing was edited while it loaded)."""
    if codecache.folder() is None:
        return
    sources = _sources(playbook)
    found = [_read(path) for path in sources]
    if any(one is None for one in found):
        return
    whole = hashlib.sha256()  # as _Loader hashes them: TOML text (no BOM), then templates
    for number, (_real, data) in enumerate(one for one in found if one is not None):
        toml = number < len(playbook.files)
        whole.update(data.removeprefix(b"\xef\xbb\xbf") if toml else data)
    if "sha256:" + whole.hexdigest() != playbook.content_hash:
        return
    made_from = [(real, hashlib.sha256(data).hexdigest()) for real, data in filter(None, found)]
    codecache.store_object(_KEPT_KIND, key, (made_from, playbook))


__all__ = ["PlaybookInvalid", "load_playbook", "names", "playbook_id", "sandbox"]
