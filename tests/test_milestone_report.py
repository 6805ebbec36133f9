"""The milestones in the report: the Markdown and the HTML tables name each milestone's owner and
what it depends on (by title, hostile titles kept as text); the gantt keeps every milestone on
its own date."""

from __future__ import annotations

import datetime as dt
import re

import html5lib

from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Milestone

D = dt.date
EVIL = "<b>Pilot</b> | [x](javascript:alert(1)) `kode` :crit"


def _project() -> Project:
    project = Project(schema_version=1, title="Plan")
    project.insist.milestones = [
        Milestone(id="milestone-a", title="Aftale", due=D(2026, 6, 1), owner="Lis <i>", done=True),
        Milestone(id="milestone-b", title=EVIL, due=D(2026, 8, 1), owner="Bo", depends_on=["milestone-a"]),
        Milestone(id="milestone-c", title="Drift", owner="Mette", depends_on=["milestone-b", "milestone-a"]),
    ]
    return project


def _report(fmt: str, lang: str = "en") -> str:
    return export_report(_project(), method=load_method(None), fmt=fmt, lang=lang, parts=("milestones",))


def test_the_html_table_names_owners_and_what_each_depends_on() -> None:
    page = html5lib.parse(_report("html"), namespaceHTMLElements=False)
    table = next(t for t in page.iter("table") if "Depends on" in "".join(t.itertext()))
    rows = [["".join(td.itertext()).strip() for td in tr.iter("td")] for tr in table.iter("tr")]
    rows = [row for row in rows if row]
    assert rows[0][:4] == ["Aftale", "2026-06-01", "Lis <i>", ""]
    assert rows[1][:4] == [EVIL, "2026-08-01", "Bo", "Aftale"]
    assert rows[2][2:4] == ["Mette", f"{EVIL}, Aftale"]
    assert not list(page.iter("i")) and not list(page.iter("b"))  # the titles stayed text
    assert "Afhænger af" in _report("html", "da")


def test_the_markdown_table_names_them_and_the_gantt_keeps_each_on_its_date() -> None:
    text = _report("md")
    assert "| Milestone | Due | Owner | Depends on | Done |" in text
    drift = next(line for line in text.split("\n") if line.startswith("| Drift |"))
    assert "| Mette |" in drift and drift.endswith(", Aftale |   |") and "Pilot" in drift
    gantt = re.search(r"```mermaid\ngantt\n(.*?)\n```", text, re.DOTALL)
    assert gantt is not None
    tasks = [line for line in gantt.group(1).split("\n") if re.match(r"  \d+\. ", line)]
    assert [t.rsplit(", ", 2)[1] for t in tasks] == ["2026-06-01", "2026-08-01"]  # undated Drift is left out
    assert "after" not in gantt.group(1)  # a dependency never moves a milestone off its own date
