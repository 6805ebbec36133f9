"""Texts of sharing the workshop with the room’s phones in the app and on the command line
(issue 14): key → (Danish, English)."""

SHARE_TEXTS: dict[str, tuple[str, str]] = {
    "screen.share": ("Del med rummet", "Share with the room"),
}
