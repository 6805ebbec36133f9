"""Texts of the post-its that come from phones, as the facilitator accepts, edits, merges and
hides them (issue 14): key → (Danish, English)."""

POSTIT_TEXTS: dict[str, tuple[str, str]] = {
    "screen.postits": ("Post-its fra telefoner", "Post-its from phones"),
}
