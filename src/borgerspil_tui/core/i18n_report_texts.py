"""UI texts of the reports (core/export): headings, labels, the redaction mark: key → (Danish, English)."""

REPORT_TEXTS: dict[str, tuple[str, str]] = {
}
