"""What we have agreed to do for them, read from the dated actions before a draft names it.

The actions a manager types mix steps the other side will see (a report sent to them, a
visit, a rollback) with our own preparation (counsel reviews the notice, the director
approves the credit, the notice itself once it is checked). A draft names only the first
kind, each with its owner and date, so that the reader sees what is coming and by when; a
formal step still waiting on its checks is never performed or announced early by the draft.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from triage.engine.filters.people import person
from triage.engine.filters.sentences import clause
from triage.engine.filters.text import _squash
from triage.engine.filters.voice import first_person

__all__ = ["approved_offer", "deliverables", "pending_step"]

# Our own preparation, never shown to them as a commitment: legal checks, sign-offs, briefings,
# and the formal step those checks come before.
_INTERNAL = re.compile(
    r"\b(?:counsel|lawyers?|solicitors?|advok[aá]t|attorneys?|legal|approv\w*|sign(?:s|ed)?[- ]?off|"
    r"brief\w*|internal(?:ly)?|notice|mandate|budget|insurers?|decide\w*|offer|prepare\w*|"
    r"gather\w*|collect\w*|draft\w*|align\w*|one\s+(?:message|voice|line)|"
    r"between\s+(?:our\s+)?(?:sales|finance|legal|ops|operations|support|delivery|product)\b|"
    # What we do if they do not pay or answer, and steps about our own people or our records:
    # ours to know, and a threat or an internal matter when read by them.
    r"formal\s+(?:demand|letter|reminder)|demand\s+letter|letters?\s+of\s+(?:demand|claim)|"
    r"instruct\w*|ask\s+(?:them\s+)?for\s+(?:more\s+)?time|extension\s+of\s+time|"
    r"wezwani\w*|mahnung|mise\s+en\s+demeure|"
    r"collection|debt\s+collect\w*|odsetk\w*|interest|courts?|proceedings|escalat\w*|"
    r"if\s+(?:not|no|they\s+(?:do\s+not|don'?t))|unless|otherwise|preserve\w*|"
    r"do(?:n'?t|\s+not)\s+delete|HR|disciplin\w*|"
    # Our fallback if they fail us (another supplier, a second source, quotes elsewhere): said
    # to them, it tells a partner we need that we are already leaving.
    r"(?:alternative|second|backup|back-up|other|new|replacement)\s+(?:\w+\s+)?(?:suppliers?|"
    r"sources?|vendors?|printers?|carriers?|agents?|providers?|manufacturers?|partners?|"
    r"distributors?|subcontractors?|contractors?)|second[- ]sourc\w*|contingency|plan\s+b|"
    r"re-?tender\w*|tenders?\s+for|quotes?\s+from|"
    # A sanction we apply meanwhile (payment before release, a credit hold, supply stopped).
    r"cash[- ]against[- ]\w+|cash\s+(?:in\s+advance|on\s+delivery|before)|credit\s+(?:hold|stop|"
    r"limit)|(?:hold|stop|suspend|freeze)\w*\s+(?:(?:further|new|all|the)\s+)?(?:supply|supplies|"
    r"shipments?|deliver(?:y|ies)|release|credit|orders?|containers?)|on\s+stop|"
    # A decision about our own people ("remove Lars from the account"): ours to make, and
    # the reader hears its result (who leads now), not the decision.
    r"(?:remove|take|pull|move)\s+(?:(?-i:[A-Z])[\w'’-]*\s*){1,3}(?:off|from)\s+(?:the|this|their|our)\s+"
    r"(?:account|thread|project|team|contract|case|relationship)|"
    # Our case for the mediator or the court ("Evidence pack on pick-up figures", "Mediation
    # bundle: timesheets, invoices"): ours to prepare, exchanged only as the process sets. The
    # evidence that a breach is cured ("cure evidence pack delivered") is theirs.
    r"(?<!cure )(?<!remedy )evidence\s+(?:pack|bundle|file|folder)s?|(?:mediation|hearing|court|trial|claim)\s+"
    r"(?:bundle|pack|file)s?|bundles?\s+(?:of|for)\s+(?:the\s+)?(?:mediat|hearing|court)\w*)\b",
    re.I,
)
# A note to ourselves inside an action: "(Samira reviews it first)".
_ASIDE = re.compile(
    r"\s*\((?:[^()]*\b(?:review|reviews|check|checks|approv\w*|first|internal)\b[^()]*)\)"
)
# "Send full incident report, reviewed by counsel": the check is ours, the report is theirs.
_CHECKED_BY = re.compile(
    r",?\s+(?:once\s+|after\s+(?:it\s+is\s+)?|when\s+)?(?:reviewed|checked|cleared|approved|"
    r"signed\s+off|read)\s+by\s+(?:our\s+)?(?:counsel|lawyers?|solicitors?|attorneys?|legal|"
    r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)?)\s*$",
    re.I,
)
# A step between people (a call, a meeting) is arranged in the email or happens beside it, and
# a reply, email or message to them is the email itself: never listed as something to come.
_BESIDE = re.compile(
    r"\b(?:calls?|phones?|rings?|meets?|meeting\s+with|talks?\s+to|visits?\s+to)\b|"
    r"\b(?:letter|request|proposal)\s+(?:requesting|asking\s+for|proposing|for)\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+){0,2}(?:meeting|mediation|call)\b|"
    r"^\s*(?:reply|respond|write|e-?mail|message|tell|inform|confirm|answer|send\s+(?:the\s+)?"
    r"(?:reset\s+)?e-?mail)\b",
    re.I,
)
# Steps that open with a verb of our own housekeeping (gathering, ordering, checking, hiring):
# the reader sees their result, not the step.
_OWN_VERB = re.compile(
    r"^\s*(?:pull|order|talk|check|review|get|hire|ask|chase|log|record|document|agree|discuss|"
    r"find|look|investigate|analy[sz]e|audit|compile|build|archive|note|flag|remind|monitor|"
    r"track|hold|pause|update\s+(?:our|the\s+crm|crm)|file|book\s+(?:our|a\s+room)|"
    # Our own working-out ("calculate the shortfall from the trip logs") and what simply carries
    # on ("keep Q1 shipments on schedule"): a date after either reads as a cut-off.
    r"calculate|quantify|estimate|model|reconstruct|reconcile|work\s+out|keep|continue|maintain)\b",
    re.I,
)
# Permission we still need ("ok from Francisca to pay"): ours to get, never news to them.
_PERMISSION = re.compile(
    r"\b(?:ok|okay|go-?ahead|green\s+light|authority|authori[sz]\w*|sign\s+off|board)\b", re.I
)
# Steps that give them something, said as "I will ..." (or "we will ..." for a colleague's).
_GIVE = re.compile(
    r"^\s*(send|share|give|deliver|provide|issue|credit|refund|honou?r|pay|lend|roll|restore|"
    r"replace|repair|fix|reinstate|return|cancel|waive|hand|install|fit|train|add|run|arrange|"
    r"schedule|extend|publish|correct|remove|switch|introduce|assign|appoint|apply|offer)\b\s*",
    re.I,
)
# "send X to CFO": a step whose addressee is someone other than the reader.
_TO_OTHER = re.compile(
    r"\bourselves\b|^\s*(?:report|notify|file|send|share|give|deliver|provide|hand|forward)\b[^.;]*?\bto\s+(?:the\s+|their\s+)?"
    r"(?!you\b|your\b)(?:[A-Z][\w.'’-]*|cfo|ceo|coo|cto|md|board|finance|accounts)\b"
)
_MONEY_VERBS = {"refund", "pay", "reimburse", "credit", "cover"}
_GIVEN_TO_YOU = {"send", "give", "lend", "hand", "show"}
_DETERMINERS = re.compile(
    r"^(?:a|an|the|our|your|my|this|that|these|those|all|every|any|each|one|two|three|\d[\w.,]*|"
    r"[\w.-]+['’]s|[A-Z]{2,}[\w-]*|you)\b"
)
# An owner or team in brackets at the end of a step, "(IT, Rasmus)": ours to know.
_OWNERS = re.compile(r"\s*\((?:[A-Z][\w.'’-]*(?:\s*[,/&+]\s*|\s+(?:and\s+)?)?)+\)\s*$")
# A thing to be sent, typed as done ("written cure plan sent"), and a role in brackets.
_SENT = re.compile(r"^(.+?)\s+sent$", re.I)
_ROLE = re.compile(r"\(([^()]+)\)\s*$")
# An approved offer typed as an action: "offer approved: 20% off fees ... . CFO signs off".
_OFFER = re.compile(
    r"^\s*(?:our\s+)?offer(?:\s+(?:approved|agreed|signed off))?\s*[:\-–]\s*(.+)$", re.I
)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _rows(*lists: Any) -> list[Mapping[str, Any]]:
    rows: list[Mapping[str, Any]] = []
    for value in lists:
        rows += [row for row in value or [] if isinstance(row, Mapping)]
    return rows


def _done(row: Mapping[str, Any]) -> bool:
    return _squash(row.get("status")).lower() in {"done", "dropped", "cancelled"}


def deliverables(
    actions: Any,
    steps: Any = None,
    signer: Any = "",
    reader: Any = "",
    today: Any = None,
    currency: Any = "",
    party: Any = "",
) -> list[dict[str, Any]]:
    """Filter ``deliverables(steps, signer, reader, today, currency)``: the dated actions and
    change steps the other side will see, earliest first, each as ``what`` (in the signer's
    voice, the reader as "you", asides to ourselves left out), ``who`` ("me" for the signer,
    else the owner as typed) and ``due``. Preparation on our side (counsel, approvals,
    briefings, a notice still to be checked, the offer's sign-off) is left out.

    A step the manager typed (``actions``) is theirs to know unless it gives the reader
    something: calls and meetings (arranged in the email, or beside it), the reply the email
    itself is, housekeeping ("pull the emails into one pack") and anything sent to someone
    other than the reader ("send the statement to CFO") are left out. Each kept step also
    comes as ``said``, in the signer's voice with no owner in brackets: "send quote
    breakdown" gives "I will send you the quote breakdown" (a colleague's step: "we will").
    ``party`` (their company) read in a step is the reader ("to Puls" gives "to you")."""
    start = _date(today)
    me = person(signer).lower()
    found = []
    typed_ids = {id(row) for row in _rows(actions)}
    for row in _rows(actions, steps):
        what = _squash(row.get("what"))
        due = _date(row.get("due"))
        if not what or due is None or _done(row) or (start and due < start):
            continue
        what = _CHECKED_BY.sub("", what)
        if _INTERNAL.search(what):
            continue
        if id(row) in typed_ids:
            what = _given_part(what)
            if not what:
                continue
        text = _SENT.sub(r"\1, sent to you", _OWNERS.sub("", _ASIDE.sub("", what)).strip(" .;"))
        text = _for_you(text, party)
        text = first_person(clause(text, currency), _squash(signer), _squash(reader))
        owner = _squash(row.get("owner"))
        named = person(owner)
        role = _ROLE.search(owner)
        if owner and me and named.lower() == me:
            who = ""
        elif named[:1].isupper() and re.search(rf"\b{re.escape(named.split()[0])}\b", text):
            who = ""  # the text already names them ("Youssef's apology note to Javier")
        elif named and role:
            who = f"{named}, {clause(role.group(1), currency)}"
        else:
            who = clause(owner, currency)
        plan = bool(re.search(r"\bplan\b", text, re.I))
        said = _said(text, bool(owner and me and named.lower() != me))
        found.append(
            {
                "what": text[:1].upper() + text[1:],
                "who": who,
                "due": due,
                "plan": plan,
                "said": said,
            }
        )
    return sorted(found, key=lambda item: item["due"])


def _left_out(part: str) -> bool:
    return bool(
        _BESIDE.search(part)
        or _OWN_VERB.search(part)
        or _TO_OTHER.search(part)
        or _PERMISSION.search(part)
    )


# The decision about our own person typed as a note ("Ricardo off the account; new ops contact
# Débora"): the email keeps the rest of the step, but the tracker row, in our words, is ours.
_STAFF_NOTE = re.compile(
    r"\b(?-i:[A-Z])[\w'’-]*\s+(?:steps?\s+)?(?:off|away\s+from)\s+(?:the|this|their|our)\s+"
    r"(?:account|thread|project|case|relationship)\b",
    re.I,
)


def gives_reader(what: Any) -> bool:
    """Whether a step the manager typed gives the other side something (a report, a test file,
    a corrected invoice), as the email's list of what we will do reads it: such a step belongs
    on the list shared with them. Preparation, calls arranged in the email, housekeeping and
    steps for someone else are ours alone."""
    text = _CHECKED_BY.sub("", _squash(what))
    return (
        bool(text)
        and not _INTERNAL.search(text)
        and not _STAFF_NOTE.search(text)
        and bool(_given_part(text))
    )


# The first word of a typed step that is already a verb of ours ("count our stock", "name a
# deputy"), beyond those that give the reader something and our housekeeping (_OWN_VERB).
_OUR_VERB = re.compile(
    r"^\s*(count|name|put|set|test|confirm|complete|update|move|ship|write|visit|book|call|"
    r"phone|meet|start|stop|keep|make|bring|invoice|reissue|recalculate|rerun|re-run|post|finish|submit|"
    r"email|tell|show|walk|deploy|release)\b",
    re.I,
)
# A step typed as a thing, with an article or a number first ("a written note", "three more
# developers", "spare compressors on site"): what we will provide.
_THING = re.compile(r"^\s*(?:a|an|the|our|\d+|one|two|three|four|five|spare|extra|more)\b", re.I)


# A deliverable typed as a noun ("Credit note for CAD 18,600", "Written incident report for
# the three P1 misses", "Joint change log set up"): said as what we will do, never "We will
# credit note for".
_NOUN_CREDIT = re.compile(r"^credit\s+note\b", re.I)
_NOUN_REFUND = re.compile(r"^refund\s+of\s+", re.I)
_NOUN_PAPER = re.compile(
    r"^(?:(?!(?:send|share|give|write|draft|prepare|pull|check|review)\b)[\w-]+\s+){0,3}?"
    r"(?:report|plan|summary|proposal|breakdown|statement|analysis|timeline)\b",
    re.I,
)
_NOUN_SET_UP = re.compile(r"^(?P<thing>.+?)\s+set\s+up$", re.I)


def _noun_task(text: str) -> str:
    """``our_task`` for a deliverable typed as a noun, else ''."""
    lower = text[:1].lower() + text[1:]
    if _NOUN_CREDIT.match(text):
        return "We will issue a " + lower
    if _NOUN_REFUND.match(text):
        return "We will refund " + _NOUN_REFUND.sub("", text)
    found = _NOUN_SET_UP.match(text)
    if found and not _DETERMINERS.match(found["thing"]):
        thing = found["thing"]
        return "We will set up the " + thing[:1].lower() + thing[1:]
    done = re.search(r"\b\w+ed$|\bsent$|\bdone$", text)  # "written recovery plan sent": a result
    if _NOUN_PAPER.match(text) and not _DETERMINERS.match(text) and not done:
        return ("We will send you an " if lower[:1] in "aeiou" else "We will send you a ") + lower
    return ""


def our_task(what: Any) -> str:
    """Filter ``our_task``: a step the manager typed, as a summary sent to the other side lists
    it: "We will ..." ("send quote breakdown" gives "We will send you the quote breakdown",
    "three more developers at our cost" gives "We will provide three more developers at our
    cost"); '' when the words do not say what we do ("written recovery plan sent"), so the
    row is left out rather than garbled."""
    text = _squash(what).strip(" .;")
    if not text:
        return ""
    noun = _noun_task(text)
    if noun:
        return noun
    said = _said(text, True)
    if said.startswith(("We will ", "I will ")):
        return "We will " + said.split(" will ", 1)[1]
    if _GIVE.match(text) or _OWN_VERB.match(text) or _OUR_VERB.match(text):
        return "We will " + text[:1].lower() + text[1:]
    if _THING.match(text) and not re.search(r"\b\w+ed$|\bsent$|\bdone$", text):
        return "We will provide " + text[:1].lower() + text[1:]
    return ""


def _given_part(what: str) -> str:
    """What of a typed step gives the reader something: "call rodrigo, send him the order
    email" gives "send you the order email" (the call is arranged in the email itself)."""
    if not _left_out(what):
        return what
    parts = [p.strip() for p in re.split(r",\s*|;\s*|\s+then\s+", what) if p.strip()]
    if len(parts) < 2 or not _BESIDE.search(parts[0]):
        return ""
    kept = [p for p in parts[1:] if not _left_out(p)]
    if len(kept) != len(parts) - 1 or not _GIVE.match(kept[0]):
        return ""
    # "send him": the person just called is the reader.
    return re.sub(r"^(\w+)\s+(?:him|her)\b", r"\1 you", ", ".join(kept))


def _for_you(text: str, party: Any) -> str:
    """Their company named in a step, "to Puls Fitness", said to them: "to you"."""
    name = re.sub(
        r"\b(?:ltd|llc|inc|gmbh|aps|as|ab|sa|spa|s\.?r\.?o|sp\. z o\.o|pte|k\.k|plc|"
        r"pvt|co)\b\.?",
        "",
        _squash(party),
        flags=re.I,
    ).strip(" .,")
    first = name.split()[0] if name.split() else ""
    if len(first) < 3:
        return text
    text = re.sub(
        rf"^((?i:send|give|show|hand|lend))\s+{re.escape(first)}(?:\s+[A-Z][\w.-]*)*\b",
        r"\1 you",
        text,
    )
    text = re.sub(rf"\b(?:to|for)\s+{re.escape(first)}(?:\s+[A-Z][\w.-]*)*(?='?s\b)", "your", text)
    text = re.sub(rf"\bto\s+{re.escape(first)}(?:\s+[A-Z][\w.-]*)*\b", "to you", text)
    return text


_MONTH = re.compile(r"(?<=\d )(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b")


def _said(text: str, colleague: bool) -> str:
    """A step in the signer's voice: "send quote breakdown" gives "I will send you the quote
    breakdown"; a step typed as a thing ("written incident account") is kept as typed."""
    text = re.sub(r"\bby (CTO|CEO|CFO|COO|MD|DPO)\b", r"by our \1", text)
    text = _MONTH.sub(lambda m: m.group(1).title(), text)
    match = _GIVE.match(text)
    if not match or text.lower().startswith(("i will", "we will")):
        return text[:1].upper() + text[1:]
    verb = match.group(1).lower()
    if verb in _MONEY_VERBS:
        # "We will refund every ..." reads as an open promise to pay any loss: the step stays
        # as typed, a bounded thing done by its date.
        return text[:1].upper() + text[1:]
    rest = text[match.end() :]
    # "send Thistle a written report": the name before the thing sent is the reader.
    rest = re.sub(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?=(?:a|an|the|our)\b)", "you ", rest)
    if verb in _GIVEN_TO_YOU and not re.search(r"\bto you\b|^you\b", rest):
        if not _DETERMINERS.match(rest):
            rest = "the " + rest
        rest = "you " + rest
    return f"{'We' if colleague else 'I'} will {verb} {rest}".strip()


def pending_step(actions: Any, word: Any, today: Any = None) -> dict[str, Any] | None:
    """Filter ``pending_step(word, today)``: the first action not yet done whose text names
    ``word`` ("notice"), with its ``due`` date on or after today, else none: a formal step the
    case schedules for later (the last such action: the step itself, after its checks), which
    a draft sent now must not perform."""
    return _last_pending(actions, re.compile(rf"\b{re.escape(_squash(word))}", re.I), today)


def _last_pending(actions: Any, pattern: re.Pattern[str], today: Any) -> dict[str, Any] | None:
    """The last action not yet done whose text ``pattern`` finds, due on or after today."""
    start = _date(today)
    found: dict[str, Any] | None = None
    for row in _rows(actions):
        due = _date(row.get("due"))
        if _done(row) or due is None or (start and due < start):
            continue
        if pattern.search(_squash(row.get("what"))) and (found is None or due >= found["due"]):
            found = {
                "what": _squash(row.get("what")),
                "owner": _squash(row.get("owner")),
                "due": due,
            }
    return found


_REPLY_STEP = re.compile(
    r"\b(?:formal|written)\s+(?:reply|response|answer)\b|\b(?:reply|respond|response|answer)"
    r"(?:s|ed|ing)?\s+(?:formally\s+)?(?:(?:to|on)\s+)?(?:the\s+|their\s+|your\s+|its\s+|his\s+|her\s+)?"
    r"(?:[\w.'-]+\s+){0,3}?(?:claim|notice|letter|demand)s?\b",
    re.I,
)


def pending_reply(actions: Any, today: Any = None) -> dict[str, Any] | None:
    """Filter ``pending_reply(today)``: the formal reply the manager scheduled ("Formal
    response to the notice", "Written reply to the clause 11.2 claim", "answer their letter of
    demand"), as ``pending_step`` finds a step, else none. A reply to a person ("Reply to Mark
    accepting mediation") is not one."""
    return _last_pending(actions, _REPLY_STEP, today)


def approved_offer(actions: Any, currency: Any = "") -> str:
    """Filter ``approved_offer(currency)``: the offer typed as an approved action ("offer
    approved: 20% off fees Oct-Dec + 2 chillers at cost. CFO signs off"), its terms only and
    without the sign-off note after them, else ''."""
    for row in _rows(actions):
        if _done(row):
            continue
        match = _OFFER.match(_squash(row.get("what")))
        if match:
            terms = re.split(r"\.\s+(?=[A-Z])", match.group(1))[0].strip(" .;")
            terms = re.sub(r"\s+\+\s+", " and ", terms).replace("~", "about ")
            return clause(terms, currency)
    return ""


def not_naming(rows: Any, word: Any) -> list[Any]:
    """Filter ``rows | not_naming(word)``: the dated steps whose words (``what``, ``said``) do
    not name ``word`` ("report"): a step the letter already promises on its own date is not
    listed a second time."""
    pattern = re.compile(rf"\b{re.escape(_squash(word))}", re.I)
    kept = []
    for row in rows or []:
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, "")
        if not pattern.search(f"{_squash(get('what'))} {_squash(get('said'))}"):
            kept.append(row)
    return kept


def naming(rows: Any, words: Any) -> list[Any]:
    """Filter ``rows | naming(words)``: the dated steps whose words (``what``, ``said``) name
    one of ``words`` ("notice", "final account"), in their order."""
    wanted = [words] if isinstance(words, str) else list(words or [])
    kept = []
    for row in rows or []:
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, "")
        said = f"{_squash(get('what'))} {_squash(get('said'))}"
        if any(re.search(rf"\b{re.escape(_squash(w))}", said, re.I) for w in wanted):
            kept.append(row)
    return kept


# A step of ours in which our lawyer writes the end of the agreement ("Counsel to draft mutual
# termination ...", "lawyer drafts the wind-down agreement").
_COUNSEL = re.compile(r"\b(?:counsel|lawyers?|solicitors?|attorneys?|legal team|avocats?)\b", re.I)
_ENDING = re.compile(
    r"\b(?:terminat\w*|wind[- ]?down|exit agreement|settlement agreement|notice of (?:end|exit)"
    r"|end(?:ing)? (?:of )?(?:the |our )?(?:agreement|contract|alliance|partnership))",
    re.I,
)


def counsel_ending(actions: Any, today: Any = None) -> dict[str, Any] | None:
    """Filter ``counsel_ending(today)``: the step, not yet done and due on or after today, in
    which our lawyers put the end of the agreement in writing, else none. While it is pending,
    an exit email agrees how and when it ends; it never serves notice or names an end date."""
    start = _date(today)
    for row in _rows(actions):
        due = _date(row.get("due"))
        what = _squash(row.get("what"))
        if _done(row) or due is None or (start and due < start):
            continue
        if _COUNSEL.search(what) and _ENDING.search(what):
            return {"what": what, "owner": _squash(row.get("owner")), "due": due}
    return None
