"""The groups of observations in the Markdown report (Oplev, affinity grouping): each group's
name, its observations (by their number in the report and their text) and the insight it became.
Every text goes through the Doc's escaping."""

from __future__ import annotations

from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.observation_groups import insight_of, members


def groups(doc: Doc, titles: dict[str, str]) -> None:
    """Each group with its observations (``titles``: the observations' names in the report)."""
    project = doc.project
    if not project.experience.groups:
        return
    doc.heading(3, doc.say("groups"))
    for group in project.experience.groups:
        shown = members(project, group)
        doc.heading(4, doc.say("group_n", name=group.name))
        doc.note(doc.say("group_count", count=len(shown)))
        doc.items([f"{titles.get(o.id, '')}: {o.what}" if o.id in titles else o.what for o in shown])
        insight = insight_of(project, group)
        if insight is not None:
            doc.labelled(doc.say("became"), insight.statement)
