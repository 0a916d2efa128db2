"""From what a visitor typed to the terms the index is searched for."""

import unicodedata
from dataclasses import dataclass, field

from .text import is_significant, stem, words

MIN_LENGTH = 2
MAX_LENGTH = 100
MAX_TERMS = 8
# A typo (up to two letters) is corrected only in words this long: short words have too many
# close neighbours.
TYPO_MIN_LENGTH = 6
MAX_CORRECTIONS = 4


@dataclass(frozen=True)
class Term:
    typed: str
    # Folded words to look for; the stem first. Several when the typed word was corrected.
    alternatives: tuple
    # The stems of the alternatives: what stored stems and excerpt words are matched against.
    stems: tuple
    corrected: bool = False


@dataclass
class Query:
    """What a visitor typed, parsed, folded and stemmed once; the engine carries it from the
    vocabulary lookup to the excerpts, and nothing downstream folds or stems it again."""

    text: str
    message: str = ""
    # The folded words of the text, in order, stopwords included.
    words: tuple = ()
    # The words a document must contain: no stopwords, no repeats, at most MAX_TERMS.
    significant: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    ignored: list = field(default_factory=list)
    _stems: dict = field(default_factory=dict, repr=False)

    @property
    def corrections(self):
        return [term for term in self.terms if term.corrected]

    def stem(self, word):
        """The stem of a folded word, computed once per query however often it is asked for."""
        if word not in self._stems:
            self._stems[word] = stem(word)
        return self._stems[word]

    @property
    def stemmed_text(self):
        """Every word of the text as its stem, as the documents' stems are stored."""
        return " ".join(self.stem(word) for word in self.words)


def clean(raw):
    """Drop NUL and other control characters (PostgreSQL refuses NUL in text)."""
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in raw or "")
    return " ".join(text.split())


def parse(raw):
    """A Query with the visitor's words, or with a French message saying what is wrong."""
    text = clean(raw)
    query = Query(text=text)
    if not text:
        query.message = (
            "Saisissez un métier, un diplôme, une ville ou un employeur, "
            "par exemple « infirmière », « BTS » ou « MGEN »."
        )
    elif len(text) < MIN_LENGTH:
        query.message = "Votre recherche est trop courte : saisissez au moins 2 caractères."
    elif len(text) > MAX_LENGTH:
        query.message = (
            f"Votre recherche est trop longue ({len(text)} caractères) : "
            f"raccourcissez-la à {MAX_LENGTH} caractères au plus."
        )
    else:
        query.words = tuple(words(text))
        query.significant = list(dict.fromkeys(filter(is_significant, query.words)))[:MAX_TERMS]
        if not query.significant:
            query.message = (
                "Votre recherche ne contient aucun mot utilisable : essayez un nom de métier, "
                "de diplôme, de ville ou d'employeur."
            )
    return query


def resolve(query, vocabulary):
    """Match each word against the index vocabulary: keep it, correct it, or ignore it.

    `vocabulary` is an iterable of (word, stem) pairs: every known word with the stem of a
    query word, plus the candidates the database found for the long ones.
    """
    known_stems = {}
    for word, word_stem in vocabulary:
        known_stems.setdefault(word_stem, word)
    for typed in query.significant:
        typed_stem = query.stem(typed)
        if typed_stem in known_stems:
            alternatives = tuple(dict.fromkeys([typed_stem, typed]))
            query.terms.append(Term(typed, alternatives, _stems(query, alternatives)))
            continue
        close = corrections(typed_stem, known_stems) if len(typed) >= TYPO_MIN_LENGTH else []
        if close:
            alternatives = tuple(close)
            query.terms.append(
                Term(typed, alternatives, _stems(query, alternatives), corrected=True)
            )
        else:
            query.ignored.append(typed)
    return query


def _stems(query, alternatives):
    return tuple(dict.fromkeys(query.stem(word) for word in alternatives))


def corrections(typed_stem, known_stems, limit=2):
    scored = []
    for known_stem, word in known_stems.items():
        distance = edit_distance(typed_stem, known_stem, limit)
        if distance <= limit:
            scored.append((distance, known_stem, word))
    scored.sort()
    if not scored:
        return []
    best = scored[0][0]
    return [word for distance, _, word in scored if distance == best][:MAX_CORRECTIONS]


def edit_distance(a, b, limit):
    """Damerau-Levenshtein (optimal string alignment), giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
