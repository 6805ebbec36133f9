"""The report's risks: a table sorted by score (likelihood × impact, highest first, unscored last)
with the owner and the score, in Markdown and in HTML, and the 5×5 heat map in HTML as a table
whose cells carry their level as a class (drawn by templates/risk_map.html.j2, which escapes every
text). Hooked by one call each from md_insist and html_cards. No I/O, no UI."""

from __future__ import annotations

from dataclasses import dataclass

from borgerspil_tui.core.export.html_parts import Block
from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Risk
from borgerspil_tui.core.risk_map import RiskMap, risk_map, score, sorted_risks


def _row(number: int, risk: Risk) -> list[str]:
    value = score(risk)
    return [str(number), risk.text, "" if risk.likelihood is None else str(risk.likelihood),
            "" if risk.impact is None else str(risk.impact), "" if value is None else str(value),
            risk.owner, risk.mitigation]


def rows(project: Project) -> list[list[str]]:
    """The risks in score order, numbered as on the heat map and in the app."""
    return [_row(number, risk) for number, risk in enumerate(sorted_risks(project.insist.risks), 1)]


HEAD = ("risks.col.number", "report.html.risk", "report.html.likelihood", "report.html.impact", "risks.col.score",
        "report.html.owner", "report.html.mitigation")
"""The table's headings (UI text keys), in the order of :func:`rows`."""


def _head(lang: str) -> list[str]:
    return [tr(lang, key) for key in HEAD]


def markdown(doc: Doc) -> None:
    """The risks as a Markdown table, highest score first (nothing when there are none)."""
    if doc.project.insist.risks:
        doc.heading(3, doc.say("risks"))
        doc.note(tr(doc.lang, "report.risks.sorted"))
        doc.table(_head(doc.lang), rows(doc.project))


@dataclass(frozen=True)
class MapTable:
    """The heat map for the template: its caption, axis names, rows from likelihood 5 down."""

    caption: str
    likelihood: str
    impact: str
    rows: list[tuple[int, list[tuple[str, str, str]]]]
    """(likelihood, [(level class, count text, numbers text) for impact 1 … 5])."""
    unscored: str


def map_table(picture: RiskMap, lang: str) -> MapTable:
    """The heat map's cells as words: how many risks, and their numbers in the table."""
    table_rows = []
    for row in picture.rows:
        cells = [(f"risk-{cell.level}", tr(lang, "report.risks.map_cell", count=cell.count) if cell.count else "",
                  " ".join(f"#{n}" for n in cell.numbers)) for cell in row]
        table_rows.append((row[0].likelihood, cells))
    unscored = tr(lang, "risks.map_unscored", count=picture.unscored) if picture.unscored else ""
    return MapTable(tr(lang, "report.risks.map"), tr(lang, "risks.map_likelihood"), tr(lang, "risks.map_impact"),
                    table_rows, unscored)


def html_blocks(p: Project, m: Method, lang: str) -> list[Block]:
    """The heat map and the table sorted by score (nothing when there are no risks)."""
    if not p.insist.risks:
        return []
    return [Block("heading", tr(lang, "report.risks.heading")),
            Block("heatmap", tr(lang, "report.risks.map"), data=map_table(risk_map(p.insist.risks), lang)),
            Block("table", data=rows(p), head=_head(lang), nowrap=(0, 2, 3, 4))]
