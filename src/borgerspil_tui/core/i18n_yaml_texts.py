"""Texts about the written YAML: comments that a save would drop, formatting. Key → (Danish, English)."""

YAML_TEXTS: dict[str, tuple[str, str]] = {
}
