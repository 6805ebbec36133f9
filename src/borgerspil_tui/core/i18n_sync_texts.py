"""UI texts of the app meeting a file changed on disk: merge, reload, undo past a pull, repair: key → (Danish, English)."""

SYNC_TEXTS: dict[str, tuple[str, str]] = {
}
