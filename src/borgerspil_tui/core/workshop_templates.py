"""Workshop agendas to start from: the method's templates for each phase (``workshop_templates``
in the method file), and the project's own process design (the phase's methods and timeframe).

Every agenda made here is a list of new :class:`Activity` items with fresh ids, in the language
asked for: the project's (``project.language``), never the app's, as the activities go into the
project and the room reads them; the workshop screen appends them to a workshop's agenda as one
undoable step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from borgerspil_tui.core.changes import AddItem, Change, Path
from borgerspil_tui.core.method import Method, TemplateActivity, WorkshopTemplate
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.base import Phase
from borgerspil_tui.core.model.workshop import Activity, Target

PHASES: tuple[Phase, ...] = ("focus", "experience", "create", "insist")

PROCESS_MINUTES = 30
"""The timebox of an activity the process design names that no template activity matches."""

TARGET_WORDS: dict[Target, tuple[str, ...]] = {
    "what_ifs": ("hvad nu hvis", "what if", "what-if"),
    "votes": ("prikstem", "prikker", "dot vot", "dot-vot", "dots"),
    "causes": ("problemtræ", "problem tree", "årsag", "cause"),
    "consequences": ("konsekvens", "consequence"),
    "insights": ("indsigt", "insight"),
    "observations": ("observ", "hjemmebesøg", "home visit", "interview", "feltarbejde", "felten", "field work"),
    "ideas": ("brainstorm", "idé", "idea"),
}
"""Words in a method's name that say what it produces, checked in this order (a "what if"
question is not an idea; "idé" is the widest)."""


def templates(method: Method, phase: str | None = None) -> list[WorkshopTemplate]:
    """The method's agenda templates, all of them or one phase's, in the method file's order."""
    return [t for t in method.workshop_templates if phase is None or t.phase == phase]


def find_template(method: Method, template_id: str) -> WorkshopTemplate | None:
    """The template with this id, or None."""
    return next((t for t in method.workshop_templates if t.id == template_id), None)


def total_minutes(template: WorkshopTemplate) -> int:
    """How long the template's agenda takes."""
    return sum(a.minutes for a in template.activities)


def _activity(source: TemplateActivity, lang: str, title: str | None = None) -> Activity:
    return Activity(title=title or source.title(lang), minutes=source.minutes, target=source.target,
                    question=source.question(lang) if source.question else "")


def fresh_ids(activities: list[Activity], taken: Iterable[str] = ()) -> list[Activity]:
    """The activities with ids unique among themselves and not in ``taken`` (new ones drawn)."""
    used = set(taken)
    out: list[Activity] = []
    for activity in activities:
        while activity.id in used:
            activity = activity.model_copy(update={"id": Activity(title="x").id})
        used.add(activity.id)
        out.append(activity)
    return out


def agenda_from(template: WorkshopTemplate, lang: str, taken: Iterable[str] = ()) -> list[Activity]:
    """The template's activities in ``lang`` as new agenda items (fresh ids, none in ``taken``)."""
    return fresh_ids([_activity(a, lang) for a in template.activities], taken)


# -- from the process design ---------------------------------------------------------------------
def process_methods(project: Project, phase: str) -> list[str]:
    """The methods the process design names for ``phase``: its lines, split at commas and semicolons."""
    row = next((r for r in project.focus.process if r.phase == phase), None)
    if row is None:
        return []
    parts = re.split(r"[\n,;]+", row.methods)
    return [p.strip(" \t-•*.") for p in parts if p.strip(" \t-•*.")]


def process_hint(project: Project, phase: str, lang: str) -> str:
    """The phase's timeframe in the process design (``Februar, 3 uger``), or ''."""
    from borgerspil_tui.core.i18n import tr

    row = next((r for r in project.focus.process if r.phase == phase), None)
    if row is None:
        return ""
    weeks = "" if row.weeks is None else tr(lang, "workshop.weeks", weeks=row.weeks, shown=f"{row.weeks:g}")
    return ", ".join(part for part in (row.timeframe.strip(), weeks) if part)


def target_of(text: str) -> Target | None:
    """What a method named in ``text`` produces, by its words (None: a talk, a presentation …)."""
    folded = text.casefold()
    for target, words in TARGET_WORDS.items():
        if any(word in folded for word in words):
            return target
    return None


def _stems(text: str) -> set[str]:
    return {word[:6] for word in re.findall(r"\w+", text.casefold()) if len(word) >= 5}


def _match(text: str, candidates: list[TemplateActivity]) -> TemplateActivity | None:
    """The template activity whose title (in either language) shares the most words with ``text``
    and produces the same kind of items; None when none shares a word."""
    wanted = target_of(text)
    stems = _stems(text)
    best, best_score = None, 0
    for candidate in candidates:
        if wanted is not None and candidate.target != wanted:
            continue
        score = len(stems & (_stems(candidate.title.da) | _stems(candidate.title.en)))
        if score > best_score:
            best, best_score = candidate, score
    return best


def agenda_from_process(project: Project, method: Method, phase: str, lang: str,
                        taken: Iterable[str] = ()) -> list[Activity]:
    """An agenda from the process design's methods for ``phase``: each named method one activity
    with the team's words as its title; its timebox, target and question from the phase's template
    activity it matches, else :data:`PROCESS_MINUTES` and the target its words suggest."""
    candidates = [a for t in templates(method, phase) for a in t.activities]
    made: list[Activity] = []
    for text in process_methods(project, phase):
        title = text[:1].upper() + text[1:200]
        found = _match(text, candidates)
        if found is not None:
            made.append(_activity(found, lang, title))
        else:
            made.append(Activity(title=title, minutes=PROCESS_MINUTES, target=target_of(text)))
    return fresh_ids(made, taken)


def append_changes(agenda: Path, size: int, activities: list[Activity]) -> list[Change]:
    """The changes that put ``activities`` at the end of the agenda at ``agenda`` (``size`` items
    long now), to be applied as one step."""
    return [AddItem(agenda, size + offset, activity.model_dump()) for offset, activity in enumerate(activities)]
