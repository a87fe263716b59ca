"""Nothing lost: whatever is typed survives a write and a read of case.toml exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.engine.case import Case, LedgerEntry, load_case

# Anything a person could type or paste: every code point but lone surrogates (which
# cannot be stored as UTF-8 at all), so NUL, controls, CR, BOMs and direction overrides too.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
ODD = st.sampled_from(
    [
        "",
        "\x00",
        "a\r\nb\rc\n\r",
        "\u202eevil\u202c",
        "\ufeffbom",
        "\x1b[31mred\x1b[0m",
        "[bold]x[/bold] [link=file:///etc/passwd]y[/link]",
        '"""',
        "'''",
        "\\u0000 \\n",
        "🙂" * 1000,
    ]
)
TEXTS = st.one_of(TEXT, ODD)
KEY = st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True)
STAMP = st.datetimes(
    min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(9999, 1, 1), timezones=st.just(dt.UTC)
).map(lambda d: d.replace(microsecond=0))
SCALAR = st.one_of(
    TEXTS,
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
ROW = st.dictionaries(KEY, st.one_of(TEXTS, st.integers(0, 10**6), st.dates(), st.booleans()))
ANSWER = st.one_of(
    SCALAR, st.lists(TEXTS, max_size=5), st.lists(ROW, max_size=4), st.just([]), st.just({})
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    return Case(
        id=draw(TEXTS),
        playbook=draw(TEXTS),
        playbook_path=draw(TEXTS),
        playbook_version=draw(TEXTS),
        playbook_hash=draw(TEXTS),
        created=draw(STAMP),
        updated=draw(STAMP),
        stage=draw(TEXTS),
        answers=draw(st.dictionaries(KEY, ANSWER, max_size=8)),
        override_route=draw(st.sampled_from(["", "negotiate", "mediate", "legal"])),
        override_reason=draw(TEXTS),
        ledger=draw(st.lists(st.builds(LedgerEntry, STAMP, TEXTS, TEXTS), max_size=4)),
    )


def _same(case: Case, back: Case) -> None:
    assert back.answers == case.answers
    assert back.stage == case.stage
    assert back.id == case.id
    assert back.playbook == case.playbook
    assert back.playbook_hash == case.playbook_hash
    assert back.created == case.created
    if case.override_route:
        assert (back.override_route, back.override_reason) == (
            case.override_route,
            case.override_reason,
        )
    assert [(e.at, e.event, e.detail) for e in back.ledger] == [
        (e.at, e.event, e.detail) for e in case.ledger
    ]


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=cases())
def test_a_case_reads_back_exactly_as_written(case: Case, tmp_path: Path):
    if not case.id or not case.playbook:
        case.id, case.playbook = case.id or "c", case.playbook or "p"
    back = load_case(case.save(tmp_path / "case.toml"))
    _same(case, back)


def test_very_long_text_and_empty_lists_survive(tmp_path: Path):
    case = Case(
        id="c",
        playbook="p",
        answers={"a": "x\n" * 50_000, "b": [], "c": [{}], "d": ["", "\x00"], "e": {}},
    )
    back = load_case(case.save(tmp_path / "case.toml"))
    assert back.answers == case.answers


def test_crlf_survives_a_round_trip(tmp_path: Path):
    case = Case(id="c", playbook="p", answers={"notes": "line one\r\nline two\r\n"})
    back = load_case(case.save(tmp_path / "case.toml"))
    assert back.answers == case.answers


def test_a_multi_line_answer_reads_as_typed_in_the_file(tmp_path: Path):
    """Someone opening case.toml in an editor sees their paragraph as lines, not as one line
    full of \\n; the header says the file is rewritten, so they know comments are not kept."""
    text = "First we missed the date.\nThen we closed the ticket.\n\nNobody called."
    path = Case(id="c", playbook="p", answers={"what_happened": text}).save(tmp_path / "x.toml")
    written = path.read_text(encoding="utf-8")
    assert "First we missed the date.\nThen we closed the ticket.\n\nNobody called." in written
    header = " ".join(written.splitlines()[:3])
    assert header.startswith("#") and "rewrites this file" in header and "not kept" in header
    assert load_case(path).answers["what_happened"] == text


BROKEN = """\
[case]
id = 3
playbook = "mini"
created = 2026-01-02T10:00:00Z
updated = "yesterday"

[answers]
counterparty = "Acme"

[override]
route = "sue"
reason = "we can"

[pending]
annual_value = 12

[[ledger]]
event = "case-started"
detail = "no time"
"""


def test_a_broken_case_file_names_every_problem_at_its_line(tmp_path: Path):
    import pytest

    from triage.engine.errors import AnswersInvalid

    path = tmp_path / "case.toml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(AnswersInvalid) as caught:
        load_case(path)
    found = sorted((p.line, p.message) for p in caught.value.problems)
    assert found == [
        (2, "`case.id` must be text."),
        (5, "`case.updated` must be a date and time."),
        (
            11,
            "`override.route` = 'sue' is not a route; use negotiate, mediate, legal or exit.",
        ),
        (15, "`pending` must be a table of texts."),
        (17, "ledger[0] needs `at`."),
    ]


def test_a_case_file_from_another_version_still_loads(tmp_path: Path):
    """Keys this version does not know (a later version's, or tables written for readers)
    are left alone; ledger texts are read as text whatever they hold."""
    import tomllib

    import tomli_w

    data = tomllib.loads(Case(id="c", playbook="p").to_toml().decode())
    data["case"]["colour"] = "blue"
    data["route"] = {"recommended": "negotiate"}
    data["future"] = {"key": 1}
    data["ledger"] = [{"at": dt.datetime(2026, 1, 2, 10, tzinfo=dt.UTC), "event": 7, "detail": "d"}]
    path = tmp_path / "case.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    back = load_case(path)
    assert (back.id, back.playbook) == ("c", "p")
    assert [(e.event, e.detail) for e in back.ledger] == [("7", "d")]
