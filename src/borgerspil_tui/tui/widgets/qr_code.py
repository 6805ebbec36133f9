"""A QR code drawn in the terminal with half blocks, so a phone held up to the screen (or to the
projector's wall) can scan it.

Each terminal row holds two rows of modules: the upper half of a cell is one module, the lower half
the next (``▀`` upper dark, ``▄`` lower dark, ``█`` both, space neither); one cell is one module
wide, so a module is about square. The widget draws dark modules in black on white whatever the
theme, with a quiet zone of light modules around the symbol (a dark terminal would otherwise
invert the code, which many phones do not read).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content
from textual.widgets import Static

QUIET_ZONE = 2
"""Light modules around the symbol (the standard asks for 4; phones read 2, and the code must fit
beside the join code on an 80×24 terminal)."""

HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
"""(upper dark, lower dark) → the cell's character."""


def qr_matrix(data: str, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The modules of ``data``'s QR code (True: dark), quiet zone included, row by row; error
    correction M (segno may raise it when that costs no size), never a Micro QR (phones' camera
    apps do not read those)."""
    import segno

    symbol = segno.make(data, error="m", micro=False, boost_error=True)
    return [[bool(module) for module in row] for row in symbol.matrix_iter(scale=1, border=border)]


def half_block_rows(matrix: Sequence[Sequence[bool]]) -> list[str]:
    """Two module rows per text row: row ``2r`` in the upper halves of text row ``r``, row
    ``2r+1`` in the lower halves (an odd last row gets a light lower half)."""
    rows: list[str] = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower: Iterable[bool] = matrix[top + 1] if top + 1 < len(matrix) else [False] * len(upper)
        rows.append("".join(HALVES[bool(a), bool(b)] for a, b in zip(upper, lower, strict=True)))
    return rows


def qr_text(data: str, border: int = QUIET_ZONE) -> list[str]:
    """``data`` as a QR code in half blocks, one string per terminal row."""
    return half_block_rows(qr_matrix(data, border))


class QRCode(Static):
    """The QR code of a text (the join address), black on white; empty when there is nothing to show."""

    DEFAULT_CSS = """
    QRCode { width: auto; height: auto; color: #000000; background: #ffffff; }
    QRCode.-empty { display: none; }
    """

    def __init__(self, data: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.data: str | None = None
        self.show_data(data)

    def show_data(self, data: str) -> None:
        """Draw the code of ``data`` (nothing for "")."""
        if data == self.data:
            return
        self.data = data
        self.set_class(not data, "-empty")
        self.update(Content("\n".join(qr_text(data))) if data else Content(""))
