"""Texts about files on disk: read-only, links, rescue copies, signals. Key → (Danish, English)."""

FILE_TEXTS: dict[str, tuple[str, str]] = {
}
