"""UI texts of the semantic merge (core/merge): what it reports: key → (Danish, English)."""

MERGE_TEXTS: dict[str, tuple[str, str]] = {
}
