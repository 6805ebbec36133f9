"""The fishbones in the HTML report (Skab): a heading per fishbone — over causes or solutions
and its head (or the problem statement) — then each bone as a titled list of its items, those
sent on marked. Plain data for the template, which escapes it."""

from __future__ import annotations

from borgerspil_tui.core.export.html_parts import Block
from borgerspil_tui.core.fishbone_ops import head_of
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project


def fishbones(p: Project, lang: str) -> list[Block]:
    """The blocks of every fishbone; none when there are none."""
    blocks: list[Block] = []
    sent = tr(lang, "report.fishbone_sent")
    for fishbone in p.create.fishbones:
        head = " ".join((head_of(p, fishbone)[0] or "—").split())
        blocks.append(Block("heading", tr(lang, "report.fishbone_over",
                                          kind=tr(lang, f"fishbone.kind.{fishbone.kind}"), head=head)))
        for bone in fishbone.bones:
            items = [item.text + (f" ({sent})" if item.linked else "") for item in bone.items]
            blocks.append(Block("list", bone.category, data=items or [tr(lang, "report.fishbone_empty_bone")]))
    return blocks
