"""QR codes for printed pages: inline SVG drawn on the server by segno, no network.

Inline, because the Content Security Policy allows images from this site only (no data:
URLs), and an inline drawing needs no request of its own.
"""

import segno
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def qr_svg(url, *, title):
    """An <svg class="qr"> whose code leads to `url`, with `title` as its accessible name."""
    # Medium error correction survives a folded or smudged sheet; segno escapes `title`.
    code = segno.make_qr(url, error="m")
    svg = code.svg_inline(omitsize=True, svgclass="qr", lineclass=None, title=title)
    return mark_safe(
        svg.replace("<svg ", format_html('<svg role="img" aria-label="{}" ', title), 1)
    )
