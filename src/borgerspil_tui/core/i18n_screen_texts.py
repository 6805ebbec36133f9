"""Texts added for the screens' keys and layout (back, pickers, status). Key → (Danish, English)."""

SCREEN_TEXTS: dict[str, tuple[str, str]] = {
    # Esc goes back
    "key.back": ("tilbage", "back"),
    "help.back": ("Tilbage til den skærm, du kom fra (i et tekstfelt: ud af feltet)",
                  "Back to the screen you came from (in a text field: leave the field)"),
}
