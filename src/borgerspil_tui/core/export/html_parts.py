"""What each part of the HTML report shows, as plain data for the template: a part is a heading
and a list of blocks (a table, a list, labelled texts, quotes, a picture, concept cards). Every
text stays a plain string here; the template escapes it (autoescape). No I/O, no UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.export.svg import quadrant_svg, tree_svg
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.matrix import MatrixView
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.overview import next_suggestion, project_status


@dataclass
class Block:
    """One piece of a part: ``kind`` names the template macro that draws it."""

    kind: str
    """``table``, ``list``, ``fields``, ``quotes``, ``text``, ``heading``, ``tree``, ``quadrant`` or ``card``."""
    title: str = ""
    data: Any = None
    head: list[str] = field(default_factory=list)
    nowrap: tuple[int, ...] = ()
    """Columns of a table kept on one line (dates, numbers)."""


@dataclass
class Section:
    """A part of the report: it starts on a new page when printed."""

    id: str
    heading: str
    blocks: list[Block] = field(default_factory=list)


def _fields(pairs: list[tuple[str, str]]) -> Block:
    return Block("fields", data=[(label, text) for label, text in pairs if text])


def _list(title: str, items: list[str]) -> Block:
    return Block("list", title, data=[i for i in items if i])


def _yes(lang: str, value: bool) -> str:
    return tr(lang, "report.html.yes" if value else "report.html.no")


def status(p: Project, m: Method, lang: str) -> list[Block]:
    """The project's parts with their progress and checklists, the next step, the team."""
    statuses = project_status(p, m, lang)
    rows = []
    for s in statuses:
        check = f"{s.checklist.answered}/{s.checklist.total}" if s.checklist else ""
        rows.append([s.name, f"{round(s.progress * 100)} %", check])
    head = [tr(lang, k) for k in ("report.html.part_col", "report.html.progress", "report.html.checklist")]
    found = next_suggestion(statuses)
    step = (tr(lang, "report.html.next", part=found[0].name, step=found[1].name) if found
            else tr(lang, "report.html.all_done"))
    team = [f"{t.name} ({t.role})" if t.role else t.name for t in p.readiness.team]
    considerations = [(c.name(lang), p.readiness.considerations.get(c.id, ""))
                      for c in m.readiness.considerations]
    return [Block("table", data=rows, head=head, nowrap=(1, 2)), Block("text", data=step),
            _list(tr(lang, "report.html.team"), team),
            Block("fields", tr(lang, "report.html.considerations"), data=[c for c in considerations if c[1]])]


def _evidence(p: Project, lang: str) -> dict[str, str]:
    support: dict[str, int] = {}
    against: dict[str, int] = {}
    for insight in p.experience.insights:
        for node in insight.supports:
            support[node] = support.get(node, 0) + 1
        for node in insight.contradicts:
            against[node] = against.get(node, 0) + 1
    return {n: tr(lang, "report.html.evidence", support=support.get(n, 0), against=against.get(n, 0))
            for n in set(support) | set(against)}


def _outline(nodes: list[TreeNode]) -> list[tuple[str, bool, list]]:
    return [(n.text, n.uncertain, _outline(n.children)) for n in nodes]


def tree(p: Project, m: Method, lang: str) -> list[Block]:
    """The tree as an SVG picture, and the same as nested lists (for screen readers and search)."""
    f = p.focus
    picture = tree_svg(f.problem, f.causes, f.consequences, label=tr(lang, "report.html.tree_label"),
                       empty=tr(lang, "report.html.tree_empty"), notes=_evidence(p, lang))
    outline = {"problem": f.problem, "causes": _outline(f.causes),
               "consequences": _outline(f.consequences)}
    return [Block("tree", tr(lang, "report.html.tree_alt"), data=(picture, outline))]


def knowledge(p: Project, m: Method, lang: str) -> list[Block]:
    """What we know, don't know, why it matters, and the assumptions."""
    f = p.focus
    rows = [[a.text, tr(lang, f"report.html.assume_{a.status}"), a.note] for a in f.assumptions]
    head = [tr(lang, "report.html.assumptions"), tr(lang, "report.html.status"), tr(lang, "report.html.note")]
    return [_fields([(tr(lang, "report.html.problem"), f.problem)]),
            _list(tr(lang, "report.html.why"), [n.text for n in f.why_it_matters]),
            _list(tr(lang, "report.html.known"), [n.text for n in f.known]),
            _list(tr(lang, "report.html.unknown"), [n.text for n in f.unknown]),
            Block("table", data=rows, head=head)]


def _kind_name(m: Method, kind: str, lang: str) -> str:
    return next((v.name(lang) for v in m.value_kinds if v.id == kind), kind)


def value(p: Project, m: Method, lang: str) -> list[Block]:
    """The kinds of value with their goals, and the picture of success."""
    f = p.focus
    rows = [[_kind_name(m, v.kind, lang), v.goal] for v in f.values]
    return [Block("table", data=rows, head=[tr(lang, "report.html.kind"), tr(lang, "report.html.goal")]),
            _fields([(tr(lang, "report.html.success_picture"), f.success_picture),
                     (tr(lang, "report.html.desired_change"), f.desired_change),
                     (tr(lang, "report.html.if_we_fail"), f.if_we_fail)])]


def target_groups(p: Project, m: Method, lang: str) -> list[Block]:
    """The target groups as a table."""
    rows = [[g.name, g.description, g.why, _yes(lang, g.primary)] for g in p.focus.target_groups]
    head = [tr(lang, f"report.html.{k}") for k in ("name", "description", "group_why", "primary")]
    return [Block("table", data=rows, head=head)]


def process(p: Project, m: Method, lang: str) -> list[Block]:
    """The process design grid: one row per phase."""
    names = {ph.id: ph.name(lang) for ph in m.phases}
    rows = [[names.get(r.phase, r.phase), r.timeframe, r.methods, r.deliverables, r.people,
             "" if r.budget is None else f"{r.budget:,.0f}", r.critical_points] for r in p.focus.process]
    head = [tr(lang, f"report.html.{k}") for k in
            ("phase", "timeframe", "methods", "deliverables", "people", "budget", "critical")]
    return [Block("table", data=rows, head=head)]


def observations(p: Project, m: Method, lang: str) -> list[Block]:
    """Observations (with citizens' quotes as quotes) and insights, eye-openers marked."""
    blocks = []
    for o in p.experience.observations:
        date = o.date.isoformat() if o.date else ""
        blocks.append(_fields([(tr(lang, "report.html.date"), date), (tr(lang, "report.html.where"), o.place),
                               (tr(lang, "report.html.who"), o.who), (tr(lang, "report.html.what"), o.what)]))
        if o.quotes:
            blocks.append(Block("quotes", data=list(o.quotes)))
    from borgerspil_tui.core.export.html_groups import groups  # it builds on Block, defined here
    blocks += groups(p, lang)
    eye = tr(lang, "report.html.eye_opener")
    rows = [[i.statement, eye if i.eye_opener else ""] for i in p.experience.insights]
    blocks.append(Block("table", tr(lang, "report.html.insights"), data=rows,
                        head=[tr(lang, "report.html.insights"), eye]))
    return blocks


def what_ifs(p: Project, m: Method, lang: str) -> list[Block]:
    """The what-if questions."""
    return [_list("", [w.question for w in p.create.what_ifs])]


def matrix(p: Project, m: Method, lang: str) -> list[Block]:
    """The ideas by rank with their scores and the weights stated, and the 2×2."""
    from borgerspil_tui.core.derived import effective_weights

    weights = effective_weights(p, m)
    names = {c.id: c.name(lang) for c in m.criteria}
    stated = ", ".join(f"{names[c]} {w:g}" for c, w in weights.items())
    ranked = rank_ideas(p, m)
    rows = [[str(r.rank), r.idea.title, *[str(r.idea.scores.get(c, "–")) for c in names],
             f"{r.score:.2f}", str(r.dots), _yes(lang, r.idea.chosen)] for r in ranked]
    head = [tr(lang, "report.html.rank"), tr(lang, "report.html.idea"), *names.values(),
            tr(lang, "report.html.score"), tr(lang, "report.html.dots"), tr(lang, "report.html.chosen")]
    vertical, horizontal = MatrixView().fitted_axes(list(names))
    picture = quadrant_svg(ranked, vertical, horizontal)
    quadrants = {q: tr(lang, f"matrix.q_{q}") for q in ("do-now", "plan", "maybe", "drop")}
    title = tr(lang, "report.html.two_by_two", vertical=names[vertical], horizontal=names[horizontal])
    unplaced = tr(lang, "report.html.unplaced", ideas=", ".join(picture.unplaced)) if picture.unplaced else ""
    from borgerspil_tui.core.export.html_fishbone import fishbones  # it builds on Block, defined here
    return [*fishbones(p, lang), Block("text", data=tr(lang, "report.html.weights", weights=stated)),
            Block("table", data=rows, head=head),
            Block("quadrant", title, data=(picture, quadrants, names[vertical], names[horizontal], unplaced))]


Builder = Callable[[Project, Method, str], list[Block]]
