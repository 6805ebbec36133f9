"""Asked when quitting while some edits are not on disk."""

from __future__ import annotations

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.session import SaveState, Session
from borgerspil_tui.tui.drafts import Draft, describe
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class UnsavedQuitScreen(ChoiceScreen):
    """Try saving again, save elsewhere, or really quit. A file that changed on disk and could not
    be merged, or is in a git merge, is never offered to be overwritten."""

    def __init__(self, session: Session | None, lang: str, drafts: list[Draft] | None = None) -> None:
        typed = tr(lang, "draft.quit_message", drafts=describe(drafts, lang)) if drafts else ""
        if session is None or not session.dirty:  # only typed text that could not be saved is at stake
            super().__init__(tr(lang, "draft.quit_title"), typed, [
                ("cancel", tr(lang, "draft.back")),
                ("quit", tr(lang, "draft.quit_anyway")),
            ])
            return
        name = session.path.name
        if session.held is not None:  # a git merge in progress: never written over (core/disk_sync)
            message = tr(lang, "sync.quit_held", name=name)
            first = ("save_as", tr(lang, "quit.save_as"))
        elif session.read_only is not None:
            message = tr(lang, "quit.read_only", name=name)
            first = ("save_as", tr(lang, "quit.save_as"))
        elif session.state is SaveState.CONFLICT:  # changed on disk and not merged: never written over
            message = tr(lang, "sync.quit_conflict", name=name)
            first = ("save_as", tr(lang, "quit.save_as"))
        else:
            message = tr(lang, "quit.failed", name=name, reason=session.error_text(lang))
            first = ("retry", tr(lang, "quit.retry"))
        if typed:
            message += "\n\n" + typed
        choices = [first, ("save_as", tr(lang, "quit.save_as")), ("quit", tr(lang, "quit.discard")),
                   ("cancel", tr(lang, "quit.cancel"))]
        super().__init__(tr(lang, "quit.title"), message, list(dict(choices).items()))  # save as once
