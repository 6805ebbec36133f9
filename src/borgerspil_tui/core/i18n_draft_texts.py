"""Texts about typed-but-unconfirmed text: drafts, refused input kept in its field. Key → (Danish, English)."""

DRAFT_TEXTS: dict[str, tuple[str, str]] = {
}
