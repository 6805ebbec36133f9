"""What the stakeholders tool lacks, for the overview and `borgerspil check` (see core/checks):
no stakeholders at all; stakeholders not on the influence × interest grid (influence or interest
missing); those to manage closely without a message or without someone who talks to them."""

from __future__ import annotations

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.stakeholder_grid import quadrant

NAMED = 5
"""How many names a sentence lists before it says how many more there are."""
NAME_CUT = 40
"""A name in a sentence is cut after this many characters."""


def _names(names: list[str]) -> str:
    cut = [" ".join(n.split()) for n in names[:NAMED]]
    cut = [n if len(n) <= NAME_CUT else n[:NAME_CUT - 1] + "…" for n in cut]
    more = f" +{len(names) - NAMED}" if len(names) > NAMED else ""
    return ", ".join(cut) + more


def stakeholder_problems(project: Project, method: Method, lang: str) -> list[str]:
    """Short sentences in ``lang`` naming what is missing."""
    people = project.insist.stakeholders
    if not people:
        return [tr(lang, "check.stakeholders.none")]
    problems = []
    unplaced = [s.name for s in people if quadrant(s) is None]
    if unplaced:
        problems.append(tr(lang, "check.stakeholders.unplaced", count=len(unplaced), names=_names(unplaced)))
    close = [s for s in people if quadrant(s) == "manage-closely"]
    no_message = [s.name for s in close if not s.message.strip()]
    if no_message:
        problems.append(tr(lang, "check.stakeholders.no_message", names=_names(no_message)))
    no_contact = [s.name for s in close if not s.contact.strip()]
    if no_contact:
        problems.append(tr(lang, "check.stakeholders.no_contact", names=_names(no_contact)))
    return problems
