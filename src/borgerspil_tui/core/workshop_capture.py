"""Fast capture during a workshop, headless: a typed or pasted line becomes an item of the
activity's target list, and ``@name`` at the end credits a participant.

The item is built by the model itself, so its own rules (no control characters, lengths) refuse
what it must; the refusal becomes our message via :func:`message_for`, never pydantic's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model.create import Idea, WhatIf
from borgerspil_tui.core.model.experience import Insight, Observation
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.workshop import Workshop
from borgerspil_tui.core.validation_messages import message_for

LINE_LIMIT = 500
"""The model's limit on a one-line text (``Line``): an idea's title is cut there."""

_CREDIT = re.compile(r"(?:^|\s)@(?P<name>[^\W\d_][\w.'-]*)\s*\Z")
"""``@name`` at the end, after a space: an email address (``a@b.dk``) or a lone ``@`` is no credit."""
_LINES = re.compile(r"\r\n|\r|\n")
"""Only real line breaks split a paste; other separators stay and are refused as control characters."""

CAPTURE_TARGETS = ("causes", "consequences", "observations", "insights", "ideas", "what_ifs")
"""The targets fast capture adds items to (``votes`` is a voting round, not capture)."""


@dataclass(frozen=True)
class Captured:
    """One captured line: its text and the name it credits (without the ``@``), if any."""

    text: str
    credit: str | None = None


class CaptureRefused(Exception):
    """A captured line the model does not take; ``message`` says why, in our words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


def parse_line(text: str) -> Captured | None:
    """The line's text and credit, trimmed; None for an empty line. A line that is only
    ``@name`` is kept as text, so nothing the room said is lost."""
    line = text.strip()
    if not line:
        return None
    found = _CREDIT.search(line)
    if found:
        rest = line[:found.start()].strip()
        if rest:
            return Captured(rest, found.group("name").rstrip(".'-"))
    return Captured(line)


def parse_paste(block: str) -> list[Captured]:
    """Every non-blank line of a pasted block, in order (``\\r\\n`` and ``\\r`` are line breaks)."""
    found = (parse_line(line) for line in _LINES.split(block))
    return [captured for captured in found if captured is not None]


def _title_and_rest(text: str) -> tuple[str, str]:
    """An idea's title within the line limit (cut at a space when there is one) and the rest."""
    if len(text) <= LINE_LIMIT:
        return text, ""
    cut = text.rfind(" ", 0, LINE_LIMIT + 1)
    if cut <= 0:
        cut = LINE_LIMIT
    return text[:cut].rstrip(), text[cut:].strip()


def item_for(target: str, captured: Captured) -> BaseModel:
    """The model item the line becomes in ``target``; :class:`CaptureRefused` when the model's
    rules refuse it or the target is not a capture list."""
    text = captured.text
    try:
        if target in ("causes", "consequences"):
            return TreeNode(text=text)
        if target == "observations":
            return Observation(what=text)
        if target == "insights":
            return Insight(statement=text)
        if target == "what_ifs":
            return WhatIf(question=text)
        if target == "ideas":
            title, rest = _title_and_rest(text)
            return Idea(title=title, description=rest)
    except ValidationError as error:
        raise CaptureRefused(message_for(error.errors()[0])) from None
    raise CaptureRefused(Message("workshop.capture.no_target", {"target": target}))


def participant_names(project: Project, workshop: Workshop) -> dict[str, str]:
    """The workshop's participants as id → name (team members and guests); an id that is
    neither is left out."""
    people = everyone(project)
    return {ident: people[ident] for ident in workshop.participants if ident in people}


def everyone(project: Project) -> dict[str, str]:
    """Every team member and guest as id → name."""
    people = {member.id: member.name for member in project.readiness.team}
    people.update((guest.id, guest.name) for guest in project.create.guests)
    return people


def people_for(project: Project, workshop: Workshop | None) -> list[dict[str, str]]:
    """Whom a credit may name, in the order asked: the workshop's participants first (when it has
    any), then every team member and guest."""
    first = participant_names(project, workshop) if workshop is not None else {}
    return [first, everyone(project)] if first else [everyone(project)]


def credit_for(name: str | None, people: dict[str, str] | Iterable[tuple[str, str]]) -> str | None:
    """The id of the participant ``name`` credits, case-insensitively: a full name first, else a
    first name only one participant has; None when nobody or more than one matches."""
    if not name:
        return None
    pairs = list(people.items() if isinstance(people, dict) else people)
    wanted = name.casefold()
    full = [ident for ident, person in pairs if person.strip().casefold() == wanted]
    if len(full) == 1:
        return full[0]
    if full:
        return None
    first = [ident for ident, person in pairs if (person.split() or [""])[0].casefold() == wanted]
    return first[0] if len(first) == 1 else None


@dataclass(frozen=True)
class CaptureResult:
    """What a typed line or a paste gave: the items with the participant each credits (an id or
    None), and the lines refused (line number from 1, our message), so nothing is dropped silently."""

    items: list[tuple[BaseModel, str | None]]
    refused: list[tuple[int, Message]]
    named: list[str | None] = field(default_factory=list)
    """For each item, the name its ``@name`` gave as typed (None: no credit), so a name that is
    nobody's can be shown as such."""


def credit_among(name: str | None, groups: Sequence[dict[str, str]]) -> str | None:
    """The id ``name`` credits in the first group where it names someone (see :func:`people_for`)."""
    for people in groups:
        found = credit_for(name, people)
        if found is not None:
            return found
    return None


def capture(target: str, block: str, people: dict[str, str] | Sequence[dict[str, str]] | None = None) -> CaptureResult:
    """Every non-blank line of ``block`` as an item of ``target``, credited among ``people``
    (id → name, see :func:`participant_names`; or groups asked in turn, see :func:`people_for`);
    a credited item's ``said_by`` is that participant; a line whose ``@name`` names nobody keeps
    the name in its text, so nothing typed is lost. Refused lines are reported, the others kept."""
    groups = [people] if isinstance(people, dict) else list(people or [])
    items: list[tuple[BaseModel, str | None]] = []
    refused: list[tuple[int, Message]] = []
    named: list[str | None] = []
    for number, line in enumerate(_LINES.split(block), start=1):
        captured = parse_line(line)
        if captured is None:
            continue
        credit = credit_among(captured.credit, groups)
        if captured.credit is not None and credit is None:  # nobody by that name: the line is kept whole
            captured = Captured(line.strip(), captured.credit)
        try:
            item = item_for(target, captured)
        except CaptureRefused as error:
            refused.append((number, error.message))
            continue
        if credit is not None:
            item.said_by = credit  # type: ignore[attr-defined]
        items.append((item, credit))
        named.append(captured.credit)
    return CaptureResult(items, refused, named)
