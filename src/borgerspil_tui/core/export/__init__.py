"""Reports for the people outside the app: Markdown that renders in git hosts, and one
self-contained HTML page that prints to A4. No Textual here.

``export_report`` is the one entry: the CLI (``borgerspil export``) and the app's palette
(*Eksportér rapport*) call it. ``--redact`` is a transformation of the project before either
format sees it (core/export/redact), so no renderer has to remember it.
"""

from __future__ import annotations

from typing import Literal

from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project

Format = Literal["md", "html"]

PARTS: tuple[str, ...] = (
    "status",         # the project and its status: parts done, checklists answered, the next step
    "tree",           # the problem tree (mermaid flowchart / inline SVG)
    "knowledge",      # what we know, don't know, assume; why it matters
    "value",          # value and success
    "target-groups",
    "process",        # the process grid as a table
    "observations",   # observations and insights (eye-openers marked, quotes as quotes)
    "what-ifs",
    "matrix",         # the matrix sorted by rank with the weights stated, and the 2×2
    "votes",
    "concepts",       # each concept card: eight elements, tests, SUCCES rating
    "value-case",     # the value case along the bottom lines
    "milestones",     # milestones (a gantt when they have dates), the five aspects, the handover
    "organisation",   # the organisation's self-assessment
    "workshops",      # each workshop day: times against the plan, what was captured, the rounds
)
"""The report's parts in the method's order; ``--part`` names some of them."""


def export_report(project: Project, *, method: Method, fmt: Format, lang: str,
                  parts: tuple[str, ...] | None = None, concept: str | None = None,
                  redact: bool = False) -> str:
    """The report as text (Markdown or HTML). ``parts``: only these (default all, in
    :data:`PARTS` order); ``concept``: a single concept card as a one-page handout (its id);
    ``redact``: people's names, citizens' quotes and observations' who/where hidden.
    The collector is paused meanwhile (core/gc_pause): a report makes many short-lived objects,
    and each full collection would walk the whole project again."""
    from borgerspil_tui.core.gc_pause import gc_paused

    with gc_paused():
        return _export(project, method=method, fmt=fmt, lang=lang, parts=parts, concept=concept, redact=redact)


def _export(project: Project, *, method: Method, fmt: Format, lang: str, parts: tuple[str, ...] | None,
            concept: str | None, redact: bool) -> str:
    if redact:
        from borgerspil_tui.core.export.redact import redacted

        project = redacted(project, lang)
    chosen = tuple(p for p in PARTS if parts is None or p in parts)
    if fmt == "md":
        from borgerspil_tui.core.export.markdown import render_markdown

        return render_markdown(project, method=method, lang=lang, parts=chosen, concept=concept, redacted=redact)
    from borgerspil_tui.core.export.html import render_html

    return render_html(project, method=method, lang=lang, parts=chosen, concept=concept, redacted=redact)
