"""Going between screens: by name (keys, palette, the steps of a part) and back with Esc along the
way the user came."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen

from borgerspil_tui.tui.registry import project_screens

if TYPE_CHECKING:
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.tui.app import BorgerspilApp


class NavigationMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that change the screen."""

    session: Session | None
    history: list[str]
    """The screens the user came through to the one on screen (a path, never a loop); Esc goes back."""
    _going_back = False

    def action_goto(self: BorgerspilApp, name: str) -> None:
        """Show a screen by name; the overview is the base the others return to."""
        if self.session is None or name not in project_screens():
            return
        if isinstance(self.screen, ModalScreen):
            return
        if getattr(self.screen, "NAME", None) == name:
            return
        self._record_way(name)
        base = [s for s in self.screen_stack if getattr(s, "NAME", None) == "overview"]
        if name == "overview":
            while len(self.screen_stack) > 1 and getattr(self.screen, "NAME", None) != "overview":
                self.pop_screen()
            return
        screen = project_screens()[name]()
        if base and self.screen is not base[0]:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- back (Esc) ---------------------------------------------------------------------------------

    def _record_way(self: BorgerspilApp, name: str) -> None:
        """Remember where the user leaves from, before going to ``name``."""
        if self._going_back:
            return
        if name == "overview":
            self.history.clear()
        elif name in self.history:
            del self.history[self.history.index(name):]  # back on the path: forget the detour
        elif (here := getattr(self.screen, "NAME", None)) in project_screens():
            self.history.append(here)

    def can_go_back(self: BorgerspilApp) -> bool:
        """Whether Esc goes somewhere: a project screen other than the overview, no dialog open."""
        name = getattr(self.screen, "NAME", None)
        return (self.session is not None and not isinstance(self.screen, ModalScreen)
                and name != "overview" and name in project_screens())

    def action_back(self: BorgerspilApp) -> None:
        """Esc: leave a text field; else go back to where the user came from (at last the overview)."""
        if not self.can_go_back():
            return
        leave_field = getattr(self.screen, "leave_field", None)
        if leave_field is not None and leave_field():
            return
        target = self.history.pop() if self.history else "overview"
        self._going_back = True
        try:
            self.action_goto(target)
        finally:
            self._going_back = False

    def action_presenter(self: BorgerspilApp) -> None:
        """F7 (``p`` on the workshop screen): the presenter view over the screen on show; again: back."""
        from borgerspil_tui.tui.screens.presenter import PresenterScreen

        if isinstance(self.screen, PresenterScreen):
            self.screen.action_close()
        elif self.session is not None and not isinstance(self.screen, ModalScreen):
            self.push_screen(PresenterScreen())

    def action_checklist(self: BorgerspilApp) -> None:
        """Open the checklist of the part on screen (readiness from the overview)."""
        part = getattr(self.screen, "part", None) or "readiness"
        if part == "organisation":
            return
        self.action_goto(f"checklist-{part}")
