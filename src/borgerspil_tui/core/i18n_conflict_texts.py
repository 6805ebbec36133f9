"""UI texts of the Konflikter screen and resolving conflicts: key → (Danish, English)."""

CONFLICT_TEXTS: dict[str, tuple[str, str]] = {
}
