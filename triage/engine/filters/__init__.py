"""Filters for playbook templates and expressions: working days, and answers set into prose.

The sandbox registers them (see ``sandbox.environment``). Each is a pure function;
the text filters are total: none or empty text gives ''.

Each kind lives in a module of its own: ``dates``, ``money``, ``sentences`` (sentence,
clause, goal), ``topic``, ``people`` (person, job title, our roles), ``greeting``
(first name), ``voice`` (first person, the reader as "you"), ``ownership`` (our mistakes
as the other side reads them), ``shorten`` (brief, first sentence, join), ``asks``,
``markdown``; ``text`` and ``words`` hold what they share. A module is imported the first
time one of its names is used, so importing the engine loads only the dates and Markdown
escaping it needs at once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from triage.engine.filters.asks import (
        ask_fallback,
        ask_without_money,
        asks_payment,
        opening_ask,
        owed_thing,
    )
    from triage.engine.filters.calendars import currency_holidays, holiday_names
    from triage.engine.filters.commitments import (
        approved_offer,
        deliverables,
        our_task,
        pending_step,
    )
    from triage.engine.filters.dates import (
        add_working_days,
        as_date,
        next_working_day,
        short_date,
        weekday_date,
        working_day,
    )
    from triage.engine.filters.drafts import (
        ask_before_landing,
        ask_landing,
        attendee_notes,
        attendees_for_them,
        end_date_in,
        fix_sentence,
        hedged,
        reads_as_clause,
        sorry_for,
        via_counsel,
        will_pay,
    )
    from triage.engine.filters.formal import (
        clause_ref,
        customers_named,
        is_buyout,
        lawyer_word,
        mediation_body,
        notice_end,
        notice_given_end,
        notice_period,
        notice_served,
        on_your_side,
        own_letter,
        typed_me,
    )
    from triage.engine.filters.greeting import first_name
    from triage.engine.filters.language import their_language
    from triage.engine.filters.letters import clause_named, lawyer_writes, letter_day, mediation_by
    from triage.engine.filters.markdown import markdown_inline
    from triage.engine.filters.matter import matter
    from triage.engine.filters.money import about_eur, amounts, money_sign
    from triage.engine.filters.notes import (
        call_recorded,
        gone_quiet,
        has_date,
        in_force,
        note_fragment,
        our_messages,
        typed_call,
        typed_gate,
        we_threatened,
    )
    from triage.engine.filters.offers import (
        asks_now,
        beyond_ask,
        beyond_owed,
        ending_of,
        has_figure,
        no_admission,
        offer_said,
        one_money_style,
        only_given,
        owed_part,
        owed_work,
        self_notes,
        unconditional_of,
        without_owed_work,
    )
    from triage.engine.filters.people import job_title, our_roles, person, role_of
    from triage.engine.filters.pledges import answers_complaint, fragments, not_our_levers, we_will
    from triage.engine.filters.repair import (
        effect_on_them,
        month_named,
        notice_threatened,
        regret_said,
        says_same,
        short_mistake,
        their_option,
        unsaid,
        worst_first,
    )
    from triage.engine.filters.senior import our_senior, their_senior
    from triage.engine.filters.sentences import SUBJECTS, clause, goal, sentence
    from triage.engine.filters.shorten import brief, first_sentence, join_and
    from triage.engine.filters.signers import full_name, joins_us
    from triage.engine.filters.steps import next_three
    from triage.engine.filters.topic import topic
    from triage.engine.filters.voice import first_person
    from triage.engine.filters.words import COMMON_WORDS, DETERMINERS, ROLE_WORDS, TITLES

# Each public name and the module that holds it.
_HOME = {
    "ask_fallback": "asks",
    "opening_ask": "asks",
    "owed_thing": "asks",
    "asks_payment": "asks",
    "currency_holidays": "calendars",
    "holiday_names": "calendars",
    "approved_offer": "commitments",
    "deliverables": "commitments",
    "pending_step": "commitments",
    "our_task": "commitments",
    "add_working_days": "dates",
    "as_date": "dates",
    "next_working_day": "dates",
    "short_date": "dates",
    "weekday_date": "dates",
    "working_day": "dates",
    "ask_before_landing": "drafts",
    "ask_landing": "drafts",
    "end_date_in": "drafts",
    "attendee_notes": "drafts",
    "their_language": "language",
    "attendees_for_them": "drafts",
    "fix_sentence": "drafts",
    "hedged": "drafts",
    "reads_as_clause": "drafts",
    "sorry_for": "drafts",
    "via_counsel": "drafts",
    "will_pay": "drafts",
    "clause_ref": "formal",
    "customers_named": "formal",
    "lawyer_word": "formal",
    "mediation_body": "formal",
    "notice_end": "formal",
    "notice_given_end": "formal",
    "notice_period": "formal",
    "notice_served": "formal",
    "own_letter": "formal",
    "typed_me": "formal",
    "first_name": "greeting",
    "call_recorded": "notes",
    "has_date": "notes",
    "gone_quiet": "notes",
    "in_force": "notes",
    "note_fragment": "notes",
    "our_messages": "notes",
    "typed_call": "notes",
    "typed_gate": "notes",
    "we_threatened": "notes",
    "markdown_inline": "markdown",
    "matter": "matter",
    "clause_named": "letters",
    "lawyer_writes": "letters",
    "letter_day": "letters",
    "mediation_by": "letters",
    "about_eur": "money",
    "amounts": "money",
    "money_sign": "money",
    "asks_now": "offers",
    "beyond_ask": "offers",
    "offer_said": "offers",
    "owed_work": "offers",
    "without_owed_work": "offers",
    "only_given": "offers",
    "ending_of": "offers",
    "has_figure": "offers",
    "one_money_style": "offers",
    "self_notes": "offers",
    "unconditional_of": "offers",
    "beyond_owed": "offers",
    "owed_part": "offers",
    "is_buyout": "formal",
    "not_our_levers": "pledges",
    "on_your_side": "formal",
    "ask_without_money": "asks",
    "short_mistake": "repair",
    "regret_said": "repair",
    "fragments": "pledges",
    "we_will": "pledges",
    "answers_complaint": "pledges",
    "no_admission": "offers",
    "job_title": "people",
    "our_roles": "people",
    "person": "people",
    "our_senior": "senior",
    "their_senior": "senior",
    "month_named": "repair",
    "effect_on_them": "repair",
    "says_same": "repair",
    "notice_threatened": "repair",
    "their_option": "repair",
    "worst_first": "repair",
    "unsaid": "repair",
    "role_of": "people",
    "SUBJECTS": "sentences",
    "clause": "sentences",
    "goal": "sentences",
    "sentence": "sentences",
    "full_name": "signers",
    "joins_us": "signers",
    "brief": "shorten",
    "first_sentence": "shorten",
    "join_and": "shorten",
    "next_three": "steps",
    "topic": "topic",
    "first_person": "voice",
    "COMMON_WORDS": "words",
    "DETERMINERS": "words",
    "ROLE_WORDS": "words",
    "TITLES": "words",
}

__all__ = [
    "COMMON_WORDS",
    "DETERMINERS",
    "ROLE_WORDS",
    "SUBJECTS",
    "TITLES",
    "about_eur",
    "add_working_days",
    "amounts",
    "answers_complaint",
    "approved_offer",
    "as_date",
    "ask_before_landing",
    "ask_fallback",
    "ask_landing",
    "ask_without_money",
    "asks_now",
    "asks_payment",
    "attendee_notes",
    "attendees_for_them",
    "beyond_ask",
    "beyond_owed",
    "brief",
    "call_recorded",
    "clause",
    "clause_named",
    "clause_ref",
    "currency_holidays",
    "customers_named",
    "deliverables",
    "effect_on_them",
    "end_date_in",
    "ending_of",
    "first_name",
    "first_person",
    "first_sentence",
    "fix_sentence",
    "fragments",
    "full_name",
    "goal",
    "gone_quiet",
    "has_date",
    "has_figure",
    "hedged",
    "holiday_names",
    "in_force",
    "is_buyout",
    "job_title",
    "join_and",
    "joins_us",
    "lawyer_word",
    "lawyer_writes",
    "letter_day",
    "markdown_inline",
    "matter",
    "mediation_body",
    "mediation_by",
    "money_sign",
    "month_named",
    "next_three",
    "next_working_day",
    "no_admission",
    "not_our_levers",
    "note_fragment",
    "notice_end",
    "notice_given_end",
    "notice_period",
    "notice_served",
    "notice_threatened",
    "offer_said",
    "on_your_side",
    "one_money_style",
    "only_given",
    "opening_ask",
    "our_messages",
    "our_roles",
    "our_senior",
    "our_task",
    "owed_part",
    "owed_thing",
    "owed_work",
    "own_letter",
    "pending_step",
    "person",
    "reads_as_clause",
    "regret_said",
    "role_of",
    "says_same",
    "self_notes",
    "sentence",
    "short_date",
    "short_mistake",
    "sorry_for",
    "their_language",
    "their_option",
    "their_senior",
    "topic",
    "typed_call",
    "typed_gate",
    "typed_me",
    "unconditional_of",
    "unsaid",
    "via_counsel",
    "we_threatened",
    "we_will",
    "weekday_date",
    "will_pay",
    "without_owed_work",
    "working_day",
    "worst_first",
]


def __getattr__(name: str) -> Any:
    """A public name, from its module, imported the first time it is asked for."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
