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
# Candidates are words starting like a stem; checking every word in Python would cost more.
PREFIX_LENGTH = 4
ACCENTED = {
    "a": "aàâä",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîï",
    "o": "oôö",
    "u": "uùûü",
    "y": "yÿ",
}


@lru_cache(maxsize=50_000)
def _stem(token):
    # The same words recur from one excerpt to the next: fold each once.
    return stem(fold(token))


@lru_cache(maxsize=1_000)
def _candidates(stems):
    """A regex for the words that start like one of `stems`, whatever their accents."""
    prefixes = {s[:PREFIX_LENGTH] for s in stems if s}
    if not prefixes:
        return None
    patterns = [_pattern(prefix) for prefix in prefixes]
    return re.compile(r"\b(?:" + "|".join(sorted(patterns)) + r")\w*", re.IGNORECASE)


def _pattern(prefix):
    parts, i = [], 0
    while i < len(prefix):
        pair = prefix[i : i + 2]
        if pair in ("oe", "ae"):  # folded from the ligatures œ and æ
            ligature = "œ" if pair == "oe" else "æ"
            parts.append(f"(?:[{ACCENTED[pair[0]]}][{ACCENTED['e']}]|{ligature})")
            i += 2
        else:
            parts.append(f"[{ACCENTED.get(prefix[i], re.escape(prefix[i]))}]")
            i += 1
    return "".join(parts)


def _matches(token, stems):
    token_stem = _stem(token)
    return any(token_stem == s or (len(s) >= 5 and token_stem.startswith(s)) for s in stems)


def _marked(text, stems):
    """The (start, end) of every word of `text` that matches `stems`."""
    candidates = _candidates(tuple(stems))
    if candidates is None:
        return []
    return [m.span() for m in candidates.finditer(text) if _matches(m.group(), stems)]


def excerpt(text, stems, size=EXCERPT_WORDS):
    """About `size` words of `text` around the first match, as safe HTML."""
    # Marked once: the same spans place the excerpt and are wrapped in <mark>.
    marked = _marked(text, stems)
    anchor = marked[0][0] if marked else 0
    context = min(CONTEXT_WORDS, size // 3)
    # Count words back from the first match, then forward: only around it, not the whole text.
    before = list(TOKEN.finditer(text, max(0, anchor - 40 * context), anchor))[-context:]
    begin = before[0].start() if len(before) == context else 0
    words = TOKEN.finditer(text, begin)
    last = None
    for count, word in enumerate(words, 1):
        last = word
        if count == size:
            break
    if last is None:
        return ""
    more = next(words, None) is not None
    finish = last.end() if more else len(text)
    # The excerpt begins and ends on word boundaries, so no marked word straddles them.
    html = _wrapped(text, [span for span in marked if begin <= span[0] < finish], begin, finish)
    return mark_safe(("… " if begin else "") + html + (" …" if more else ""))


def _wrapped(text, marked, begin, finish):
    """text[begin:finish] escaped, with the `marked` spans (inside it) wrapped in <mark>."""
    parts, position = [], begin
    for start, end in marked:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:finish]))
    return "".join(parts)
