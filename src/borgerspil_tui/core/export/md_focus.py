"""The Fokusér parts of the Markdown report: the problem tree, what we know and assume, value
and success, target groups, the process grid."""

from __future__ import annotations

from borgerspil_tui.core.export import mermaid
from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.export.md_escape import md_block
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.tree_ops import evidence


def _outline(doc: Doc, nodes: list[TreeNode], notes: dict[str, str], pad: str = "") -> list[tuple[str, str]]:
    """The tree as (indent, text) pairs for the nested list under the diagram."""
    lines: list[tuple[str, str]] = []
    for node in nodes:
        extra = [doc.say("uncertain")] if node.uncertain else []
        if node.id in notes:
            extra.append(notes[node.id])
        lines.append((pad, node.text + (f" ({', '.join(extra)})" if extra else "")))
        lines += _outline(doc, node.children, notes, pad + "  ")
    return lines


def _tree_list(doc: Doc, nodes: list[TreeNode], notes: dict[str, str]) -> None:
    lines = [pad + "- " + (md_block(text, pad + "  ") or "—") for pad, text in _outline(doc, nodes, notes)]
    doc.raw("\n".join(lines))


def tree(doc: Doc) -> None:
    """The problem tree as a mermaid flowchart (consequences above, causes below, uncertain
    links dashed, evidence counts on causes), then the same as lists for readers without mermaid."""
    focus = doc.project.focus
    doc.heading(2, doc.say("part.tree"))
    if not (focus.problem or focus.causes or focus.consequences):
        doc.empty()
        return
    notes = {cause: doc.say("evidence", supports=pair[0], contradicts=pair[1])
             for cause, pair in evidence(doc.project).items()}
    doc.raw(mermaid.flowchart(focus.problem, focus.causes, focus.consequences, notes, doc.say("no_problem")))
    doc.note(doc.say("tree_legend"))
    doc.labelled(doc.say("problem"), focus.problem)
    for key, nodes in (("consequences", focus.consequences), ("causes", focus.causes)):
        doc.heading(3, doc.say(key))
        if nodes:
            _tree_list(doc, nodes, notes)
        else:
            doc.empty()


def knowledge(doc: Doc) -> None:
    """Why it matters, what we know, what we don't know, and the assumptions with their status."""
    focus = doc.project.focus
    doc.heading(2, doc.say("part.knowledge"))
    if not (focus.why_it_matters or focus.known or focus.unknown or focus.assumptions):
        doc.empty()
        return
    for key, notes in (("why", focus.why_it_matters), ("known", focus.known), ("unknown", focus.unknown)):
        doc.heading(3, doc.say(key))
        if notes:
            doc.items([n.text for n in notes])
        else:
            doc.empty()
    doc.heading(3, doc.say("assumptions"))
    if focus.assumptions:
        doc.table([doc.say("col.assumption"), doc.say("col.status"), doc.say("col.note")],
                  [[a.text, doc.say("assumption." + a.status), a.note] for a in focus.assumptions])
    else:
        doc.empty()


def value(doc: Doc) -> None:
    """The value goals by kind, the picture of success, the change wanted, and if we fail."""
    focus = doc.project.focus
    doc.heading(2, doc.say("part.value"))
    if not (focus.values or focus.success_picture or focus.desired_change or focus.if_we_fail):
        doc.empty()
        return
    kinds = {k.id: k.name(doc.lang) for k in doc.method.value_kinds}
    if focus.values:
        doc.table([doc.say("col.value"), doc.say("col.goal")],
                  [[kinds.get(v.kind, v.kind), v.goal] for v in focus.values])
    doc.labelled(doc.say("success_picture"), focus.success_picture)
    doc.labelled(doc.say("desired_change"), focus.desired_change)
    doc.labelled(doc.say("if_we_fail"), focus.if_we_fail)


def target_groups(doc: Doc) -> None:
    """Each target group with its description and why it was chosen."""
    doc.heading(2, doc.say("part.target-groups"))
    groups = doc.project.focus.target_groups
    if not groups:
        doc.empty()
        return
    for group in groups:
        doc.heading(3, group.name)
        doc.note(doc.say("primary") if group.primary else doc.say("secondary"))
        doc.para(group.description)
        doc.labelled(doc.say("why_group"), group.why)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value:g}"


def process(doc: Doc) -> None:
    """The process design grid: one row per phase."""
    doc.heading(2, doc.say("part.process"))
    rows = doc.project.focus.process
    if not rows:
        doc.empty()
        return
    phases = {p.id: p.name(doc.lang) for p in doc.method.phases}
    doc.table([doc.say(f"col.{c}") for c in ("phase", "timeframe", "weeks", "methods", "deliverables",
                                           "people", "external", "budget", "done_by", "critical")],
              [[phases.get(r.phase, r.phase), r.timeframe, _number(r.weeks), r.methods, r.deliverables,
                r.people, r.external, _number(r.budget), doc.say("done_by." + r.done_by), r.critical_points]
               for r in rows])
