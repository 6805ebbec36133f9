"""One part of the method on the overview map: progress, steps, and what to do next."""

from __future__ import annotations

import textwrap

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from borgerspil_tui.core.overview import PartStatus

BAR_WIDTH = 20


def progress_bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A bar of full and empty blocks, e.g. ``██████░░░░ 60 %``."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled) + f" {round(fraction * 100):>3} %"


def _rows(lines: list[str], width: int) -> int:
    """How many screen rows ``lines`` take when wrapped at ``width``."""
    return sum(len(textwrap.wrap(line, width)) or 1 for line in lines)


def _cut(line: str, width: int) -> str:
    """One row at most: cut with … at the end."""
    if cell_len(line) <= width:
        return line
    while cell_len(line) + 1 > width:
        line = line[:-1]
    return line.rstrip() + "…"


def card_lines(status: PartStatus, tagline: str, labels: dict[str, str], number: str, *,
               width: int = 0, height: int = 0) -> list[str]:
    """The lines of a card: in full when they fit ``width`` × ``height`` (0: unknown), else the steps
    first — the name with the progress on one line, one line per step, the checklist, the next step."""
    steps = [f"{'?' if step.done is None else ('✓' if step.done else '·')} {step.name}" for step in status.steps]
    checklist = ([f"{labels['checklist']}: {status.checklist.answered}/{status.checklist.total}"]
                 if status.checklist is not None and status.checklist.total else [])
    next_step = [f"{labels['next']}: {status.next_step.name}"] if status.next_step is not None else []
    title = f"{number}  {status.name.upper()}"
    full = [title, tagline, "", progress_bar(status.progress), "", *steps, *checklist]
    full += ["", *next_step] if next_step else []
    if width <= 0 or height <= 0:
        return full
    bar = progress_bar(status.progress)
    for lines in (full, [title, tagline, bar, *steps, *checklist, *next_step], [title, bar, *steps, *checklist,
                                                                                  *next_step]):
        if _rows(lines, width) <= height:
            return lines
    compact = [f"{title}  {round(status.progress * 100)} %", *steps, *checklist, *next_step]
    if _rows(compact, width) <= height:
        return compact
    return [_cut(line, width) for line in compact][:height]


class PartCard(Static, can_focus=True):
    """A focusable card; Enter (or a click) opens the part."""

    DEFAULT_CSS = """
    PartCard { border: round $panel; padding: 0 1; height: 1fr; background: $surface; }
    PartCard:focus { border: thick $accent; }
    PartCard.-done { border: round $success; }
    """

    BINDINGS = [Binding("enter", "open", show=False)]

    class Opened(Message):
        """The user asked to open this part."""

        def __init__(self, part: str) -> None:
            super().__init__()
            self.part = part

    def __init__(self, status: PartStatus, tagline: str, labels: dict[str, str], number: str) -> None:
        super().__init__(id=f"card-{status.id}")
        self.part = status.id
        self.show(status, tagline, labels, number)

    def show(self, status: PartStatus, tagline: str, labels: dict[str, str], number: str) -> None:
        """Draw the card for ``status`` (all text plain), as much of it as the card has room for."""
        self._shown = (status, tagline, labels, number)
        self.set_class(status.progress >= 0.999, "-done")
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        size = self.content_size
        lines = card_lines(*self._shown, width=size.width, height=size.height)
        self.update(Content("\n".join(lines)))

    def on_click(self) -> None:
        self.post_message(self.Opened(self.part))

    def action_open(self) -> None:
        """Open the part (a binding, so the same Enter is not seen again by the screen it opens)."""
        self.post_message(self.Opened(self.part))
