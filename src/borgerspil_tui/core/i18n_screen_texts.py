"""Texts added for the screens' keys and layout (back, pickers, status). Key → (Danish, English)."""

SCREEN_TEXTS: dict[str, tuple[str, str]] = {
}
