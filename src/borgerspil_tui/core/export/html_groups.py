"""The groups of observations in the HTML report (Oplev, affinity grouping): each group's name and
count, its observations and the insight it became — plain data for the template, which escapes it."""

from __future__ import annotations

from borgerspil_tui.core.export.html_parts import Block
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.observation_groups import insight_of, members


def groups(p: Project, lang: str) -> list[Block]:
    """A heading, then per group its name and count, the insight (if any) and its observations."""
    if not p.experience.groups:
        return []
    blocks = [Block("heading", tr(lang, "report.html.groups"))]
    for group in p.experience.groups:
        shown = members(p, group)
        insight = insight_of(p, group)
        pairs = [(tr(lang, "report.html.group"), f"{group.name} ({len(shown)})"),
                 (tr(lang, "report.html.group_insight"), insight.statement if insight is not None else "")]
        blocks.append(Block("fields", data=[(label, text) for label, text in pairs if text]))
        blocks.append(Block("list", data=[o.what for o in shown if o.what]))
    return blocks
