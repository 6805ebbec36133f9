"""Texts about typed-but-unconfirmed text: drafts, refused input kept in its field. Key → (Danish, English)."""

DRAFT_TEXTS: dict[str, tuple[str, str]] = {
    "draft.mark": ("Kladde", "Draft"),
    "draft.line": ("• {place}: «{text}»", "• {place}: “{text}”"),
    "draft.kept": ("Det, du skrev i {place}, blev ikke gemt. Det venter som kladde, når du kommer tilbage.",
                   "What you typed in {place} was not saved. It is waiting as a draft when you come back."),
    "draft.quit_title": ("Du har tekst, der ikke er gemt", "You have text that is not saved"),
    "draft.quit_message": ("Det her er skrevet, men ikke gemt:\n{drafts}",
                           "This is typed but not saved:\n{drafts}"),
    "draft.back": ("Tilbage til teksten", "Back to the text"),
    "draft.quit_anyway": ("Afslut og kassér teksten", "Quit and discard the text"),
    "draft.close_title": ("Luk projektet uden teksten?", "Close the project without the text?"),
    "draft.close_anyway": ("Luk og kassér teksten", "Close and discard the text"),
    "draft.wizard_title": ("Kassér det du har skrevet?", "Discard what you have typed?"),
    "draft.wizard_message": ("Projektet er ikke oprettet endnu. Kasserer du, er det du har skrevet væk.",
                             "The project has not been created yet. If you discard, what you typed is gone."),
    "draft.keep_editing": ("Skriv videre", "Keep editing"),
    "draft.discard": ("Kassér", "Discard"),
    "draft.wizard_restored": ("Kladde: det du skrev sidst er sat ind igen. Esc kasserer det.",
                              "Draft: what you typed last time is back. Esc discards it."),
}
