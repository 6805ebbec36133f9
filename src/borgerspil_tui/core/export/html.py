"""The HTML report: one self-contained page (CSS inline, no scripts, no network, the pictures as
inline SVG) that reads on a phone and prints to A4. Drawn by a Jinja2 template with autoescaping
from plain data (core/export/html_parts, html_cards): user text is never pasted into markup.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from borgerspil_tui.core.export import html_cards as cards
from borgerspil_tui.core.export import html_parts as parts_
from borgerspil_tui.core.export import html_workshop
from borgerspil_tui.core.export.html_parts import Builder, Section
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project

BUILDERS: dict[str, Builder] = {
    "status": parts_.status, "tree": parts_.tree, "knowledge": parts_.knowledge, "value": parts_.value,
    "target-groups": parts_.target_groups, "process": parts_.process,
    "observations": parts_.observations, "what-ifs": parts_.what_ifs, "matrix": parts_.matrix,
    "votes": cards.votes, "concepts": cards.concepts, "value-case": cards.value_case,
    "milestones": cards.milestones, "organisation": cards.organisation,
    "workshops": html_workshop.workshops,
}
"""What each part of :data:`borgerspil_tui.core.export.PARTS` shows."""


@cache
def environment() -> Environment:
    """The templates' environment: autoescaping on for HTML (and the .j2 templates), strict."""
    return Environment(loader=PackageLoader("borgerspil_tui.core.export", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(project: Project, *, method: Method, lang: str, parts: tuple[str, ...],
                concept: str | None, redacted: bool) -> str:
    """The report as one HTML page. ``concept``: only that concept card, as a one-page handout."""
    sections: list[Section] = []
    handout = concept is not None
    if handout:
        found = next((c for c in project.create.concepts if c.id == concept), None)
        if found is None:
            blocks = [parts_.Block("text", data=tr(lang, "report.html.no_concept", id=concept))]
        else:
            blocks = [cards.card(project, method, lang, found)]
        sections.append(Section("concept", tr(lang, "report.html.part.concepts"), blocks))
    else:
        for part in parts:
            sections.append(Section(part, tr(lang, f"report.html.part.{part}"),
                                    BUILDERS[part](project, method, lang)))
    page = environment().get_template("report.html.j2")
    return page.render(lang="en" if lang == "en" else "da", title=project.title, sections=sections,
                       handout=handout, redacted=tr(lang, "report.redacted_note") if redacted else "",
                       heading=tr(lang, "report.html.title", title=project.title),
                       contents=tr(lang, "report.html.contents"), made=tr(lang, "report.html.made"),
                       empty=tr(lang, "report.html.empty"), css=_css())


@cache
def _css() -> str:
    return environment().loader.get_source(environment(), "report.css")[0]  # type: ignore[union-attr]
