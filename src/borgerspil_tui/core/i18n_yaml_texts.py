"""Texts about the written YAML: comments that a save would drop, formatting. Key → (Danish, English)."""

YAML_TEXTS: dict[str, tuple[str, str]] = {
    # Characters the YAML reader refuses (the parser's own words are never shown)
    "parse.control_character": (
        "tegnet {code} er et usynligt styretegn og må ikke stå i filen; slet det "
        "(det kommer tit med, når tekst kopieres fra et andet program)",
        "the character {code} is an invisible control character and may not be in the file; delete it "
        "(it often comes along when text is copied from another program)"),
    "parse.not_a_character": (
        "{code} er ikke et tegn og må ikke stå i filen; slet det (filen er måske gemt med en forkert tegnkodning)",
        "{code} is not a character and may not be in the file; delete it "
        "(the file may have been saved in the wrong encoding)"),
    "parse.stray_line_break": (
        "tegnet {code} er et linjeskift for YAML, men ikke for de fleste editorer, så linjenumrene passer "
        "ikke efter det; erstat det med et almindeligt linjeskift eller et mellemrum",
        "the character {code} is a line break to YAML but not to most editors, so the line numbers after it "
        "do not match; replace it with an ordinary line break or a space"),
}
