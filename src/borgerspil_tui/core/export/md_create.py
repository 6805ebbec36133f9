"""The Skab parts of the Markdown report before the concepts: what-if questions, the
prioritisation matrix sorted by rank with its weights and the 2×2, and the dot votes."""

from __future__ import annotations

from borgerspil_tui.core import matrix as two_by_two
from borgerspil_tui.core.derived import effective_weights, rank_ideas
from borgerspil_tui.core.export import mermaid
from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.export.md_fishbone import fishbones
from borgerspil_tui.core.i18n import tr


def what_ifs(doc: Doc) -> None:
    """The "what if?" questions, each with the insight it builds on."""
    doc.heading(2, doc.say("part.what-ifs"))
    questions = doc.project.create.what_ifs
    if not questions:
        doc.empty()
        return
    insights = {i.id: i.statement for i in doc.project.experience.insights}
    doc.items([q.question + (f" ({doc.say('from_insight')}: {insights[q.insight]})"
                             if q.insight in insights else "") for q in questions])


def _weight(value: float) -> str:
    return f"{value:g}"


def matrix(doc: Doc) -> None:
    """The matrix sorted by rank (the weights stated), then the 2×2 as a quadrant chart."""
    create = doc.project.create
    fishbones(doc)  # the fishbones (their own heading) come before the ideas they gave
    doc.heading(2, doc.say("part.matrix"))
    if not create.ideas:
        doc.empty()
        return
    criteria = doc.method.criteria
    weights = effective_weights(doc.project, doc.method)
    doc.labelled(doc.say("weights"), ", ".join(f"{c.name(doc.lang)} {_weight(weights[c.id])}" for c in criteria))
    doc.note(doc.say("rank_rule_votes") if create.votes_in_ranking else doc.say("rank_rule"))
    ranked = rank_ideas(doc.project, doc.method)
    header = [doc.say("col.rank"), doc.say("col.idea"), *[c.name(doc.lang) for c in criteria],
              doc.say("col.score"), doc.say("col.dots"), doc.say("col.chosen")]
    rows = [[str(r.rank), r.idea.title, *[str(r.idea.scores.get(c.id, "")) for c in criteria],
             f"{r.score:.2f}", str(r.dots or ""), doc.say("yes") if r.idea.chosen else ""] for r in ranked]
    doc.table(header, rows)
    doc.heading(3, doc.say("two_by_two"))
    ids = [c.id for c in criteria]
    vertical, horizontal = two_by_two.MatrixView().fitted_axes(ids)
    names = {c.id: c.name(doc.lang) for c in criteria}
    placement = two_by_two.place(ranked, vertical, horizontal)
    points = []
    for (y, x), items in placement.cells.items():
        for offset, item in enumerate(items):
            spread = 0.03 * offset
            points.append((f"{item.rank}. {item.idea.title}", min(1.0, x / 5 - 0.05 + spread),
                           min(1.0, y / 5 - 0.05 + spread)))
    low, high = doc.say("low"), doc.say("high")
    doc.raw(mermaid.quadrant(doc.say("two_by_two"), (f"{names[vertical]} {low}", f"{names[vertical]} {high}"),
                             (f"{names[horizontal]} {low}", f"{names[horizontal]} {high}"),
                             [tr(doc.lang, f"matrix.q_{q}") for q in ("do-now", "plan", "drop", "maybe")], points))
    if placement.unplaced:
        doc.labelled(doc.say("unplaced"), ", ".join(f"{r.rank}. {r.idea.title}" for r in placement.unplaced))


def votes(doc: Doc) -> None:
    """The dots each idea got, most first, and who voted."""
    create = doc.project.create
    doc.heading(2, doc.say("part.votes"))
    if not create.votes:
        doc.empty()
        return
    doc.note(doc.say("dots_each", n=create.dots_per_person))
    ranked = sorted((r for r in rank_ideas(doc.project, doc.method) if r.dots),
                    key=lambda r: (-r.dots, r.rank))
    doc.table([doc.say("col.idea"), doc.say("col.dots")], [[r.idea.title, str(r.dots)] for r in ranked])
    people = {m.id: m.name for m in doc.project.readiness.team} | {g.id: g.name for g in create.guests}
    voters = sorted({v.voter for v in create.votes}, key=lambda v: people.get(v, v))
    doc.labelled(doc.say("voters"), ", ".join(people.get(v, v) for v in voters))
