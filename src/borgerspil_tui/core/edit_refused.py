"""Why an edit was refused, in the user's language (pydantic's English is never shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError

from borgerspil_tui.core.problems import Problem

if TYPE_CHECKING:
    from borgerspil_tui.core.change_apply import ChangeFailed
    from borgerspil_tui.core.item_index import IndexProblem


class EditRefused(Exception):
    """An edit would have made the project invalid; it was rolled back.

    ``problem`` says why (a keyed message, written in any language by :meth:`text`); ``loc`` is
    where, as pydantic gives it, and ``model`` the item's class when the edit set one field of it.
    """

    def __init__(self, problem: Problem, loc: tuple[str | int, ...] = (), model: str = "") -> None:
        self.problem = problem
        self.loc = loc
        self.model = model
        detail = problem.values.get("detail")  # what failed, for logs and tests; users get text()
        super().__init__(self.text("en") + (f" ({detail})" if detail else ""))

    def text(self, lang: str = "da") -> str:
        """Why, in ``lang``, naming the field as the screens name it: "Titel: højst 500 tegn, …"."""
        from borgerspil_tui.core.i18n import tr
        from borgerspil_tui.core.validation_messages import field_label

        reason = self.problem.text(lang)
        label = field_label(self.loc, lang, self.model)
        return tr(lang, "refused.field", field=label, reason=reason) if label else reason


def refusal_of(error: ValidationError) -> EditRefused:
    """The first thing wrong, as our own message (pydantic's English is never shown)."""
    from borgerspil_tui.core.problems import format_field
    from borgerspil_tui.core.validation_messages import first_error

    loc, message = first_error(error)
    return EditRefused(Problem.from_message(message, field=format_field(loc)), loc, error.title)


def refused_change(error: ChangeFailed | IndexProblem) -> EditRefused:
    """A refused change as the message the user reads."""
    from borgerspil_tui.core.item_index import IndexProblem
    from borgerspil_tui.core.problems import format_field
    from borgerspil_tui.core.validation_messages import first_error

    if isinstance(error, IndexProblem):
        return EditRefused(Problem.from_message(error.message, field=format_field(error.loc)), error.loc)
    if error.error is not None:
        loc, message = first_error(error.error)
        loc = (*error.loc, *loc)
        return EditRefused(Problem.from_message(message, field=format_field(loc)), loc, error.model)
    return EditRefused(Problem.of("refused.failed", detail=str(error)), error.loc, error.model)
