"""``--redact``: a copy of a project fit for sharing beyond the team (Danish public-sector data
rules). No Textual here.

What names a citizen or a person is replaced by "[skjult]" / "[hidden]" (``report.hidden``):

- citizens' words: every observation's ``quotes``, and each SUCCES rating's ``quote`` (a quote
  copied from an observation);
- where and whom the team observed: every observation's ``who`` and ``place``;
- people's names: team members, guests at the dot vote, stakeholders and who talks to them
  (``contact``), whom a prototype was tested with (``with_whom``), a milestone's and a risk's
  ``owner``, who keeps citizens involved (``citizen_input``'s ``who``), whom the solution is handed
  over ``to``, and the
  ``people`` of each row of the process grid (the team writes first names there);
- the merge's unresolved ``conflicts`` are left out: their texts are copies of any field.

A workshop's participants and whoever fast capture credited an item to (``said_by``) are team
members and guests by id, so the workshop part names them only as "[skjult]" with the rest.

An empty field stays empty (nothing was there to hide). Free text (notes, descriptions, a pitch
that retells a quote) cannot be searched for names reliably and is kept: the report says so
(``report.redacted_note``). Ids are kept, so links and votes still hold.
"""

from __future__ import annotations

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project


def hidden_word(lang: str) -> str:
    """The mark that stands where something was hidden: "[skjult]" or "[hidden]"."""
    return tr(lang, "report.hidden")


def redacted(project: Project, lang: str) -> Project:
    """A copy of ``project`` with citizens' quotes, observations' who/where and people's names
    hidden (see the module's docstring); ``project`` itself is not touched."""
    hidden = hidden_word(lang)

    def hide(text: str) -> str:
        return hidden if text.strip() else text

    copy = project.model_copy(deep=True)
    for member in copy.readiness.team:
        member.name = hide(member.name)
    for row in copy.focus.process:
        row.people = hide(row.people)
    for observation in copy.experience.observations:
        observation.who = hide(observation.who)
        observation.place = hide(observation.place)
        observation.quotes = [hide(quote) for quote in observation.quotes]
    create = copy.create
    for guest in create.guests:
        guest.name = hide(guest.name)
    for concept in create.concepts:
        for test in concept.tests:
            test.with_whom = hide(test.with_whom)
        for rating in concept.succes.values():
            rating.quote = hide(rating.quote)
    insist = copy.insist
    for stakeholder in insist.stakeholders:
        stakeholder.name = hide(stakeholder.name)
        stakeholder.contact = hide(stakeholder.contact)
    for milestone in insist.milestones:
        milestone.owner = hide(milestone.owner)
    for risk in insist.risks:
        risk.owner = hide(risk.owner)
    for voice in insist.citizen_input:
        voice.who = hide(voice.who)
    insist.handover.to = hide(insist.handover.to)
    for workshop in copy.workshops:  # the report shows only counts of post-its; their authors never
        for postit in workshop.postits:
            postit.author = hide(postit.author)
    if copy.conflicts:
        copy.conflicts = []
    return copy
