"""The Insistér and Organisation parts of the Markdown report: the value case along the bottom
lines; milestones (a gantt when dated), stakeholders, risks, the five aspects and the handover;
the organisation's self-assessment, reflections and empathy exercises."""

from __future__ import annotations

from borgerspil_tui.core.export import mermaid, resources_report, risk_report
from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.export.stakeholder_report import md_stakeholders


def value_case(doc: Doc) -> None:
    """The value case: one row per bottom line."""
    insist = doc.project.insist
    doc.heading(2, doc.say("part.value-case"))
    chosen = next((c.title for c in doc.project.create.concepts if c.id == insist.concept), None)
    if chosen:
        doc.labelled(doc.say("concept_forward"), chosen)
    if not insist.value_case:
        doc.empty()
        return
    lines = {b.id: b.name(doc.lang) for b in doc.method.bottom_lines}
    doc.table([doc.say(f"col.{c}") for c in ("bottom_line", "goal", "change", "measure", "baseline", "target")],
              [[lines.get(b.line, b.line), b.goal, b.change, b.measure, b.baseline, b.target]
               for b in insist.value_case])
    if insist.budget is not None:
        doc.labelled(doc.say("budget"), f"{insist.budget:,.0f} kr.".replace(",", "."))


def _milestone_table(doc: Doc) -> None:
    milestones = doc.project.insist.milestones
    titles = {m.id: m.title for m in milestones}
    doc.table([doc.say(f"col.{c}") for c in ("milestone", "due", "owner", "depends_on", "done")],
              [[m.title, m.due.isoformat() if m.due else "", m.owner,
                ", ".join(titles.get(d, d) for d in m.depends_on), doc.say("yes") if m.done else ""]
               for m in milestones])
    dated = sorted(((m.title, m.due, m.done) for m in milestones if m.due), key=lambda t: t[1])
    if dated:
        doc.raw(mermaid.gantt(doc.say("part.milestones"), dated))


def milestones(doc: Doc) -> None:
    """The implementation plan: milestones, stakeholders, risks, the aspects, the handover."""
    insist = doc.project.insist
    doc.heading(2, doc.say("part.milestones"))
    doc.heading(3, doc.say("milestones"))
    if insist.milestones:
        _milestone_table(doc)
    else:
        doc.empty()
    md_stakeholders(doc)
    risk_report.markdown(doc)
    resources_report.markdown(doc)
    doc.heading(3, doc.say("aspects"))
    aspects = doc.method.implementation_aspects
    if any(insist.aspects.get(a.id) for a in aspects):
        doc.table([doc.say("col.aspect"), doc.say("col.note")],
                  [[a.name(doc.lang), insist.aspects.get(a.id, "")] for a in aspects])
    else:
        doc.empty()
    doc.heading(3, doc.say("handover"))
    handover = insist.handover
    if handover.to or handover.date or handover.notes:
        doc.labelled(doc.say("handover_to"), handover.to)
        doc.labelled(doc.say("date"), handover.date.isoformat() if handover.date else "")
        doc.para(handover.notes)
    else:
        doc.empty()


def organisation(doc: Doc) -> None:
    """Where the organisation places itself on each dimension (1 system-centred … 5
    citizen-centred), its reflections and the empathy exercises."""
    org = doc.project.organisation
    info = doc.method.organisation
    doc.heading(2, doc.say("part.organisation"))
    if not (org.assessment or org.reflections or org.exercises):
        doc.empty()
        return
    doc.heading(3, doc.say("assessment"))
    doc.note(doc.say("scale"))
    doc.table([doc.say("col.dimension"), doc.say("col.position"), doc.say("col.note")],
              [[d.name(doc.lang), str(org.assessment[d.id].position or "") if d.id in org.assessment else "",
                org.assessment[d.id].note if d.id in org.assessment else ""] for d in info.dimensions])
    if org.reflections:
        doc.heading(3, doc.say("reflections"))
        questions = {q.id: q.text(doc.lang) for q in info.reflection_questions}
        for qid, answer in org.reflections.items():
            doc.labelled(questions.get(qid, qid), answer)
    if org.exercises:
        doc.heading(3, doc.say("exercises"))
        names = {e.id: e.name(doc.lang) for e in info.empathy_exercises}
        doc.table([doc.say("col.exercise"), doc.say("col.date"), doc.say("col.note")],
                  [[names.get(e.exercise, e.exercise), e.date.isoformat() if e.date else "", e.notes]
                   for e in org.exercises])
