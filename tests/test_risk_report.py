"""The risks in the report (core/export/risk_report): the table by score with owner and score in
Markdown and HTML, the HTML heat map as a table whose cells carry their level, hostile text kept
as text (read back by markdown-it-py and html5lib), and the owner hidden in a redacted report."""

from __future__ import annotations

import html5lib
from markdown_it import MarkdownIt

from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Insist, Risk
from tests.test_export_markdown import blocks_of

METHOD = load_method(None)
HOSTILE = "<script>alert(1)</script> | *x* [bold]y[/] <b>fed</b> &amp;"
RISKS = [
    Risk(id="risk-low001", text="Lille", likelihood=1, impact=2, owner="Ole"),
    Risk(id="risk-open01", text="Uden score", likelihood=4),
    Risk(id="risk-hostil", text=HOSTILE, likelihood=5, impact=4, owner=HOSTILE, mitigation=HOSTILE),
    Risk(id="risk-mid001", text="Middel", likelihood=3, impact=3, owner="Mette", mitigation="Plan B"),
    Risk(id="risk-same01", text="Samme celle", likelihood=5, impact=4),
]


def _project() -> Project:
    return Project(schema_version=1, title="R", insist=Insist(risks=RISKS))


def _report(fmt: str, lang: str = "en", **options: object) -> str:
    return export_report(_project(), method=METHOD, fmt=fmt, lang=lang, parts=("milestones",),  # type: ignore[arg-type]
                         **options)


def _md_rows(text: str) -> list[list[str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    cells = blocks_of(tokens, "td")
    header = blocks_of(tokens, "th")
    start = header.index("No.")
    width = 7
    rows_after = [cells[i:i + width] for i in range(0, len(cells), width)]
    assert header[start:start + width] == ["No.", "Risk", "Likelihood (1–5)", "Impact (1–5)", "Score", "Owner",
                                           "What we do about it"]
    return [row for row in rows_after if row and row[0].isdigit()]


def test_markdown_table_by_score_with_owner_and_score_and_hostile_text_as_text() -> None:
    text = _report("md")
    rows = _md_rows(text)
    assert [row[1] for row in rows] == [HOSTILE, "Samme celle", "Middel", "Lille", "Uden score"]
    assert rows[0] == ["1", HOSTILE, "5", "4", "20", HOSTILE, HOSTILE]
    assert rows[2][4:6] == ["9", "Mette"] and rows[4][2:5] == ["4", "", ""]
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in html and "<b>fed</b>" not in html
    assert "By score (likelihood × impact), highest first; unscored last." in text


def _parse(text: str):
    return html5lib.parse(text, namespaceHTMLElements=False)


def test_html_heat_map_cells_have_their_level_and_the_risks_numbers() -> None:
    tree = _parse(_report("html"))
    table = tree.find(".//table[@class='heatmap']")
    rows = table.findall("./tbody/tr")
    assert [r.find("th").text for r in rows] == ["5", "4", "3", "2", "1"]  # likelihood up
    cells = [[td for td in r.findall("td")] for r in rows]
    five_four = cells[0][3]  # likelihood 5, impact 4: the hostile one (no. 1) and "Samme celle" (no. 2)
    assert five_four.get("class") == "risk-very-high" and "".join(five_four.itertext()) == "2 risks#1 #2"
    assert "".join(cells[4][1].itertext()) == "1 risk#4" and cells[4][1].get("class") == "risk-low"
    assert cells[2][2].get("class") == "risk-medium" and "#3" in "".join(cells[2][2].itertext())
    assert [c.get("class") for c in cells[0]] == ["risk-medium", "risk-high", "risk-very-high", "risk-very-high",
                                                  "risk-very-high"]
    assert sum("".join(td.itertext()) != "" for row in cells for td in row) == 3
    assert "1 risk without a score is not on the map" in "".join(tree.itertext())


def test_html_table_by_score_and_hostile_text_escaped() -> None:
    text = _report("html", lang="da")
    assert "<script>alert" not in text and "<b>fed</b>" not in text
    tree = _parse(text)
    tables = [t for t in tree.iter("table") if t.get("class") != "heatmap"]
    risk_table = next(t for t in tables if [th.text for th in t.iter("th")][:2] == ["Nr.", "Risiko"])
    rows = [["".join(td.itertext()) for td in tr.findall("td")] for tr in risk_table.find("tbody").findall("tr")]
    assert [row[1] for row in rows] == [HOSTILE, "Samme celle", "Middel", "Lille", "Uden score"]
    assert rows[0][4:] == ["20", HOSTILE, HOSTILE] and [row[0] for row in rows] == ["1", "2", "3", "4", "5"]
    assert not any(el.tag in ("script", "b") for el in tree.iter())


def test_redacted_report_hides_the_risks_owners() -> None:
    rows = _md_rows(_report("md", redact=True))
    assert [row[5] for row in rows] == ["[hidden]", "", "[hidden]", "[hidden]", ""]
    text = _report("html", redact=True)
    assert "Mette" not in text and "Ole" not in text


def test_no_risks_no_heat_map() -> None:
    empty = Project(schema_version=1, title="R")
    text = export_report(empty, method=METHOD, fmt="html", lang="en", parts=("milestones",))
    assert "heatmap" not in text.split("</style>")[1]
