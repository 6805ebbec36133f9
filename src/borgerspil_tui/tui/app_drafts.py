"""The app's part in typed text that is not confirmed: commit it or keep it as a draft before the
project closes or the app quits, and ask about drafts that cannot be saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from borgerspil_tui.tui.drafts import Draft
from borgerspil_tui.tui.registry import project_screens

if TYPE_CHECKING:
    from borgerspil_tui.core.session import Session


class DraftsMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that keep typed text."""

    def keep_typed_text(self) -> None:
        """Before the project closes or the app quits: every screen commits what is typed in it,
        or keeps it as a draft when it cannot be saved."""
        from borgerspil_tui.tui.screens.base import BaseScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, BaseScreen) and screen.is_mounted:
                screen.keep_typed()

    def back_to_drafts(self, drafts: list[Draft]) -> None:
        """The user keeps the typed text: show it again where it was typed."""
        from borgerspil_tui.tui.screens.base import BaseScreen

        for screen in self.screen_stack:
            if isinstance(screen, BaseScreen) and screen.is_mounted:
                screen.restore_drafts()
        waiting = [d for d in drafts if any(d is kept for kept in self.drafts.all())]
        if waiting and len(waiting) == len(drafts) and waiting[0].name in project_screens():
            self.action_goto(waiting[0].name)

    def _typed_text_settled(self, session: Session) -> bool:
        """Before closing the project: commit typed text; ask about any that cannot be saved."""
        self.keep_typed_text()
        drafts = self.drafts.of_project(session)
        if not drafts:
            return True
        from borgerspil_tui.tui.screens.drafts_left import DraftsLeftScreen

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                self.drafts.drop(drafts)
                self.action_home()
            else:
                self.back_to_drafts(drafts)

        self.push_screen(DraftsLeftScreen(drafts, self.language), chosen)
        return False
