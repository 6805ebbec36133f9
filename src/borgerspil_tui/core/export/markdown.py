"""The Markdown report (GitHub- and GitLab-flavoured): the project's title, then each chosen
part of :data:`borgerspil_tui.core.export.PARTS` in the method's order, or one concept card as a
handout. Diagrams are mermaid blocks (core/export/mermaid); every user text is escaped for where
it lands (core/export/md_escape) and no HTML is written at all. No Textual here."""

from __future__ import annotations

from collections.abc import Callable

from borgerspil_tui.core.export.md_concepts import concept_card, concepts
from borgerspil_tui.core.export.md_create import matrix, votes, what_ifs
from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.export.md_experience import observations
from borgerspil_tui.core.export.md_focus import (
    knowledge,
    process,
    target_groups,
    tree,
    value,
)
from borgerspil_tui.core.export.md_insist import milestones, organisation, value_case
from borgerspil_tui.core.export.md_workshop import workshops
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.overview import next_suggestion, project_status


def status(doc: Doc) -> None:
    """The project and its status: parts done, checklists answered, the next step."""
    doc.heading(2, doc.say("part.status"))
    statuses = project_status(doc.project, doc.method, doc.lang)
    rows = []
    for part in statuses:
        known = [s for s in part.steps if s.done is not None]
        done = sum(1 for s in known if s.done)
        checklist = (doc.say("checklist", answered=part.checklist.answered, total=part.checklist.total,
                           percent=part.checklist.percent)
                     if part.checklist and part.checklist.total else "—")
        rows.append([part.name, doc.say("steps_done", done=done, total=len(known)), checklist,
                     f"{round(part.progress * 100)} %"])
    doc.table([doc.say("col.part"), doc.say("col.steps"), doc.say("col.checklist"), doc.say("col.progress")], rows)
    suggestion = next_suggestion(statuses)
    if suggestion is None:
        doc.labelled(doc.say("next"), doc.say("all_done"))
    else:
        part, step = suggestion
        doc.labelled(doc.say("next"), f"{part.name}: {step.name}")
    team = doc.project.readiness.team
    if team:
        doc.labelled(doc.say("team"), ", ".join(f"{m.name} ({m.role})" if m.role else m.name for m in team))
    notes = doc.project.readiness.considerations
    if any(notes.values()):
        doc.heading(3, doc.say("considerations"))
        for item in doc.method.readiness.considerations:
            doc.labelled(item.name(doc.lang), notes.get(item.id, ""))


RENDERERS: dict[str, Callable[[Doc], None]] = {
    "status": status,
    "tree": tree,
    "knowledge": knowledge,
    "value": value,
    "target-groups": target_groups,
    "process": process,
    "observations": observations,
    "what-ifs": what_ifs,
    "matrix": matrix,
    "votes": votes,
    "concepts": concepts,
    "value-case": value_case,
    "milestones": milestones,
    "organisation": organisation,
    "workshops": workshops,
}
"""Each part's writer, by the part's name in PARTS."""


def render_markdown(project: Project, *, method: Method, lang: str, parts: tuple[str, ...],
                    concept: str | None, redacted: bool) -> str:
    """The report as Markdown: ``parts`` in order, or only the concept card ``concept`` (its
    id) as a handout; ``redacted`` adds a line saying names and quotes are hidden."""
    doc = Doc(project, method, lang)
    doc.heading(1, project.title)
    if redacted:
        doc.note(tr(lang, "report.redacted_note"))
    if concept is not None:
        found = next((c for c in project.create.concepts if c.id == concept), None)
        if found is None:
            doc.empty("no_such_concept")
        else:
            concept_card(doc, found, level=2)
        return doc.text()
    for name in parts:
        RENDERERS[name](doc)
    return doc.text()
