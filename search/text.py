"""French text folding shared by indexing and querying, on every database.

Folding is deliberately light: lower case, no accents, and a small stemmer that maps plural
and feminine forms onto the masculine singular ("éducatrices" -> "educateur"). The same
function runs on the indexed text and on the query, so both sides always agree.
"""

import re
from functools import lru_cache

from mutuelles_site.folding import fold

WORD = re.compile(r"[a-z0-9]+")
# Words joined by hyphens ("oto-rhino-laryngologiste", "audio-prothésiste").
COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")

# Words that carry no meaning in a search ("métier avec le bac" is about "métier" and "bac").
STOPWORDS = frozenset(
    """
    a au aux avec ce ces c d dans de des du elle en et eux il ils je la le les leur lui l ma
    mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta
    te tes toi ton tu un une vos votre vous y est sont etre ete ont ai as avons avez etait
    """.split()
)

# Ordered: the first matching ending wins. Each maps a feminine ending to the masculine one.
FEMININE_ENDINGS = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("enne", "en"),
    ("onne", "on"),
    ("elle", "el"),
    ("iere", "ier"),
    ("ere", "er"),
    ("ive", "if"),
    ("ale", "al"),
    ("ee", "e"),
)


def words(text):
    """Folded words of a text, in order, stopwords included (phrases need them)."""
    return WORD.findall(fold(text))


@lru_cache(maxsize=100_000)
def stem(word):
    """Light French stemmer on a folded word: plural and feminine forms -> masculine singular."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word[-1] in "sx" and not word.endswith(("ss", "us")):
        word = word[:-1]
    for feminine, masculine in FEMININE_ENDINGS:
        if word.endswith(feminine) and len(word) - len(feminine) >= 3:
            return word[: -len(feminine)] + masculine
    return word


@lru_cache(maxsize=4096)
def phrase(text):
    """A short text's folded words joined by single spaces: how a synonym is compared.
    Cached: the same few phrases are compared on every search."""
    return " ".join(words(text))


def compounds(text):
    """The hyphenated words of a text written as one word: "audio-prothésiste" ->
    ["audioprothesiste"]. Indexed beside their parts, so that a compound is found with its
    hyphen, with a space or written as one word."""
    return ["".join(part.split("-")) for part in COMPOUND.findall(fold(text))]


def is_significant(word):
    return len(word) >= 2 and word not in STOPWORDS


# Folded letters in the order the C locale sorts them; anything else sorts like a space.
_KEY_ALPHABET = " 0123456789abcdefghijklmnopqrstuvwxyz"
_KEY_VALUE = {c: n for n, c in enumerate(_KEY_ALPHABET, 1)}
_KEY_LENGTH = 12


def title_key(title):
    """An integer that orders titles as their first 12 folded letters do: "Actuaire" <
    "Animateur prévention" < "Éducateur". 38 symbols (0 pads a short title) in 12 places
    fit a signed 64-bit integer (38**12 < 2**63), a column every database indexes."""
    key = 0
    folded = fold(title)[:_KEY_LENGTH].ljust(_KEY_LENGTH, "\0")
    for c in folded:
        key = key * 38 + (0 if c == "\0" else _KEY_VALUE.get(c, 1))
    return key
