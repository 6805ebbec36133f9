"""UI texts of git sharing: git-setup, the merge driver, merges in progress: key → (Danish, English)."""

GIT_TEXTS: dict[str, tuple[str, str]] = {
}
