"""The 1–5 score keys the matrix, risks and stakeholders screens declare alike: the digits score
the column under the cursor, Backspace clears it, + and − step it. Each screen keeps its own
texts (label and help keys) and its own order of commands; the keys and actions are made here."""

from __future__ import annotations

from borgerspil_tui.tui.commands import Command

SCORES = range(1, 6)
"""The scores a digit gives."""


def digit_commands(label: str, help: str) -> list[Command]:
    """``1``–``5`` run ``score(n)``; the footer shows the first only (it stands for all five)."""
    return [Command(f"score({n})", str(n), label, help, show=n == 1) for n in SCORES]


def clear_command(label: str, help: str, *, show: bool = False) -> Command:
    """Backspace runs ``score(0)``: the score under the cursor is cleared."""
    return Command("score(0)", "backspace", label, help, show=show)


def step_commands(action: str, up: tuple[str, str], down: tuple[str, str]) -> list[Command]:
    """``+`` runs ``action(1)`` and ``-`` runs ``action(-1)``, neither in the footer; ``up`` and
    ``down`` are each a (label, help) pair of text keys."""
    return [Command(f"{action}(1)", "plus", *up, show=False), Command(f"{action}(-1)", "minus", *down, show=False)]


def stepped(score: int | None, delta: int) -> int | None:
    """A 1–5 score one step up or down: + from none gives 1, − from none stays none."""
    if score is None and delta < 0:
        return None
    return max(SCORES[0], min(SCORES[-1], (score or 0) + delta))
