"""Texts of the prioritisation matrix and its 2x2 view. Key → (Danish, English)."""

MATRIX_TEXTS: dict[str, tuple[str, str]] = {
}
