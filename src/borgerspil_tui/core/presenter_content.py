"""What the presenter view shows besides the timer, headless: what an activity captured (newest
first, with who said it), the agenda's place, and which concept to show. No Textual here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.workshop import Activity, Workshop


@dataclass(frozen=True)
class CapturedLine:
    """One item an activity captured: its text on one line, and the name of who said it (or "")."""

    id: str
    text: str
    said_by: str = ""


def _nodes(nodes: list[TreeNode]) -> Iterator[TreeNode]:
    for node in nodes:
        yield node
        yield from _nodes(node.children)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def item_texts(project: Project) -> dict[str, tuple[str, str | None]]:
    """Every item fast capture can add, by id: its text and who said it (a participant id)."""
    found: dict[str, tuple[str, str | None]] = {}
    for node in _nodes([*project.focus.causes, *project.focus.consequences]):
        found[node.id] = (node.text, node.said_by)
    for observation in project.experience.observations:
        found[observation.id] = (observation.what, observation.said_by)
    for insight in project.experience.insights:
        found[insight.id] = (insight.statement, insight.said_by)
    for idea in project.create.ideas:
        found[idea.id] = (idea.title, idea.said_by)
    for what_if in project.create.what_ifs:
        found[what_if.id] = (what_if.question, what_if.said_by)
    return found


def people(project: Project) -> dict[str, str]:
    """Team members and guests, id → name."""
    names = {member.id: member.name for member in project.readiness.team}
    names.update((guest.id, guest.name) for guest in project.create.guests)
    return names


def captured(project: Project, workshop: Workshop, activity: str) -> list[CapturedLine]:
    """What ``activity`` captured (its log entry's ``captured``), newest first; an item deleted
    since is left out."""
    entry = next((e for e in workshop.log if e.activity == activity), None)
    if entry is None or not entry.captured:
        return []
    texts, names = item_texts(project), people(project)
    lines: list[CapturedLine] = []
    for item in reversed(entry.captured):
        if item in texts:
            text, said_by = texts[item]
            lines.append(CapturedLine(item, _one_line(text), names.get(said_by or "", "")))
    return lines


def place(workshop: Workshop, activity: str) -> tuple[int, Activity | None]:
    """The activity's number on the agenda (from 1; 0 when it is not there) and the next one."""
    for index, found in enumerate(workshop.agenda):
        if found.id == activity:
            following = workshop.agenda[index + 1] if index + 1 < len(workshop.agenda) else None
            return index + 1, following
    return 0, None


def concept_to_show(project: Project, current: str | None) -> Concept | None:
    """The concept to put on the wall: the one the facilitator last opened, else the first
    chosen one, else the first."""
    concepts = project.create.concepts
    return (next((c for c in concepts if c.id == current), None)
            or next((c for c in concepts if c.status == "chosen"), None)
            or (concepts[0] if concepts else None))
