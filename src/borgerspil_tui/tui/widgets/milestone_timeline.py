"""The milestones on a time line (the timeline view of the milestones screen): drawn from
core/timeline's layout at whatever width the widget has, titles on the left, time across."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from borgerspil_tui.core import timeline as tl
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model.insist import Milestone

STYLE = {tl.MARK: "bold $primary", tl.DONE: "bold $success", tl.LATE: "bold $error", tl.LINK: "$secondary",
         tl.TODAY: "bold $warning", tl.BLANK: ""}
TITLES = 30
"""The widest title column; narrower when the screen is (a quarter of it, at least 10)."""


def fit(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` cells, cut with … when longer."""
    flat = " ".join(text.split())
    if cell_len(flat) <= width:
        return flat
    out = ""
    for char in flat:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out + "…"


def wrap_items(items: list[str], width: int, gap: str = "   ") -> list[str]:
    """Items side by side, as many to a line as fit ``width``."""
    lines: list[str] = []
    for item in items:
        if lines and cell_len(lines[-1] + gap + item) <= width:
            lines[-1] += gap + item
        else:
            lines.append(fit(item, width))
    return lines


class MilestoneTimeline(Widget):
    """Weeks (or months, quarters, years) across, a row per dated milestone with its marker,
    dependency lines, today's line; undated milestones listed below."""

    DEFAULT_CSS = """
    MilestoneTimeline { height: auto; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.milestones: list[Milestone] = []
        self.today = dt.date.today()
        self.lang = "da"
        self._drawn: tuple[int, list[Content]] | None = None
        """The last drawing and its width: Textual asks for the height and the lines several
        times per refresh, and laying out every milestone each time grew with the plan."""

    def show(self, milestones: list[Milestone], today: dt.date, lang: str) -> None:
        """Draw these milestones, with ``today`` marked, in ``lang``."""
        self.milestones, self.today, self.lang = list(milestones), today, lang
        self._drawn = None
        self.refresh(layout=True)

    def _label(self, scale: tl.Scale, start: dt.date) -> str:
        if scale.unit == "month":
            return tr(self.lang, "timeline.months").split()[start.month - 1]
        if scale.unit == "quarter":
            return tr(self.lang, "timeline.quarter", number=(start.month - 1) // 3 + 1)
        return tl.number_label(scale, start)

    def lines(self, width: int) -> list[Content]:
        """The whole drawing at ``width`` cells (drawn once per width and :meth:`show`)."""
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, self._draw(width))
        return self._drawn[1]

    def _draw(self, width: int) -> list[Content]:
        t = lambda key, **values: tr(self.lang, key, **values)
        width = max(width, 20)
        if not self.milestones:
            return [Content(line) for line in wrap_items([t("timeline.empty")], width)]
        titles = min(TITLES, max(10, width // 4), max(cell_len(fit(m.title, TITLES)) for m in self.milestones))
        timeline = tl.layout(self.milestones, self.today, width - titles - 1)
        today = self.today.isoformat()
        out: list[Content] = []
        if timeline.rows:
            scale = timeline.scale
            head = [t(f"timeline.scale.{scale.unit}", step=scale.step)]
            head += t("timeline.legend", today=today).split("   ")
            out += [Content(line) for line in wrap_items(head, width)]
            if timeline.today_side:
                out.append(Content.styled(fit(t(f"timeline.today_{timeline.today_side}", today=today), width),
                                          STYLE[tl.TODAY]))
            out.append(Content(""))
            years, units = tl.labels(timeline, self._label)
            pad = " " * (titles + 1)
            if years:
                out.append(Content.styled(pad + years, "bold"))
            out.append(Content.styled(pad + units, "bold"))
            for row in timeline.rows:
                title = fit(row.title, titles)
                parts: list[str | tuple[str, str]] = [title + " " * (titles - cell_len(title) + 1)]
                parts += [(char, STYLE[kind]) if kind else char for char, kind in row.cells]
                out.append(Content.assemble(*parts))
        else:
            out += [Content(line) for line in wrap_items([t("timeline.none_dated")], width)]
        if timeline.undated:
            names = {m.id: m.title for m in self.milestones}
            out += [Content(""), Content.styled(t("timeline.undated"), "bold")]
            for milestone in timeline.undated:
                line = "  • " + fit(milestone.title, max(20, width // 2))
                if milestone.depends_on:
                    line += " " + t("timeline.undated_depends",
                                    names=", ".join(names.get(d, d) for d in milestone.depends_on))
                out.append(Content(fit(line, width)))
        return out

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width or self.size.width))

    def plain(self) -> str:
        """The drawing as plain text at the widget's width (what tests read)."""
        return "\n".join(line.plain for line in self.lines(self.content_region.width or 80))
