"""The Markdown report being written: its blocks, and the few constructs the report uses
(headings, paragraphs, lists, quotes, tables, mermaid). Every text put in goes through
core/export/md_escape — ours and the method's too, so no text is ever read as Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from borgerspil_tui.core.export.md_escape import (
    md_block,
    md_cell,
    md_inline,
    md_item,
    md_quote,
)
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project


@dataclass
class Doc:
    """The report's blocks in order, and what every part needs to write itself."""

    project: Project
    method: Method
    lang: str
    blocks: list[str] = field(default_factory=list)

    @cached_property
    def idea_titles(self) -> dict[str, str]:
        """Each idea's title by id (made once: every concept card names its ideas)."""
        return {idea.id: idea.title for idea in self.project.create.ideas}

    def say(self, key: str, **values: object) -> str:
        """Our text ``report.md.<key>`` in the report's language."""
        return tr(self.lang, f"report.md.{key}", **values)

    # -- blocks ---------------------------------------------------------------------------------
    def heading(self, level: int, text: str) -> None:
        """A heading (``##``…) of our own words or a user's title, escaped."""
        self.blocks.append("#" * level + " " + (md_inline(text) or "—"))

    def para(self, text: str) -> None:
        """A paragraph of running text (user text keeps its lines)."""
        body = md_block(text)
        if body:
            self.blocks.append(body)

    def labelled(self, label: str, text: str) -> None:
        """``**Label:** text`` — a field with its value; nothing when the value is empty."""
        body = md_block(text)
        if body:
            colon = "" if label.rstrip()[-1:] in ("?", ":", "!", ".") else ":"  # a question keeps its mark
            self.blocks.append(f"**{md_inline(label)}{colon}** {body}")

    def empty(self, key: str = "empty") -> None:
        """Say briefly that a part or a list has nothing yet (in italics)."""
        self.blocks.append(f"*{md_inline(self.say(key))}*")

    def note(self, text: str) -> None:
        """A remark of ours in italics."""
        self.blocks.append(f"*{md_inline(text)}*")

    def items(self, texts: list[str]) -> None:
        """A bulleted list; empty entries left out."""
        lines = [md_item(text) for text in texts if text.strip()]
        if lines:
            self.blocks.append("\n".join(lines))

    def quote(self, text: str) -> None:
        """A citizen's quote as a blockquote."""
        if text.strip():
            self.blocks.append(md_quote(text))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        """A GitHub table; every cell escaped (``|`` too, line breaks as `` ⏎ ``)."""
        def row(cells: list[str]) -> str:
            return "| " + " | ".join(md_cell(cell) or " " for cell in cells) + " |"

        lines = [row(header), "|" + "|".join(" --- " for _ in header) + "|"]
        lines += [row(cells) for cells in rows]
        self.blocks.append("\n".join(lines))

    def raw(self, block: str) -> None:
        """A block we built ourselves from escaped parts (a mermaid fence)."""
        self.blocks.append(block)

    def text(self) -> str:
        """The whole report."""
        return "\n\n".join(self.blocks) + "\n"
