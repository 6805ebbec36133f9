"""Mermaid diagrams for the Markdown report: the problem tree (``flowchart``), the 2×2
(``quadrantChart``) and the milestones (``gantt``). No Textual here.

A user's text in a diagram is always a quoted label (``n3["…"]``, ``"…": [x, y]``) except a gantt
task's name, which the grammar cannot quote (it is numbered, so it never starts with a keyword), and
a title, which mermaid takes as it stands. Inside, every character mermaid or Markdown could
read is written as a mermaid entity code (``#quot;``, ``#35;`` …): quotes, brackets, ``;``,
``:``, ``%`` (so no ``%%`` comment or directive), ``<`` and ``>`` (so no ``-->`` arrow and no
HTML), ``&``, ``#`` (so no entity the user typed), ``|``, backticks (mermaid's markdown
strings), ``*``, ``_``, ``\\`` and ``=``. Line breaks become spaces, so user text never ends a statement.
The node ids, arrows and keywords are ours only.
"""

from __future__ import annotations

import datetime as dt

from borgerspil_tui.core.model.focus import TreeNode

_ENTITY = {
    "#": "#35;", '"': "#quot;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "%": "#37;",
    ";": "#59;", ":": "#58;", "[": "#91;", "]": "#93;", "(": "#40;", ")": "#41;",
    "{": "#123;", "}": "#125;", "|": "#124;", "`": "#96;", "*": "#42;", "_": "#95;",
    "\\": "#92;", "=": "#61;",
}
_TABLE = str.maketrans(_ENTITY)
_MAX = 120
"""The longest label drawn (the full text is in the report's text beside the diagram)."""


def label_text(text: str, limit: int = _MAX) -> str:
    """The inside of a quoted label: one line, every special character an entity code."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat.translate(_TABLE)


def label(text: str, limit: int = _MAX) -> str:
    """A quoted mermaid label: ``"…"``."""
    return '"' + label_text(text, limit) + '"'


def fence(lines: list[str]) -> str:
    """A ```` ```mermaid ```` code block."""
    return "\n".join(["```mermaid", *lines, "```"])


def flowchart(problem: str, causes: list[TreeNode], consequences: list[TreeNode],
              notes: dict[str, str], problem_fallback: str) -> str:
    """The problem tree: consequences above, the problem, causes below. The arrows run from
    cause to effect, so the chart is drawn bottom-to-top (``BT``: an arrow's start below its
    end). Uncertain links are dashed (``-.->``); ``notes`` (our own words, e.g. evidence
    counts) are added to a node's label by id."""
    lines = ["flowchart BT"]
    ids: dict[str, str] = {}
    counter = iter(range(1, 1_000_000))

    def node_id(node: TreeNode) -> str:
        ids[node.id] = f"n{next(counter)}"
        return ids[node.id]

    def text_of(node: TreeNode) -> str:
        note = notes.get(node.id)
        return node.text + (f" ({note})" if note else "")

    lines.append(f"  p0[{label(problem or problem_fallback)}]")

    def walk(node: TreeNode, parent: str, up: bool) -> None:
        me = node_id(node)
        lines.append(f"  {me}[{label(text_of(node))}]")
        arrow = "-.->" if node.uncertain else "-->"
        # arrows point from cause to effect: cause --> problem --> consequence
        lines.append(f"  {parent} {arrow} {me}" if up else f"  {me} {arrow} {parent}")
        for child in node.children:
            walk(child, me, up)

    for node in consequences:
        walk(node, "p0", True)
    for node in causes:
        walk(node, "p0", False)
    lines.append("  style p0 stroke-width:3px")
    return fence(lines)


def quadrant(title: str, y_axis: tuple[str, str], x_axis: tuple[str, str], quadrants: list[str],
             points: list[tuple[str, float, float]]) -> str:
    """A 2×2 as a ``quadrantChart``; ``quadrants`` in mermaid's order (1 top right, 2 top left,
    3 bottom left, 4 bottom right); ``points`` are (name, x 0–1, y 0–1)."""
    lines = ["quadrantChart", f"  title {label_text(title)}",  # a title is taken as it stands, quotes too
             f"  x-axis {label(x_axis[0])} --> {label(x_axis[1])}",
             f"  y-axis {label(y_axis[0])} --> {label(y_axis[1])}"]
    for number, name in enumerate(quadrants, start=1):
        lines.append(f"  quadrant-{number} {label(name)}")
    for name, x, y in points:
        lines.append(f"  {label(name, 60)}: [{x:.2f}, {y:.2f}]")
    return fence(lines)


def gantt(title: str, tasks: list[tuple[str, dt.date, bool]]) -> str:
    """Milestones on a time line: each (name, due date, done) a milestone on its date."""
    lines = ["gantt", f"  title {label_text(title)}", "  dateFormat YYYY-MM-DD"]
    for number, (name, due, done) in enumerate(tasks, start=1):
        tags = "milestone, done, " if done else "milestone, "
        # numbered, so no name starts a statement of its own ("title …", "click …", "section …")
        lines.append(f"  {number}. {label_text(name, 60)} :{tags}m{number}, {due.isoformat()}, 0d")
    return fence(lines)
