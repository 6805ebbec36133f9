"""The risks' 5×5 heat map: likelihood up (5 at the top), impact across (1 at the left), each
cell coloured by its level from the theme's own colours (success → warning → error), with how
many risks are in it and, when there is room, their numbers in the list."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.risk_map import RiskMap, number_line

LEVEL_STYLE = {
    "low": "$text-success on $success-muted",
    "medium": "$text-warning on $warning-muted",
    "high": "$text-error on $error-muted",
    "very-high": "bold $background on $error",
}
"""The theme's variables, so both themes (light and high contrast) keep their own calm colours."""
LABEL = 4
"""Width of the likelihood numbers at the left."""
FIXED = 4
"""Rows that are not cells: the likelihood axis, the impact numbers, the impact axis, the note."""


class RiskHeatMap(Widget):
    """Draws a :class:`RiskMap` to fit its size (at least one row and three columns per cell)."""

    DEFAULT_CSS = """
    RiskHeatMap { height: 1fr; min-height: 9; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.map = RiskMap()
        self.lang = "da"

    def show(self, risk_map: RiskMap, lang: str) -> None:
        """Draw this map, its words in ``lang``."""
        self.map, self.lang = risk_map, lang
        self.refresh()

    def lines(self, width: int, height: int) -> list[Content]:
        """The picture as lines of ``width`` characters for ``height`` rows."""
        if not self.map.rows:
            return []
        cell_w = max(4, (width - LABEL) // 5)
        cell_h = max(1, (height - FIXED) // 5)
        body = cell_w - 1  # a gap of one column between cells
        out = [Content.styled(f"↑ {tr(self.lang, 'risks.map_likelihood')}", "bold")]
        for row in self.map.rows:
            for line in range(cell_h):
                parts = [Content(f"{row[0].likelihood:>2} " if line == (cell_h - 1) // 2 else " " * (LABEL - 1))]
                for cell in row:
                    texts = self._cell_texts(cell.count, cell.numbers, body, cell_h)
                    top = (cell_h - len(texts)) // 2
                    text = texts[line - top] if 0 <= line - top < len(texts) else ""
                    parts += [Content(" "), Content.styled(f"{text[:body]:^{body}}", LEVEL_STYLE[cell.level])]
                out.append(Content("").join(parts))
        out.append(Content(" " * LABEL + "".join(f"{x:^{cell_w}}" for x in range(1, 6))))
        out.append(Content.styled(" " * LABEL + f"{tr(self.lang, 'risks.map_impact')} →", "bold"))
        note = [tr(self.lang, "risks.map_numbers")]
        if self.map.unscored:
            note.append(tr(self.lang, "risks.map_unscored", count=self.map.unscored))
        out.append(Content.styled(" · ".join(note), "$text-muted"))
        return out

    @staticmethod
    def _cell_texts(count: int, numbers: tuple[int, ...], body: int, cell_h: int) -> list[str]:
        if not count:
            return []
        if cell_h == 1:
            rest = body - len(str(count)) - 1
            numbers_text = number_line(numbers, rest) if rest >= 3 else ""
            return [f"{count} {numbers_text}".strip() if numbers_text and count > 1 else numbers_text or str(count)]
        return [str(count), number_line(numbers, body)]

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width or self.size.width,
                                             self.content_region.height or self.size.height))
