"""The fishbones in the Markdown report (Skab): each under its own heading — over causes or
solutions and its head (or the problem statement) — with a nested list per bone: the category,
its items under it, those sent on marked. Every user text escaped (core/export/md_escape)."""

from __future__ import annotations

from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.export.md_escape import md_block, md_inline
from borgerspil_tui.core.fishbone_ops import head_of
from borgerspil_tui.core.i18n import tr


def fishbones(doc: Doc) -> None:
    """The fishbones, when there are any (nothing at all otherwise)."""
    project = doc.project
    if not project.create.fishbones:
        return
    doc.heading(2, tr(doc.lang, "report.fishbones"))
    sent = tr(doc.lang, "report.fishbone_sent")
    for fishbone in project.create.fishbones:
        head = head_of(project, fishbone)[0] or "—"
        doc.heading(3, tr(doc.lang, "report.fishbone_over", kind=tr(doc.lang, f"fishbone.kind.{fishbone.kind}"),
                          head=" ".join(head.split())))
        lines: list[str] = []
        for bone in fishbone.bones:
            lines.append(f"- **{md_inline(bone.category) or '—'}**")
            for item in bone.items:
                mark = f" *({md_inline(sent)})*" if item.linked else ""
                body = md_block(item.text, "    ")
                if body:
                    lines.append(f"  - {body}{mark}")
            if not bone.items:
                lines.append(f"  - *{md_inline(tr(doc.lang, 'report.fishbone_empty_bone'))}*")
        if lines:
            doc.raw("\n".join(lines))
