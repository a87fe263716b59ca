"""Write a case's outputs to a folder without ever silently replacing a file."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from triage.engine.atomic import private_dir, write_atomic_many
from triage.engine.case import CASE_FILE, Case
from triage.engine.errors import OutputExists
from triage.engine.evaluate import Evaluation


def write_outputs(
    files: dict[str, bytes],
    folder: Path,
    force: bool = False,
    case: Case | None = None,
    evaluation: Evaluation | None = None,
) -> list[Path]:
    """Write ``files`` (and the case file) into ``folder``.

    Nothing is written when any target already exists, unless ``force``: the
    user may have edited plan.md by hand. The case's own case.toml is the
    exception, since it is the same case being saved again.
    """
    targets = [folder / name for name in files]
    case_target = folder / CASE_FILE if case is not None else None
    existing = [p for p in targets if p.exists()]
    if case_target is not None and case_target.exists() and not _same_case(case, case_target):
        existing.append(case_target)
    if existing and not force:
        raise OutputExists(existing)
    private_dir(folder)
    write_atomic_many({path: files[path.name] for path in targets})
    written = list(targets)
    if case is not None and case_target is not None:
        case.log("outputs-written", ", ".join(p.name for p in written) + f" in {folder}")
        case.save(case_target, evaluation)
        written.append(case_target)
    return written


def left_over(possible: list[str], files: Collection[str], folder: Path) -> list[Path]:
    """The playbook's outputs (``possible``, file names) that ``folder`` holds from an
    earlier run but this run did not produce: a mediation proposal left there after the
    route changed to negotiate could otherwise be sent by mistake. They are reported,
    never deleted, since the user may have edited them."""
    return [folder / name for name in possible if name not in files and (folder / name).is_file()]


UP_TO_DATE = "up to date"
OUT_OF_DATE = "out of date"
NOT_WRITTEN = "not written"


def written_state(files: dict[str, bytes], folder: Path | None) -> dict[str, str]:
    """For each output, whether ``folder`` holds it as the answers give it now.

    "out of date" means the file differs: the answers (or the date) changed since it was
    written, or it was edited by hand. A file that cannot be read counts as not written.
    """
    state: dict[str, str] = {}
    for name, data in files.items():
        path = folder / name if folder is not None else None
        try:
            on_disk = path.read_bytes() if path is not None else None
        except OSError:
            on_disk = None
        if on_disk is None:
            state[name] = NOT_WRITTEN
        else:
            state[name] = UP_TO_DATE if on_disk == data else OUT_OF_DATE
    return state


def _same_case(case: Case | None, path: Path) -> bool:
    return case is not None and case.path is not None and case.path.resolve() == path.resolve()
