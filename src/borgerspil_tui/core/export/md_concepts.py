"""The concept cards of the Markdown report: the method's eight elements, the ideas combined,
the prototype tests and the SUCCES rating. One card alone is the ``--concept`` handout."""

from __future__ import annotations

from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model.create import Concept
from borgerspil_tui.core.succes import check

_RATING_KEY = {"yes": "succes.yes", "partly": "succes.partly", "not-yet": "succes.not_yet"}


def _elements(doc: Doc, concept: Concept) -> list[list[str]]:
    """(element name, the concept's text for it) for the method's concept elements."""
    groups = {g.id: g.name for g in doc.project.focus.target_groups}
    values = {
        "title": concept.title,
        "difference": concept.difference,
        "contents": concept.contents,
        "target-group": ", ".join(groups.get(g, g) for g in concept.target_groups),
        "reflection": concept.reflection,
        "place": concept.place,
        "involved": concept.involved,
        "requirements": "\n".join(f"{n}. {r}" for n, r in enumerate(concept.requirements, start=1)),
    }
    return [[e.name(doc.lang), values.get(e.id, "")] for e in doc.method.concept_elements]


def concept_card(doc: Doc, concept: Concept, level: int = 3) -> None:
    """One concept card: status, the eight elements, ideas, tests, SUCCES and the pitch."""
    lang = doc.lang
    doc.heading(level, concept.title)
    doc.labelled(doc.say("status"), tr(lang, f"concept.status_{concept.status}"))
    doc.table([doc.say("col.element"), doc.say("col.content")], _elements(doc, concept))
    ideas = doc.idea_titles
    if concept.ideas:
        doc.labelled(doc.say("ideas"), ", ".join(ideas.get(i, i) for i in concept.ideas))
    doc.heading(level + 1, doc.say("tests"))
    if concept.tests:
        groups = {g.id: g.name for g in doc.project.focus.target_groups}
        doc.table([doc.say("col.date"), doc.say("col.with_whom"), doc.say("col.prototype"), doc.say("col.learned"),
                   doc.say("col.adjusted")],
                  [[t.date.isoformat() if t.date else "",
                    ", ".join(x for x in (groups.get(t.target_group or "", ""), t.with_whom) if x),
                    t.prototype, t.learned, t.adjusted] for t in concept.tests])
    else:
        doc.empty()
    doc.heading(level + 1, "SUCCES")
    result = check(concept, doc.method)
    doc.table([tr(lang, "succes.criterion"), tr(lang, "succes.rating"), tr(lang, "succes.evidence")],
              [[f"{c.letter} — {c.name(lang)}", tr(lang, _RATING_KEY[r.rating]), r.note] for c, r in result.ratings])
    doc.labelled(doc.say("verdict"), tr(lang, f"succes.verdict_{result.verdict}"))
    for _, rating in result.ratings:
        doc.quote(rating.quote)
    doc.labelled(doc.say("pitch"), concept.pitch)


def concepts(doc: Doc) -> None:
    """Every concept card in the project's order."""
    doc.heading(2, doc.say("part.concepts"))
    if not doc.project.create.concepts:
        doc.empty()
        return
    for concept in doc.project.create.concepts:
        concept_card(doc, concept)
