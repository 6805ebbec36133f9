"""Texts of dot voting from phones (issue 14): key → (Danish, English)."""

PHONE_VOTE_TEXTS: dict[str, tuple[str, str]] = {
    "voting.phones": ("{count} {count:telefon|telefoner} har stemt", "{count} {count:phone has|phones have} voted"),
}
