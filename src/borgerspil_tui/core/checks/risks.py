"""What the risks tool lacks, for the overview and `borgerspil check` (see core/checks): no risks
yet; a high risk (score from ``HIGH_RISK`` up) without mitigation; risks without an owner; risks
not scored. Risks are named by the start of their text."""

from __future__ import annotations

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Risk
from borgerspil_tui.core.risk_map import HIGH_RISK, score, sorted_risks

SHORT = 40
"""A risk is named by this many characters of its text at most."""
NAMED = 3
"""At most this many risks are named in one line; the rest are counted."""


def _names(risks: list[Risk], lang: str) -> str:
    shown = []
    for risk in risks[:NAMED]:
        text = " ".join(risk.text.split())
        text = text if len(text) <= SHORT else text[:SHORT - 1].rstrip() + "…"
        shown.append(tr(lang, "risk.quote", text=text))
    if len(risks) > NAMED:
        shown.append(tr(lang, "risk.check.more", count=len(risks) - NAMED))
    return ", ".join(shown)


def risk_problems(project: Project, method: Method, lang: str) -> list[str]:
    """Short sentences in ``lang`` naming what is missing, the highest risks named first."""
    risks = sorted_risks(project.insist.risks)
    if not risks:
        return [tr(lang, "risk.check.none")]
    found = []
    unmitigated = [r for r in risks if (score(r) or 0) >= HIGH_RISK and not r.mitigation.strip()]
    if unmitigated:
        found.append(tr(lang, "risk.check.unmitigated", count=len(unmitigated), limit=HIGH_RISK,
                        names=_names(unmitigated, lang)))
    unowned = [r for r in risks if not r.owner.strip()]
    if unowned:
        found.append(tr(lang, "risk.check.no_owner", count=len(unowned), names=_names(unowned, lang)))
    unscored = [r for r in risks if score(r) is None]
    if unscored:
        found.append(tr(lang, "risk.check.unscored", count=len(unscored), names=_names(unscored, lang)))
    return found
