"""The HTML report's later parts: dot votes, concept cards (the eight elements, tests, SUCCES),
the value case, milestones with the five aspects and the handover, the organisation. Plain data
for the template, which escapes every text. No I/O, no UI.
"""

from __future__ import annotations

from borgerspil_tui.core.export import resources_report, risk_report
from borgerspil_tui.core.export.html_parts import Block, _fields, _list, _yes
from borgerspil_tui.core.export.stakeholder_report import html_stakeholders
from borgerspil_tui.core.export.svg import timeline_svg
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept


def votes(p: Project, m: Method, lang: str) -> list[Block]:
    """Who gave which idea how many dots."""
    people = {t.id: t.name for t in p.readiness.team} | {g.id: g.name for g in p.create.guests}
    ideas = {i.id: i.title for i in p.create.ideas}
    rows = [[people.get(v.voter, v.voter), ideas.get(v.idea, v.idea), str(v.dots)] for v in p.create.votes]
    head = [tr(lang, "report.html.voter"), tr(lang, "report.html.idea"), tr(lang, "report.html.dots")]
    return [Block("text", data=tr(lang, "report.html.dots_per_person", dots=p.create.dots_per_person)),
            Block("table", data=rows, head=head)]


def card(p: Project, m: Method, lang: str, c: Concept, ideas: dict[str, str] | None = None) -> Block:
    """One concept card: its eight elements, the ideas it combines, its tests, its SUCCES rating.
    ``ideas``: the ideas' titles by id, made once for many cards."""
    groups = {g.id: g.name for g in p.focus.target_groups}
    ideas = {i.id: i.title for i in p.create.ideas} if ideas is None else ideas
    values = {"title": c.title, "difference": c.difference, "contents": c.contents,
              "target-group": ", ".join(groups.get(g, g) for g in c.target_groups),
              "reflection": c.reflection, "place": c.place, "involved": c.involved}
    elements = [(e.name(lang), values.get(e.id, "")) for e in m.concept_elements
                if e.id not in ("title", "requirements")]
    requirements = next((e.name(lang) for e in m.concept_elements if e.id == "requirements"), "")
    blocks = [_fields(elements), _list(requirements, list(c.requirements)),
              _list(tr(lang, "report.html.ideas"), [ideas.get(i, i) for i in c.ideas])]
    tests = [[t.date.isoformat() if t.date else "", groups.get(t.target_group or "", "") or t.with_whom,
              t.prototype, t.learned, t.adjusted] for t in c.tests]
    if tests:
        head = [tr(lang, f"report.html.{k}") for k in ("date", "tested_with", "prototype", "learned", "adjusted")]
        blocks.append(Block("table", tr(lang, "report.html.tests"), data=tests, head=head, nowrap=(0,)))
    rating = {"yes": "succes.yes", "partly": "succes.partly", "not-yet": "succes.not_yet"}
    succes = []
    for criterion in m.succes:
        given = c.succes.get(criterion.id)
        note = " ".join(x for x in (given.note, f"“{given.quote}”" if given.quote else "") if x) if given else ""
        succes.append([f"{criterion.letter} · {criterion.name(lang)}",
                       tr(lang, rating[given.rating if given else "not-yet"]), note])
    head = [tr(lang, "succes.criterion"), tr(lang, "succes.rating"), tr(lang, "succes.evidence")]
    blocks.append(Block("table", tr(lang, "report.html.succes"), data=succes, head=head))
    blocks.append(_fields([(tr(lang, "report.html.pitch"), c.pitch)]))
    status = tr(lang, f"concept.status_{c.status}")
    return Block("card", c.title, data=(status, blocks))


def concepts(p: Project, m: Method, lang: str) -> list[Block]:
    """Every concept card, each on its own printed page."""
    ideas = {i.id: i.title for i in p.create.ideas}
    return [card(p, m, lang, c, ideas) for c in p.create.concepts]


def value_case(p: Project, m: Method, lang: str) -> list[Block]:
    """The value case along the four bottom lines."""
    names = {b.id: b.name(lang) for b in m.bottom_lines}
    rows = [[names.get(b.line, b.line), b.goal, b.change, b.measure, b.baseline, b.target]
            for b in p.insist.value_case]
    head = [tr(lang, f"report.html.{k}") for k in ("line", "goal", "change", "measure", "baseline", "target")]
    return [Block("table", data=rows, head=head)]


def milestones(p: Project, m: Method, lang: str) -> list[Block]:
    """The milestones, the notes on the five implementation aspects, and the handover."""
    titles = {s.id: s.title for s in p.insist.milestones}
    rows = [[s.title, s.due.isoformat() if s.due else "", s.owner, ", ".join(titles.get(d, d) for d in s.depends_on),
             _yes(lang, s.done)] for s in p.insist.milestones]
    head = [tr(lang, f"report.html.{k}") for k in ("milestone", "due", "owner", "depends_on", "done")]
    aspects = [(a.name(lang), p.insist.aspects.get(a.id, "")) for a in m.implementation_aspects]
    h = p.insist.handover
    handover = tr(lang, "report.html.handover", to=h.to, date=h.date.isoformat() if h.date else "")
    chosen = next((c.title for c in p.create.concepts if c.id == p.insist.concept), "")
    blocks = [Block("text", data=tr(lang, "report.html.taken_forward", title=chosen))] if chosen else []
    timeline = timeline_svg([(s.title, s.due, s.done) for s in p.insist.milestones])
    if timeline is not None:
        blocks.append(Block("timeline", tr(lang, "report.html.timeline"), data=timeline))
    blocks += [Block("table", data=rows, head=head, nowrap=(1,)),
               Block("fields", tr(lang, "report.html.aspects"), data=[a for a in aspects if a[1]])]
    if h.to or h.date or h.notes:
        blocks.append(_fields([(handover, h.notes or "–")]))
    blocks += html_stakeholders(p, m, lang)
    blocks += risk_report.html_blocks(p, m, lang)
    blocks += resources_report.html_blocks(p, m, lang)
    return blocks


def organisation(p: Project, m: Method, lang: str) -> list[Block]:
    """Where the organisation stands on each dimension (1 system- … 5 citizen-centred)."""
    rows = []
    for d in m.organisation.dimensions:
        given = p.organisation.assessment.get(d.id)
        position = str(given.position) if given and given.position else "–"
        rows.append([d.name(lang), position, given.note if given else ""])
    head = [tr(lang, f"report.html.{k}") for k in ("dimension", "position", "note")]
    questions = [(q.text(lang), p.organisation.reflections.get(q.id, ""))
                 for q in m.organisation.reflection_questions]
    names = {e.id: e.name(lang) for e in m.organisation.empathy_exercises}
    exercises = [" – ".join(x for x in (names.get(e.exercise, e.exercise),
                                         e.date.isoformat() if e.date else "", e.notes) if x)
                 for e in p.organisation.exercises]
    return [Block("table", data=rows, head=head),
            Block("fields", tr(lang, "report.html.reflections"), data=[q for q in questions if q[1]]),
            _list(tr(lang, "report.html.exercises"), exercises)]
