"""One part of the method on the overview map: progress, steps, and what to do next."""

from __future__ import annotations

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
        """Draw the card for ``status`` (all text plain)."""
        lines = [f"{number}  {status.name.upper()}", tagline, "", progress_bar(status.progress), ""]
        for step in status.steps:
            mark = "?" if step.done is None else ("✓" if step.done else "·")
            lines.append(f"{mark} {step.name}")
        if status.checklist is not None and status.checklist.total:
            lines.append(f"{labels['checklist']}: {status.checklist.answered}/{status.checklist.total}")
        step = status.next_step
        if step is not None:
            lines += ["", f"{labels['next']}: {step.name}"]
        self.set_class(status.progress >= 0.999, "-done")
        self.update(Content("\n".join(lines)))

    def on_click(self) -> None:
        self.post_message(self.Opened(self.part))

    def action_open(self) -> None:
        """Open the part (a binding, so the same Enter is not seen again by the screen it opens)."""
        self.post_message(self.Opened(self.part))
