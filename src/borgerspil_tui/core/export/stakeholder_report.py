"""The stakeholder analysis in the report: one row per stakeholder — name, influence, interest
(1–5), the grid's quadrant (or not placed), what they want, what they need to hear and who talks
to them — for the Markdown report (md_insist) and the HTML one (html_cards). User text stays
plain here: the Markdown table and the HTML template escape it. No I/O, no UI."""

from __future__ import annotations

from borgerspil_tui.core.export.html_parts import Block
from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.stakeholder_grid import quadrant

COLUMNS = ("name", "influence", "interest_level", "quadrant", "interest", "message", "contact")


def stakeholder_table(project: Project, lang: str) -> tuple[list[str], list[list[str]]]:
    """The heading and the rows of the stakeholder table in ``lang``."""
    head = [tr(lang, f"report.stakeholders.{c}") for c in COLUMNS]
    rows = []
    for s in project.insist.stakeholders:
        where = quadrant(s)
        rows.append([s.name, "" if s.influence is None else str(s.influence),
                     "" if s.interest_level is None else str(s.interest_level),
                     tr(lang, f"stakeholders.quadrant_{where}" if where else "stakeholders.unplaced"),
                     s.interest, s.message, s.contact])
    return head, rows


def md_stakeholders(doc: Doc) -> None:
    """The stakeholders under their own heading (nothing when there are none)."""
    if not doc.project.insist.stakeholders:
        return
    doc.heading(3, doc.say("stakeholders"))
    head, rows = stakeholder_table(doc.project, doc.lang)
    doc.table(head, rows)


def html_stakeholders(p: Project, m: Method, lang: str) -> list[Block]:
    """The stakeholder table for the HTML report (the scores kept on one line)."""
    head, rows = stakeholder_table(p, lang)
    return [Block("table", tr(lang, "report.stakeholders.heading") if rows else "", data=rows, head=head,
                  nowrap=(1, 2))]
