"""The app's *Eksportér rapport* / *Export report* (the palette): a small dialog chooses Markdown or
HTML, redacted or not; the report of the project as it is now (typed text committed first) is
written next to the project file in the app's language, and a notice says where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from borgerspil_tui.tui.app import BorgerspilApp

CHOICES = (("md", "export.md"), ("html", "export.html"), ("md-redacted", "export.md_redacted"),
           ("html-redacted", "export.html_redacted"))
"""The dialog's answers: format, and ``-redacted`` for a report fit to share beyond the team."""


class ExportMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that export a report."""

    def action_export_report(self: BorgerspilApp) -> None:
        """Ask for the format (and redaction), then write the report next to the project."""
        from borgerspil_tui.core.export.output import default_output
        from borgerspil_tui.tui.screens.choice import ChoiceScreen

        session = self.session
        if session is None:
            return
        self.keep_typed_text()  # what is typed in an open edit bar belongs in the report
        name = default_output(session.path, "md").stem

        def chosen(choice: str | None) -> None:
            if choice in dict(CHOICES):
                fmt, _, redacted = choice.partition("-")
                self.export_report_now(fmt, redact=bool(redacted))

        choices = [(choice, self.tr(key)) for choice, key in CHOICES]
        self.push_screen(ChoiceScreen(self.tr("export.title"), self.tr("export.question", name=name), choices),
                         chosen)

    def export_report_now(self: BorgerspilApp, fmt: str, *, redact: bool = False) -> Path | None:
        """Write the report in ``fmt`` (md or html) next to the project; say where, or why not.
        Returns the report's path when it was written."""
        from borgerspil_tui.core.disk import SaveError
        from borgerspil_tui.core.export import export_report
        from borgerspil_tui.core.export.output import (
            WouldOverwriteProject,
            default_output,
            write_report,
        )

        session = self.session
        if session is None:
            return None
        out = default_output(session.path, fmt)
        try:
            text = export_report(session.project, method=self.method, fmt=fmt,  # type: ignore[arg-type]
                                 lang=self.language, redact=redact)
            write_report(text, out, session.path)
        except WouldOverwriteProject:
            self.notify(self.tr("export.is_project", path=str(out)), severity="error", markup=False)
            return None
        except SaveError as error:
            self.notify(self.tr("export.not_written", path=str(out), reason=error.text(self.language)),
                        severity="error", timeout=10, markup=False)
            return None
        except Exception as error:  # noqa: BLE001 - a report that cannot be made must not end the app
            self.notify(self.tr("export.failed", error=f"{type(error).__name__}: {error}"),
                        severity="error", timeout=10, markup=False)
            return None
        self.notify(self.tr("export.wrote_title", title=session.project.title, path=str(out)),
                    timeout=10, markup=False)
        return out
