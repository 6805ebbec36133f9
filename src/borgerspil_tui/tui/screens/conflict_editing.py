"""Konflikter, ``e``: writing the value yourself, starting from ours. A title or a value is typed
in the edit bar (Enter); a text of several lines in the edit area (Ctrl+S), so its lines stay
lines. What is typed and not confirmed is taken on leaving, or kept as a draft, as on every screen.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from textual.widgets import DataTable

from borgerspil_tui.core.conflict_resolve import conflict_choices, one_line_field, side_value
from borgerspil_tui.core.model.conflicts import Conflict
from borgerspil_tui.tui.drafts import Draft
from borgerspil_tui.tui.widgets.edit_area import EditArea
from borgerspil_tui.tui.widgets.edit_bar import EditBar

if TYPE_CHECKING:
    from borgerspil_tui.tui.screens.conflicts import ConflictsScreen

AREA = "area"
"""A draft's state says it was written in the edit area (it goes back there)."""


class ConflictEditing:
    """Methods of :class:`~borgerspil_tui.tui.screens.conflicts.ConflictsScreen` for ``e``."""

    def action_edit(self: ConflictsScreen) -> None:
        """Write the value yourself, starting from ours."""
        from borgerspil_tui.tui.screens.conflicts import short

        conflict = self.current()
        if conflict is None or "edit" not in conflict_choices(conflict):
            return
        prompt = f"{self.t('conflicts.prompt_edit')}: {short(conflict.about or conflict.where, 30)}"
        if self.in_area(conflict):
            self.query_one(EditArea).open(prompt, f"edit:{conflict.id}", conflict.ours or "")
        else:
            self.query_one(EditBar).open(prompt, f"edit:{conflict.id}", self.editable(conflict))

    def in_area(self: ConflictsScreen, conflict: Conflict) -> bool:
        """Whether the conflict is about a text of several lines (written in the area, not the bar)."""
        if conflict.kind != "text":
            return False
        if any("\n" in (side or "") for side in (conflict.ours, conflict.theirs)):
            return True
        return not one_line_field(self.changes, conflict)

    def editable(self: ConflictsScreen, conflict: Conflict) -> str:
        """Our side as the user edits it: a text as it is, a value as it reads (not as JSON)."""
        if conflict.ours is None:
            return ""
        if conflict.kind == "text":
            return conflict.ours
        value = side_value(conflict.ours)
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def action_save_typed(self: ConflictsScreen) -> None:
        """Ctrl+S: what is typed in the bar is taken as Enter would take it, then all is saved."""
        bar = self.query_one(EditBar)
        if bar.is_open and bar.purpose.startswith("edit:"):
            bar.submitted = (bar.prompt, bar.purpose, bar.text)
            self.on_edit_bar_submitted(EditBar.Submitted(bar.text, bar.purpose))
        self.bapp.action_save()

    # -- what is typed ----------------------------------------------------------------------------
    def on_edit_bar_submitted(self: ConflictsScreen, event: EditBar.Submitted) -> None:
        if self.take_typed(event.purpose, event.text):
            self.on_edit_bar_cancelled()

    def on_edit_area_submitted(self: ConflictsScreen, event: EditArea.Submitted) -> None:
        self._from_area = True
        try:
            taken = self.take_typed(event.purpose, event.text)
        finally:
            self._from_area = False
        if taken:
            self.on_edit_area_cancelled()

    def take_typed(self: ConflictsScreen, purpose: str, text: str) -> bool:
        """Resolve the conflict named in ``purpose`` with ``text``; True when it was."""
        kind, _, conflict_id = purpose.partition(":")
        if kind != "edit":
            return False
        conflict = self.conflict(conflict_id)
        if conflict is None:  # resolved meanwhile (undo, redo, a reload)
            self.refuse(self.t("conflicts.gone"))
            return False
        if conflict.kind == "value" and _is_text_value(conflict):
            text = json.dumps(text.strip(), ensure_ascii=False)
        return self.choose(conflict, "edit", text)

    def on_edit_bar_cancelled(self: ConflictsScreen) -> None:
        self.query_one(EditBar).close()
        self._back_to_list()

    def on_edit_area_cancelled(self: ConflictsScreen) -> None:
        self.query_one(EditArea).close()
        self._back_to_list()

    def _back_to_list(self: ConflictsScreen) -> None:
        if self.is_attached:
            self.query_one("#conflicts", DataTable).focus()

    _from_area = False
    """True while the area's text is being taken (a refusal is shown under the area)."""

    def refuse(self: ConflictsScreen, reason: str) -> None:
        if self._from_area and not self._leaving:
            self._refusal = reason
            self.query_one(EditArea).show_reason(reason)
            return
        super().refuse(reason)  # type: ignore[misc]

    async def relabel(self: ConflictsScreen) -> None:
        """A new language: the screen is made again, and an open area opened again as it was."""
        area = self.query_one(EditArea)
        kept = (area.prompt, area.purpose, area.text, area.opened_with, area.reason,
                area.has_class("-draft")) if area.is_open else None
        await super().relabel()  # type: ignore[misc]
        if kept is not None:
            prompt, purpose, text, opened_with, reason, draft = kept
            area = self.query_one(EditArea)
            area.open(prompt, purpose, text, mark=self.t("draft.mark") if draft else "")
            area.opened_with = opened_with
            area.show_reason(reason)

    # -- leaving and coming back --------------------------------------------------------------------
    def keep_typed(self: ConflictsScreen) -> list[Draft]:
        """The bar as every screen keeps it; the area's text taken the same way, or kept."""
        parked: list[Draft] = super().keep_typed()  # type: ignore[misc]
        area = self.query_one(EditArea)
        if not area.typed:
            return parked
        prompt, purpose, text = area.prompt, area.purpose, area.text
        reason: str | None = ""
        if self.bapp.session is not None and self.bapp.session is self._draft_session:
            self._leaving, self._refusal = True, None
            try:
                self.take_typed(purpose, text)
            finally:
                self._leaving = False
            reason = self._refusal
        area.close()
        if reason is not None:
            draft = self._draft(purpose, prompt, text, reason, {AREA: True})
            self.bapp.drafts.park(draft)
            parked.append(draft)
        return parked

    def restore_drafts(self: ConflictsScreen) -> None:
        """The bar's drafts as every screen restores them; the area's back in the area."""
        if self._draft_session is None:
            self._draft_session = self.bapp.session
        owner, key = self._drafts_owner(), self.draft_key()
        drafts = self.bapp.drafts.take(owner, key)
        in_area = [draft for draft in drafts if draft.state.get(AREA)]
        for draft in drafts:
            if not draft.state.get(AREA):
                self.bapp.drafts.park(draft)  # for the bar, below
        super().restore_drafts()  # type: ignore[misc]
        for index, draft in enumerate(in_area):
            if index:
                self.bapp.drafts.park(draft)  # one area: the others wait
            else:
                self.query_one(EditArea).show_draft(self.t("draft.mark"), draft.prompt, draft.purpose,
                                                    draft.text, draft.reason)


def _is_text_value(conflict: Conflict) -> bool:
    """Whether the value the sides hold is a text (then what is typed is the text, not JSON)."""
    sides: list[Any] = [side_value(side) for side in (conflict.ours, conflict.theirs) if side is not None]
    return bool(sides) and all(isinstance(side, str) for side in sides)
