"""The app's own themes: calm and light for a projector, and a high-contrast one."""

from __future__ import annotations

from textual.theme import Theme

PROJECTOR = Theme(
    name="borgerspil",
    primary="#1F5C99",
    secondary="#2E7D6B",
    accent="#B0462C",
    warning="#8A5A00",
    error="#A4262C",
    success="#2E7D32",
    foreground="#1B1F24",
    background="#F7F5F0",
    surface="#FFFFFF",
    panel="#E8E4DA",
    dark=False,
)
"""Light, warm background and dark text: easy to read on a wall in a lit room."""

HIGH_CONTRAST = Theme(
    name="borgerspil-kontrast",
    primary="#FFD500",
    secondary="#00E5FF",
    accent="#FF7AD9",
    warning="#FFD500",
    error="#FF5C5C",
    success="#5CFF7A",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
)
"""White on black with strong colours, for weak projectors and for low vision."""

APP_THEMES = (PROJECTOR, HIGH_CONTRAST)
