"""Tone check: real sentences that should and should not be flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.engine.tone import DEFAULT_RULES_PATH, ToneWarning, check_text, load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def categories(text, rules):
    return [w.category for w in check_text(text, rules)]


@pytest.mark.parametrize(
    ("sentence", "category", "matched"),
    [
        ("Frankly, you failed to meet the response times in the SLA.", "blame", "you failed to"),
        ("Your team has failed to deliver the March release.", "blame", "Your team has failed to"),
        ("This outage was entirely your fault.", "blame", "entirely your fault"),
        ("You should have told us about the change before go-live.", "blame", "You should have"),
        ("You ignored three of our tickets last week.", "blame", "You ignored"),
        ("The delay is unacceptable.", "blame", "unacceptable"),
        ("Your support desk always sends the same canned reply.", "absolutes", "always"),
        ("We never get a straight answer from your account team.", "absolutes", "never"),
        ("Every single time we raise an issue it takes a week.", "absolutes", "Every single time"),
        ("If this is not fixed by Friday we will sue.", "threats", "we will sue"),
        ("Consider this your final warning.", "threats", "final warning"),
        (
            "We will terminate the contract at the end of the quarter.",
            "threats",
            "We will terminate the contract",
        ),
        ("As I already explained, the invoice is correct.", "sarcasm", "As I already explained"),
        ("Per my last email, the figures are attached.", "sarcasm", "Per my last email"),
        (
            "With all due respect, that is not what the schedule says.",
            "sarcasm",
            "With all due respect",
        ),
        (
            "We accept that we breached the contract in April.",
            "liability",
            "we breached the contract",
        ),
        ("We're in breach of clause 4, and we know it.", "liability", "We're in breach"),
        ("We are fully liable for the lost orders.", "liability", "We are fully liable"),
        (
            "We will compensate you for all losses.",
            "liability",
            "We will compensate you for all losses",
        ),
    ],
)
def test_flags_real_sentences(rules, sentence, category, matched):
    warnings = check_text(sentence, rules)
    assert [(w.category, w.matched) for w in warnings] == [(category, matched)]
    warning = warnings[0]
    assert warning.line == 1
    assert warning.column == sentence.index(matched) + 1
    assert warning.explanation and warning.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "Dear Priya, our recent exchanges have not gone well, and I am sorry for that.",
        "We sent an automated reply to an urgent report, and it should have gone to a person.",
        "Our replies were slower than the service schedule allows, and we are fixing that.",
        "I would like to suggest a without-prejudice call next week.",
        "Would Tuesday 14 May at 10:00 or Thursday 16 May at 14:30 suit you?",
        "Nevertheless, I think we can agree a way forward.",
        "The report you flagged failed validation on our side, which we have now corrected.",
        "Thank you for raising the invoice query so clearly.",
        "The alwayson flag is a product name, not a promise.",
        "Let's agree who speaks for each side and how quickly we reply.",
        "So the biggest effect on your side has been the month-end delay. Have I understood that?",
    ],
)
def test_leaves_constructive_sentences_alone(rules, sentence):
    assert check_text(sentence, rules) == []


def test_positions_are_one_based_across_lines(rules):
    text = "Dear Sam,\n\nThanks for the call.\nSadly you always\nreply late."
    (warning,) = check_text(text, rules)
    assert (warning.line, warning.column, warning.matched) == (4, 11, "always")


def test_phrase_broken_across_lines_is_found(rules):
    text = "I am afraid that\nyou failed to send the file."
    (warning,) = check_text(text, rules)
    assert (warning.line, warning.column) == (2, 1)
    assert warning.matched == "you failed to"


def test_several_warnings_come_in_reading_order(rules):
    text = "You never answer. As previously stated, we will sue."
    assert categories(text, rules) == ["absolutes", "sarcasm", "threats"]


def test_default_rules_cover_every_category(rules):
    assert {r.category for r in rules} >= {"blame", "absolutes", "threats", "sarcasm", "liability"}
    assert load_rules(DEFAULT_RULES_PATH) == rules
    assert check_text("You always do this.") == check_text("You always do this.", rules)


def test_team_file_extends_and_overrides(tmp_path: Path, rules):
    team = tmp_path / "team.toml"
    team.write_text(
        "format = 1\n"
        '[[rules]]\nid = "always"\nenabled = false\n'
        '[[rules]]\nid = "asap"\ncategory = "pressure"\npattern = "asap|urgently"\n'
        'explanation = "Vague urgency."\nsuggestion = "Give a date."\n',
        encoding="utf-8",
    )
    merged = load_rules(extra=[team])
    assert "always" not in {r.id for r in merged}
    assert len(merged) == len(rules)
    text = "You always want it ASAP."
    assert [(w.category, w.matched) for w in check_text(text, merged)] == [("pressure", "ASAP")]
    only_team = load_rules(team)
    assert [r.id for r in only_team] == ["asap"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (
            '[[rules]]\nid = "x"\ncategory = "blame"\npattern = "(unclosed"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "rule 'x'",
        ),
        (
            '[[rules]]\nid = "y"\ncategory = "blame"\npattern = "a?"\n'
            'explanation = "e"\nsuggestion = "s"\n',
            "rule 'y'",
        ),
        ('[[rules]]\nid = "z"\ncategory = "blame"\npattern = "z"\nexplanation = "e"\n', "rule 'z'"),
        ('[[rules]]\nid = "Bad Id"\n', "rule 'Bad Id'"),
        ('[[rules]]\ncategory = "blame"\n', "rule number 1"),
        (
            '[[rules]]\nid = "w"\ncategory = "blame"\npattern = "w"\nexplanation = "e"\n'
            'suggestion = "s"\npaternn = "typo"\n',
            "rule 'w'",
        ),
        ("[[rules]\n", "not valid TOML"),
    ],
)
def test_bad_rules_file_raises_one_clear_sentence(tmp_path: Path, body, needle):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_rules(path)
    message = str(info.value)
    assert str(path) in message
    assert needle in message
    assert message.endswith(".") and "\n" not in message


def test_missing_file_is_a_value_error(tmp_path: Path):
    with pytest.raises(ValueError, match="cannot be read"):
        load_rules(tmp_path / "nope.toml")


def test_warning_is_plain_data(rules):
    (warning,) = check_text("That was your fault.", rules)
    assert isinstance(warning, ToneWarning)
    assert "your fault" in str(warning)


# --- the built-in examples: every draft meant for the other side passes the tone check ----------

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "playbooks" / "examples").glob("*/*.toml"))
NOT_DRAFTS = {"plan.md", "case.toml", "actions.csv"}


def _drafts(example: Path) -> dict[str, str]:
    from email import message_from_bytes
    from email.policy import default as default_policy

    from triage.engine.answersfile import read_answers
    from triage.engine.playbook import load_playbook
    from triage.engine.render import render_case

    playbook = load_playbook(REPO / "playbooks" / f"{example.parent.name}.toml")
    files = render_case(playbook, read_answers(example, playbook))
    drafts = {}
    for name, data in files.items():
        if name in NOT_DRAFTS:
            continue
        if name.endswith(".eml"):
            message = message_from_bytes(data, policy=default_policy)
            drafts[name] = message["Subject"] + "\n" + message.get_content()
        else:
            drafts[name] = data.decode("utf-8")
    return drafts


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_example_drafts_pass_the_tone_check(rules, example):
    drafts = _drafts(example)
    assert "reset-email.eml" in drafts
    for name, text in drafts.items():
        assert [str(w) for w in check_text(text, rules)] == [], name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_example_reset_email_is_at_most_200_words(example):
    body = _drafts(example)["reset-email.eml"].split("\n", 1)[1]
    assert len(body.split()) <= 200


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("We admit we breached clause 5.2.", "liability"),
        ("We will have no choice but to involve our lawyers.", "threats"),
    ],
)
def test_admissions_of_a_clause_and_lawyer_threats_are_flagged(sentence, category):
    found = [w for w in check_text(sentence) if w.category == category]
    assert found, sentence
