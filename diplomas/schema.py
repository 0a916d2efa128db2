"""The schéma des formations drawn as an SVG diagram: a ladder of levels, each diploma on
the rung of the level it gives, and an arrow to each diploma prepared after a bac + N.

Everything is read from the diplomas themselves, so the picture follows the content: the
rung from `level` (a range such as the DU's spans several rungs), the arrows from the
brochure's `duration` ("1 an après un bac + 2": an arrow from the bac + 2 rung; "after the
bac" is every diploma's start, written in its box rather than drawn). The page's HTML list
stays the accessible text; the drawing is hidden from assistive technology.

    diagram = build_diagram(Diploma.objects.published())
    diagram.width, diagram.rungs, diagram.boxes, diagram.arrows  # pixels, top-left origin
"""

import re
import textwrap
from dataclasses import dataclass, field

from .levels import NATIONAL_LEVEL, Level

LEFT = 104  # the level labels' column
TOP = 8
RUNG_HEIGHT = 98
BOX_WIDTH = 136
BOX_HEIGHT = 82
COLUMN_GAP = 14
LINE_HEIGHT = 14
NAME_WIDTH = 17  # characters per line of a box's name, at the drawing's 12 px
NAME_LINES = 4
# The smallest text of the drawing (.schema-svg .route in site.css, 11 units), and the size
# under which no text may be shown: the drawing is never narrower than that allows.
SMALLEST_TEXT = 11
READABLE_TEXT = 12

# "2 ans après le bac", "1 an après un bac + 2": how long, after which level.
ENTRY = re.compile(r"(\d+)\s+ans?\s+après\s+(?:le\s+bac\b|un\s+bac\s*\+\s*(\d))")


@dataclass
class Box:
    """One diploma on the ladder; `lines` are (y, text, "name" or "route") to write in it:
    its short name, wrapped, then how long after which level it is prepared."""

    diploma: object
    column: int
    x: int
    y: int
    width: int
    height: int
    lines: list = field(default_factory=list)


@dataclass
class Arrow:
    """A route drawn upwards, at `x`, from the rung it leaves (y1) to a diploma's box (y2)."""

    x: int
    y1: int
    y2: int


@dataclass
class Diagram:
    width: int
    height: int
    rungs: list  # (Level, "bac + 2", "niveau 5", y of the rung's top)
    boxes: list
    arrows: list

    @property
    def readable_width(self):
        """The narrowest width, in CSS pixels, at which every text is READABLE_TEXT or more."""
        return -(-self.width * READABLE_TEXT // SMALLEST_TEXT)


def entries(duration):
    """The levels a diploma is prepared after, read from its duration.

    Takes the brochure's duration text; returns [(Level, years)], in the text's order,
    e.g. "5 ans après le bac ou 3 ans après un bac + 2" -> [(BAC, 5), (BAC_2, 3)]. A text
    that names no level ("Variable selon l'université") gives [].
    """
    found = []
    for years, after in ENTRY.findall(duration or ""):
        level = Level.BAC if not after else Level(int(after))
        found.append((level, int(years)))
    return found


def build_diagram(diplomas):
    """Lay the diplomas that have a level out on the ladder.

    Takes an iterable of diplomas; returns a Diagram in pixels. Boxes are placed rung by
    rung from the bottom, each in the first column left free on its rungs and on the rungs
    its arrows cross, so no arrow runs through another box. Diplomas without a level are
    left out (the page lists them apart).
    """
    rows = [level for level in reversed(Level)]  # top rung first
    row_of = {level: index for index, level in enumerate(rows)}
    occupied = set()  # (row, column)
    boxes, arrows = [], []

    levelled = [d for d in diplomas if d.level is not None]
    # Bottom rungs first, and on a rung the ranges (DU) last, at the right of the others.
    levelled.sort(key=lambda d: (d.level, d.level_max is not None, d.position, d.short_name))
    for diploma in levelled:
        top_row = row_of[Level(diploma.level_max or diploma.level)]
        bottom_row = row_of[Level(diploma.level)]
        routes = entries(diploma.duration)
        drawn = [(level, years) for level, years in routes if level != Level.BAC]
        # The rungs an arrow crosses, from the one it leaves to the box: it leaves from an
        # empty place on its rung, so that it is not read as coming from another diploma.
        crossed = {row for level, _ in drawn for row in range(bottom_row + 1, row_of[level] + 1)}
        needed = set(range(top_row, bottom_row + 1)) | crossed
        column = 0
        while any((row, column) in occupied for row in needed):
            column += 1
        occupied.update((row, column) for row in needed)

        x = LEFT + column * (BOX_WIDTH + COLUMN_GAP)
        y = TOP + top_row * RUNG_HEIGHT + (RUNG_HEIGHT - BOX_HEIGHT) // 2
        height = (bottom_row - top_row) * RUNG_HEIGHT + BOX_HEIGHT
        route = _duration_label(routes)
        name = textwrap.wrap(diploma.short_name, NAME_WIDTH)[: NAME_LINES + (not route)]
        texts = [*((line, "name") for line in name), *([(route, "route")] if route else [])]
        lines = [
            (y + 18 + index * LINE_HEIGHT, line, kind) for index, (line, kind) in enumerate(texts)
        ]
        box = Box(diploma, column, x, y, BOX_WIDTH, height, lines)
        boxes.append(box)

        for level, _ in drawn:
            start = TOP + row_of[level] * RUNG_HEIGHT + (RUNG_HEIGHT - BOX_HEIGHT) // 2
            arrows.append(Arrow(x=x + BOX_WIDTH // 2, y1=start, y2=y + height + 6))

    columns = 1 + max((box.column for box in boxes), default=0)
    width = LEFT + columns * (BOX_WIDTH + COLUMN_GAP)
    rungs = [
        (level, level.label, f"niveau {NATIONAL_LEVEL[level]}", TOP + index * RUNG_HEIGHT)
        for index, level in enumerate(rows)
    ]
    return Diagram(width, TOP + len(rows) * RUNG_HEIGHT, rungs, boxes, arrows)


def _years(years):
    return f"{years} an{'s' if years > 1 else ''}"


def _duration_label(routes):
    """'3 ans après le bac' for a box: its first route (the brochure's first)."""
    if not routes:
        return ""
    level, years = routes[0]
    after = "le bac" if level == Level.BAC else f"un {level.label}"
    return f"{_years(years)} après {after}"
