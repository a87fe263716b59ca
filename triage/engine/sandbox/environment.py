"""The Jinja2 environment every playbook template and condition runs in: Jinja2's
immutable sandbox, metered operators and calls, and triage's own filters."""

from __future__ import annotations

import datetime as dt
import functools
import operator
import types
from collections.abc import Callable, Iterator
from typing import Any, cast

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from triage.engine import filters
from triage.engine.errors import ExpressionError
from triage.engine.sandbox.limits import (
    _REMOVED_FILTERS,
    _SAFE_METHODS,
    _UNSAFE_ATTRIBUTES,
    MAX_EXPONENT,
    MAX_INT_BITS,
    MAX_TEXT,
    _check_size,
    _finalize,
    _guard_filter,
    _guard_test,
    _joined,
    _replaced_size,
    _TemplateText,
    _tick,
    _too_big,
    _weight,
)


class _Environment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%", "+", "//"])
    intercepted_unops = frozenset()

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        _tick()
        ints = (
            isinstance(left, int)
            and isinstance(right, int)
            and not isinstance(left, bool)
            and not isinstance(right, bool)
        )
        if op == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise SecurityError("powers above 64 are not allowed in playbooks")
            if ints and right > 0 and left.bit_length() * right > MAX_INT_BITS:
                raise SecurityError("that number would be too large")
            return left**right
        if op == "*":
            if ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise SecurityError("that number would be too large")
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                if sized and _weight(seq) * times > MAX_TEXT:
                    raise SecurityError("that repetition would produce too much text")
            return left * right
        if op == "%":
            if isinstance(left, str):
                raise SecurityError("%-formatting is not available in playbooks; use filters")
            return left % right
        if op == "+":
            if isinstance(left, (str, list, tuple)) and _weight(left) + _weight(right) > MAX_TEXT:
                raise SecurityError("that would produce too much text")
            return left + right
        return operator.floordiv(left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or attr in _UNSAFE_ATTRIBUTES:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> None:
        """``str.format`` is refused outright (widths and field lookups), not wrapped."""
        return None

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(__obj, (types.BuiltinMethodType, types.MethodType)) and owner is not None:
            name = getattr(__obj, "__name__", "")
            if isinstance(owner, type):
                raise SecurityError(f"{name}() is not available in playbooks")
            for kind, allowed in _SAFE_METHODS.items():
                if isinstance(owner, kind):
                    if name not in allowed:
                        raise SecurityError(
                            f"the {kind.__name__} method {name}() is not available in "
                            "playbooks; use a filter"
                        )
                    if kind is str and name == "replace" and len(args) >= 2:
                        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
                        if _replaced_size(owner, str(args[0]), str(args[1]), count) > MAX_TEXT:
                            raise _too_big()
                    if kind is str and name == "join" and args:
                        args = (_joined(owner, args[0], "that join"), *args[1:])
                    break
        result = super().call(__context, __obj, *args, **kwargs)
        return _check_size(result)

    # Called from compiled templates (see _Harden).

    def sandbox_iter(self, iterable: Any) -> Iterator[Any]:
        for item in iterable:
            _tick()
            yield item

    def sandbox_concat(self, *parts: Any) -> str:
        if sum(_weight(p) for p in parts) > MAX_TEXT:
            raise _too_big("that ~")
        return "".join(map(str, parts))

    def sandbox_value(self, value: Any) -> Any:
        return _check_size(value)

    def sandbox_text(self, text: str) -> str:
        return _TemplateText(text)  # the template's own words: never escaped


def _add_days(value: Any, days: int) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise ExpressionError("add_days needs a date")
    return value + dt.timedelta(days=int(days))


def _long_date(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return "" if value is None else str(value)


@functools.cache
def environment() -> _Environment:
    """A fresh sandboxed template environment with only triage's filters, each one guarded."""
    env = _Environment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    for name in ("lipsum", "cycler", "joiner", "namespace", "range", "dict"):
        env.globals.pop(name, None)
    for name in _REMOVED_FILTERS:
        env.filters.pop(name, None)
    env.filters["add_days"] = _add_days
    env.filters["long_date"] = _long_date
    env.filters["weekday_date"] = filters.weekday_date
    env.filters["short_date"] = filters.short_date
    env.filters["working_day"] = filters.working_day
    env.filters["add_working_days"] = filters.add_working_days
    env.filters["currency_holidays"] = filters.currency_holidays
    env.filters["holiday_names"] = filters.holiday_names
    env.filters["holiday_guess"] = filters.holiday_guess
    env.filters["meeting_zone"] = filters.meeting_zone
    env.filters["new_years"] = filters.new_years
    env.filters["not_ticked"] = filters.not_ticked
    env.filters["typed_on_days_off"] = filters.typed_on_days_off
    env.filters["next_three"] = filters.next_three
    env.filters["our_senior"] = filters.our_senior
    env.filters["sentence"] = filters.sentence
    env.filters["clause"] = filters.clause
    env.filters["topic"] = filters.topic
    env.filters["goal"] = filters.goal
    env.filters["first_name"] = filters.first_name
    env.filters["first_person"] = filters.first_person
    env.filters["person"] = filters.person
    env.filters["job_title"] = filters.job_title
    env.filters["role_of"] = filters.role_of
    env.filters["our_roles"] = filters.our_roles
    env.filters["brief"] = filters.brief
    env.filters["step_part"] = filters.step_part
    env.filters["share_deal"] = filters.share_deal
    env.filters["typed_covers"] = filters.typed_covers
    env.filters["join_and"] = filters.join_and
    env.filters["opening_ask"] = filters.opening_ask
    env.filters["ask_fallback"] = filters.ask_fallback
    env.filters["ask_landing"] = filters.ask_landing
    env.filters["ask_before_landing"] = filters.ask_before_landing
    env.filters["sorry_for"] = filters.sorry_for
    env.filters["will_pay"] = filters.will_pay
    env.filters["via_counsel"] = filters.via_counsel
    env.filters["fix_sentence"] = filters.fix_sentence
    env.filters["hedged"] = filters.hedged
    env.filters["hold_said"] = filters.hold_said
    env.filters["end_date_in"] = filters.end_date_in
    env.filters["without_clauses"] = filters.without_clauses
    env.filters["notice_end"] = filters.notice_end
    env.filters["notice_given_end"] = filters.notice_given_end
    env.filters["typed_call"] = filters.typed_call
    env.filters["typed_gate"] = filters.typed_gate
    env.filters["typed_exit_decision"] = filters.typed_exit_decision
    env.filters["typed_notice_check"] = filters.typed_notice_check
    env.filters["typed_notice"] = filters.typed_notice
    env.filters["typed_proposal"] = filters.typed_proposal
    env.filters["fix_in_force"] = filters.fix_in_force
    env.filters["in_force"] = filters.in_force
    env.filters["notice_period"] = filters.notice_period
    env.filters["customers_named"] = filters.customers_named
    env.filters["lawyer_word"] = filters.lawyer_word
    env.filters["own_letter"] = filters.own_letter
    env.filters["typed_me"] = filters.typed_me
    env.filters["clause_ref"] = filters.clause_ref
    env.filters["mediation_body"] = filters.mediation_body
    env.filters["attendees_for_them"] = filters.attendees_for_them
    env.filters["attendee_notes"] = filters.attendee_notes
    env.filters["their_language"] = filters.their_language
    env.filters["their_tongue"] = filters.their_tongue
    env.filters["reads_as_clause"] = filters.reads_as_clause
    env.filters["first_sentence"] = filters.first_sentence
    env.filters["has_date"] = filters.has_date
    env.filters["call_recorded"] = filters.call_recorded
    env.filters["note_fragment"] = filters.note_fragment
    env.filters["our_messages"] = filters.our_messages
    env.filters["gone_quiet"] = filters.gone_quiet
    env.filters["contested"] = filters.contested
    env.filters["who_said"] = filters.who_said
    env.filters["notice_served"] = filters.notice_served
    env.filters["we_threatened"] = filters.we_threatened
    env.filters["deliverables"] = filters.deliverables
    env.filters["pending_reply"] = filters.pending_reply
    env.filters["pending_step"] = filters.pending_step
    env.filters["counsel_ending"] = filters.counsel_ending
    env.filters["our_task"] = filters.our_task
    env.filters["typed_rhythm"] = filters.typed_rhythm
    env.filters["one_off"] = filters.one_off
    env.filters["staff_notes"] = filters.staff_notes
    env.filters["summary_line"] = filters.summary_line
    env.filters["win_day"] = filters.win_day
    env.filters["without_staff_moves"] = filters.without_staff_moves
    env.filters["fault_reach"] = filters.fault_reach
    env.filters["approved_offer"] = filters.approved_offer
    env.filters["worst_first"] = filters.worst_first
    env.filters["their_option"] = filters.their_option
    env.filters["notice_threatened"] = filters.notice_threatened
    env.filters["month_named"] = filters.month_named
    env.filters["effect_on_them"] = filters.effect_on_them
    env.filters["owned_in_notes"] = filters.owned_in_notes
    env.filters["turns_shown"] = filters.turns_shown
    env.filters["heat_in_notes"] = filters.heat_in_notes
    env.filters["heat_in_log"] = filters.heat_in_log
    env.filters["calm_in_notes"] = filters.calm_in_notes
    env.filters["says_same"] = filters.says_same
    env.filters["same_event"] = filters.same_event
    env.filters["apologised_in"] = filters.apologised_in
    env.filters["apologised_for"] = filters.apologised_for
    env.filters["unsaid"] = filters.unsaid
    env.filters["about_eur"] = filters.about_eur
    env.filters["as_date"] = filters.as_date
    env.filters["asks_now"] = filters.asks_now
    env.filters["beyond_ask"] = filters.beyond_ask
    env.filters["offer_said"] = filters.offer_said
    env.filters["one_money_style"] = filters.one_money_style
    env.filters["self_notes"] = filters.self_notes
    env.filters["unconditional_of"] = filters.unconditional_of
    env.filters["insurer_first"] = filters.insurer_first
    env.filters["beyond_owed"] = filters.beyond_owed
    env.filters["owed_part"] = filters.owed_part
    env.filters["owed_said"] = filters.owed_said
    env.filters["top_signer"] = filters.top_signer
    env.filters["beyond_fixes"] = filters.beyond_fixes
    env.filters["escalated_by"] = filters.escalated_by
    env.filters["lawyers_answered"] = filters.lawyers_answered
    env.filters["cutoff_time"] = filters.cutoff_time
    env.filters["not_naming"] = filters.not_naming
    env.filters["naming"] = filters.naming
    env.filters["asked_by_top"] = filters.asked_by_top
    env.filters["facts_named"] = filters.facts_named
    env.filters["meeting_place"] = filters.meeting_place
    env.filters["senior_clause"] = filters.senior_clause
    env.filters["complaint_named"] = filters.complaint_named
    env.filters["counsel_copied"] = filters.counsel_copied
    env.filters["top_apology"] = filters.top_apology
    env.filters["written_in"] = filters.written_in
    env.filters["without_term"] = filters.without_term
    env.filters["unchanged"] = filters.unchanged
    env.filters["their_objection"] = filters.their_objection
    env.filters["new_terms"] = filters.new_terms
    env.filters["legal_terms"] = filters.legal_terms
    env.filters["paid_extra"] = filters.paid_extra
    env.filters["paid_already"] = filters.paid_already
    env.filters["done_unsaid"] = filters.done_unsaid
    env.filters["their_counsel"] = filters.their_counsel
    env.filters["for_counsel"] = filters.for_counsel
    env.filters["their_letter_day"] = filters.their_letter_day
    env.filters["proposed_by_reader"] = filters.proposed_by_reader
    env.filters["without_signer"] = filters.without_signer
    env.filters["is_buyout"] = filters.is_buyout
    env.filters["not_our_levers"] = filters.not_our_levers
    env.filters["on_your_side"] = filters.on_your_side
    env.filters["ask_without_money"] = filters.ask_without_money
    env.filters["short_mistake"] = filters.short_mistake
    env.filters["facts_only"] = filters.facts_only
    env.filters["part_paid"] = filters.part_paid
    env.filters["clause_plainly"] = filters.clause_plainly
    env.filters["asks_release"] = filters.asks_release
    env.filters["without_asides"] = filters.without_asides
    env.filters["regret_said"] = filters.regret_said
    env.filters["fragments"] = filters.fragments
    env.filters["we_will"] = filters.we_will
    env.filters["answers_complaint"] = filters.answers_complaint
    env.filters["no_admission"] = filters.no_admission
    env.filters["owed_work"] = filters.owed_work
    env.filters["without_owed_work"] = filters.without_owed_work
    env.filters["full_name"] = filters.full_name
    env.filters["joins_us"] = filters.joins_us
    env.filters["only_given"] = filters.only_given
    env.filters["ending_of"] = filters.ending_of
    env.filters["has_figure"] = filters.has_figure
    env.filters["owed_thing"] = filters.owed_thing
    env.filters["asks_payment"] = filters.asks_payment
    env.filters["clause_named"] = filters.clause_named
    env.filters["lawyer_writes"] = filters.lawyer_writes
    env.filters["letter_day"] = filters.letter_day
    env.filters["mediation_by"] = filters.mediation_by
    env.filters["matter"] = filters.matter
    env.filters["their_senior"] = filters.their_senior
    env.filters = {name: _guard_filter(name, f) for name, f in env.filters.items()}
    env.tests = {name: _guard_test(cast(Callable[..., Any], f)) for name, f in env.tests.items()}
    return env
