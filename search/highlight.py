"""Excerpts with the matched words in <mark>, escaped before anything is wrapped."""

import re
from functools import lru_cache
from html import escape

from django.utils.safestring import mark_safe

from .text import fold, stem

TOKEN = re.compile(r"\w+")
EXCERPT_WORDS = 30
# Words shown before the first match, so the excerpt starts with some context.
CONTEXT_WORDS = 8


@lru_cache(maxsize=50_000)
def _stem(token):
    # The same words recur in every excerpt: folding each once keeps excerpts cheap.
    return stem(fold(token))


def _matches(token, stems):
    token_stem = _stem(token)
    return any(token_stem == s or (len(s) >= 5 and token_stem.startswith(s)) for s in stems)


def excerpt(text, stems, size=EXCERPT_WORDS):
    """About `size` words of `text` around the first match, as safe HTML."""
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return ""
    first = next((i for i, t in enumerate(tokens) if _matches(t.group(), stems)), 0)
    start = max(0, first - CONTEXT_WORDS)
    end = min(len(tokens), start + size)
    begin = tokens[start].start() if start else 0
    finish = tokens[end - 1].end() if end < len(tokens) else len(text)
    html = highlight(text[begin:finish], stems)
    return mark_safe(("… " if start else "") + html + (" …" if end < len(tokens) else ""))


def highlight(text, stems):
    """Escape `text`, then wrap the words matching `stems` in <mark>."""
    parts, position = [], 0
    for token in TOKEN.finditer(text):
        parts.append(escape(text[position : token.start()]))
        word = escape(token.group())
        parts.append(f"<mark>{word}</mark>" if _matches(token.group(), stems) else word)
        position = token.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
