"""UI texts of borgerspil diff (core/describe): what changed, in the method's words: key → (Danish, English)."""

DIFF_TEXTS: dict[str, tuple[str, str]] = {
}
