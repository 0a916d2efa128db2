"""From what a visitor typed to the terms the index is searched for.

parse() reads the text (a level of study, the words to look for); resolve() matches each
word against the index vocabulary: kept, joined with its neighbour into a compound,
corrected when a typo is likely, or reported as not found. Nothing typed is dropped without
the page saying so.
"""

import itertools
import re
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from mutuelles_site.fields import without_control_characters

from . import levels
from .text import fold, is_significant, phrase, stem, words

MIN_LENGTH = 2
MAX_LENGTH = 100
MAX_TERMS = 8
# A typo is corrected only in words this long (one letter off), or longer than
# LONG_WORD (two letters off): short words have too many close neighbours.
TYPO_MIN_LENGTH = 5
LONG_WORD = 8
MAX_CORRECTIONS = 2
# A word this common in French (Zipf scale: 3 is about once per million words; from
# wordfreq's corpus, https://github.com/rspeer/wordfreq) is a word the visitor meant, not a
# typo: "salaire" (4.6) is not corrected to "salarié".
COMMON_WORD_ZIPF = 3.0


@dataclass(frozen=True)
class Term:
    typed: str
    # Folded words to look for. Several when the typed word was corrected.
    alternatives: tuple
    # The stems of the alternatives: what postings and excerpt words are matched against.
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
    # Words found nowhere in the guide, and words left out because the level says it all.
    ignored: list = field(default_factory=list)
    set_aside: list = field(default_factory=list)
    # The level of study named in the text (levels.LevelReading), if any.
    level: object = None
    # True when the visitor asked for their own words, without corrections.
    exact: bool = False
    # {folded word: the word as typed, accents kept}: how common it is depends on them.
    typed_forms: dict = field(default_factory=dict, repr=False)
    # The editors' synonyms the text uses: [(what was typed, what it also searched)].
    synonyms: list = field(default_factory=list)
    _stems: dict = field(default_factory=dict, repr=False)

    @property
    def corrections(self):
        return [term for term in self.terms if term.corrected]

    def shown(self, word):
        """A folded word as the visitor typed it, accents kept: what the page shows."""
        return self.typed_forms.get(word, word)

    @property
    def shown_ignored(self):
        return [self.shown(word) for word in self.ignored]

    @property
    def shown_set_aside(self):
        return [self.shown(word) for word in self.set_aside]

    def stem(self, word):
        """The stem of a folded word, computed once per query however often it is asked for."""
        if word not in self._stems:
            self._stems[word] = stem(word)
        return self._stems[word]


def clean(raw):
    """Drop NUL and other control characters (PostgreSQL refuses NUL in text), with the
    rule the keyword boxes use (mutuelles_site/fields.py)."""
    return without_control_characters(raw or "")


def parse(raw, exact=False):
    """A Query with the visitor's words, or with a French message saying what is wrong."""
    text = clean(raw)
    query = Query(text=text, exact=exact)
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
        query.typed_forms = {fold(w): w for w in re.findall(r"\w+", text.lower())}
        wanted = list(query.words)
        query.level = levels.read(text)
        if query.level and not query.level.searched:
            for word in words(query.level.typed):
                if word in wanted:
                    wanted.remove(word)
            kept = [w for w in wanted if w not in levels.QUESTION_WORDS]
            query.set_aside = [
                w for w in dict.fromkeys(wanted) if w not in kept and is_significant(w)
            ]
            wanted = kept
        query.significant = list(dict.fromkeys(filter(is_significant, wanted)))[:MAX_TERMS]
        if not query.significant and not query.level:
            query.message = (
                "Votre recherche ne contient aucun mot utilisable : essayez un nom de métier, "
                "de diplôme, de ville ou d’employeur."
            )
    return query


def matching_synonyms(query, rows):
    """The synonyms whose typed phrase the query contains, as [(typed, formal)]; both ways
    for two-way rows. `rows` are (typed, formal, both_ways) as editors wrote them."""
    text = f" {' '.join(query.words)} "
    found = []
    for typed, formal, both_ways in rows:
        pairs = [(typed, formal), (formal, typed)] if both_ways else [(typed, formal)]
        for said, meant in pairs:
            folded = phrase(said)
            if folded and f" {folded} " in text and (said, meant) not in found:
                found.append((said, meant))
    return found


def lookups(query):
    """The stems resolve() needs to know about: each word's, and each neighbour pair's
    written as one word ("audio prothésiste" -> "audioprothesiste")."""
    found = [query.stem(word) for word in query.significant]
    found += [query.stem(a + b) for a, b in itertools.pairwise(query.significant)]
    return list(dict.fromkeys(found))


def needs_correction(query, known):
    """The significant words neither known nor part of a known compound, long enough for a
    typo to be corrected; `known` is the set of stems found in the vocabulary."""
    if query.exact:
        return []
    joined = _compounds(query, known)
    return [
        word
        for word in query.significant
        if query.stem(word) not in known and word not in joined and len(word) >= TYPO_MIN_LENGTH
    ]


def _compounds(query, known):
    """{word: compound} for neighbour pairs that form a known word when one of them alone
    is not known."""
    joined = {}
    pairs = itertools.pairwise(query.significant)
    for a, b in pairs:
        if query.stem(a + b) in known and (
            query.stem(a) not in known or query.stem(b) not in known
        ):
            joined[a] = joined[b] = a + b
    return joined


def resolve(query, vocabulary):
    """Turn each significant word into a term: kept, joined, corrected, or ignored.

    `vocabulary` maps stems to (word, frequency): every stem lookups() asked for that the
    index knows, plus the correction candidates the engine found for needs_correction().
    """
    joined = _compounds(query, vocabulary)
    done = set()
    for typed in query.significant:
        if typed in joined:
            compound = joined[typed]
            if compound not in done:
                done.add(compound)
                query.terms.append(Term(compound, (compound,), (query.stem(compound),)))
            continue
        typed_stem = query.stem(typed)
        if typed_stem in vocabulary:
            query.terms.append(Term(query.shown(typed), (typed,), (typed_stem,)))
            continue
        close = [] if query.exact else corrections(typed, typed_stem, vocabulary, query.typed_forms)
        if close:
            query.terms.append(
                Term(
                    query.shown(typed), tuple(w for _, w in close), tuple(s for s, _ in close), True
                )
            )
        else:
            query.ignored.append(typed)
    return query


def corrections(typed, typed_stem, vocabulary, typed_forms=None):
    """The likely intended words for a typed word the index does not know, best first:
    [(stem, word)]. A typo is likely when the word is not common French (COMMON_WORD_ZIPF)
    and an indexed word is one letter off (two for long words); among those at the
    smallest distance, the words found in the most documents come first."""
    if len(typed) < TYPO_MIN_LENGTH or _is_common(typed, typed_forms or {}):
        return []
    limit = 2 if len(typed) >= LONG_WORD else 1
    scored = []
    for known_stem, (word, frequency) in vocabulary.items():
        distance = edit_distance(typed_stem, known_stem, limit)
        if distance <= limit:
            scored.append((distance, -frequency, known_stem, word))
    scored.sort()
    if not scored:
        return []
    best = scored[0][0]
    return [(s, w) for d, _, s, w in scored if d == best][:MAX_CORRECTIONS]


def _is_common(typed, typed_forms):
    forms = {typed, typed_forms.get(typed, typed)}
    return max(zipf_frequency(form, "fr") for form in forms) >= COMMON_WORD_ZIPF


def candidates(s):
    """A condition's parts for the vocabulary rows a typo of the stem `s` may come from:
    (stem length range, first letter, last three letters). Same on every database."""
    return (len(s) - 2, len(s) + 2), s[0], s[-3:]


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
