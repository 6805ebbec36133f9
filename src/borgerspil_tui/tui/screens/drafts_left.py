"""Asked when the project is closed while some typed text could not be saved."""

from __future__ import annotations

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.drafts import Draft, describe
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class DraftsLeftScreen(ChoiceScreen):
    """Go back to the text (the default), or close the project without it."""

    def __init__(self, drafts: list[Draft], lang: str) -> None:
        super().__init__(tr(lang, "draft.close_title"), tr(lang, "draft.quit_message", drafts=describe(drafts, lang)), [
            ("back", tr(lang, "draft.back")),
            ("discard", tr(lang, "draft.close_anyway")),
        ])
