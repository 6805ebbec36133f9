"""Texts of the journal of phones' post-its not saved yet (core/postit_journal): key → (Danish, English)."""

JOURNAL_TEXTS: dict[str, tuple[str, str]] = {
    "journal.replayed": ("{count} {count:post-it|post-its} fra telefoner, der ikke nåede at blive gemt, er taget med igen",
                         ("{count} {count:post-it|post-its} from phones that had not been saved yet "
                          "{count:was|were} taken back in")),
    "journal.label": ("Post-its fra telefoner taget med igen", "Post-its from phones taken back in"),
    "journal.failed": ("Post-its fra telefoner kan ikke skrives i journalen — de gemmes først med projektet",
                       "Post-its from phones cannot be written to the journal — they are kept only when the project is saved"),
}
