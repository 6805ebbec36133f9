"""Messages about files and refused edits (located problems, validation) and the CLI's own texts. Key → (Danish, English)."""

MESSAGE_TEXTS: dict[str, tuple[str, str]] = {
}
