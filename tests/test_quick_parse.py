"""`triage run PLAYBOOK --answers FILE` is read without building the argument parser: it must
mean exactly what the parser makes of it, and anything else must still reach the parser."""

from __future__ import annotations

import itertools

import pytest

from triage.cli import _parser, _quick_parse


def _parsed(arguments: list[str]) -> dict[str, object]:
    return vars(_parser("run").parse_args(arguments))


_PARTS = [["--answers", "a.toml"], ["--out", "out dir"], ["--force"], ["my-playbook"]]


@pytest.mark.parametrize(
    "arguments",
    [
        ["run", *itertools.chain.from_iterable(order)]
        for size in (2, 3, 4)
        for chosen in itertools.combinations(_PARTS, size)
        for order in itertools.permutations(chosen)
    ],
    ids=" ".join,
)
def test_it_reads_every_order_as_the_parser_does(arguments: list[str]):
    quick = _quick_parse(arguments)
    if quick is None:  # left to the parser: only when something it needs is missing
        assert "--answers" not in arguments or "my-playbook" not in arguments
        return
    assert vars(quick) == _parsed(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        ["run", "pb", "--answers", "a.toml", "--answers", "b.toml"],  # twice: the parser's rule
        ["run", "pb", "--answers=a.toml"],
        ["run", "pb", "--ans", "a.toml"],  # an abbreviation the parser accepts
        ["run", "pb", "--answers", "a.toml", "--plain"],  # not allowed together: its error
        ["run", "pb", "--answers", "a.toml", "--force", "--force"],
        ["run", "pb", "--answers", "-"],
        ["run", "-", "--answers", "a.toml"],
        ["run", "pb", "other", "--answers", "a.toml"],
        ["run", "pb", "--answers"],
        ["run", "--answers", "a.toml"],
        ["run", "pb", "--answers", "a.toml", "--out"],
        ["run", "pb", "--answers", "a.toml", "-h"],
        ["run", "pb", "--answers", "a.toml", "--", "x"],
        ["validate", "pb", "--answers", "a.toml"],
        ["run", "pb", "--out", "o"],
    ],
    ids=" ".join,
)
def test_anything_else_is_left_to_the_parser(arguments: list[str]):
    assert _quick_parse(arguments) is None


def test_values_are_taken_as_written():
    arguments = ["run", "dir/with space.toml", "--out", "", "--answers", "ans=wers.toml"]
    quick = _quick_parse(arguments)
    assert quick is not None and vars(quick) == _parsed(arguments)
