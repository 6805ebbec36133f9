"""The Oplev part of the Markdown report: observations (citizens' quotes as quotes) and the
insights drawn from them (eye-openers marked, the causes they support or contradict)."""

from __future__ import annotations

from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.export.md_groups import groups
from borgerspil_tui.core.model.focus import TreeNode


def _cause_texts(nodes: list[TreeNode], into: dict[str, str]) -> dict[str, str]:
    for node in nodes:
        into[node.id] = node.text
        _cause_texts(node.children, into)
    return into


def observations(doc: Doc) -> None:
    """Each observation (when, where, who, what, quotes, tags), then the insights."""
    experience = doc.project.experience
    doc.heading(2, doc.say("part.observations"))
    if not (experience.observations or experience.insights):
        doc.empty()
        return
    doc.heading(3, doc.say("observations"))
    if not experience.observations:
        doc.empty()
    titles: dict[str, str] = {}
    for number, obs in enumerate(experience.observations, start=1):
        titles[obs.id] = doc.say("observation_n", n=number)
        doc.heading(4, titles[obs.id])
        facts = [(doc.say("date"), obs.date.isoformat() if obs.date else ""), (doc.say("where"), obs.place),
                 (doc.say("who"), obs.who)]
        doc.items([f"{name}: {value}" for name, value in facts if value])
        doc.para(obs.what)
        for quote in obs.quotes:
            doc.quote(quote)
        if obs.tags:
            doc.labelled(doc.say("tags"), ", ".join(obs.tags))
    groups(doc, titles)
    doc.heading(3, doc.say("insights"))
    if not experience.insights:
        doc.empty()
        return
    causes = _cause_texts(doc.project.focus.causes, {})
    for number, insight in enumerate(experience.insights, start=1):
        mark = doc.say("eye_opener") if insight.eye_opener else ""
        doc.heading(4, doc.say("insight_n", n=number) + (f" — {mark}" if mark else ""))
        doc.para(insight.statement)
        if insight.observations:
            doc.labelled(doc.say("based_on"), ", ".join(titles.get(o, o) for o in insight.observations))
        lines = [f"+ {causes.get(c, c)}" for c in insight.supports]
        lines += [f"− {causes.get(c, c)}" for c in insight.contradicts]
        if lines:
            doc.labelled(doc.say("evidence_for"), "\n".join(lines))
