"""Reading a level of study in what a visitor typed: "bac+2", "bac 2", "niveau 5", "avec le
bac", "bac pro", or a diploma that stands for a level ("BTS").

The scale itself (years after the bac, their labels, their 2019 national levels) belongs to
the content apps, which hand it over with configure(); this module only reads how people
write it. A level read is never dropped silently: the page says how it was read.
"""

import re
from dataclasses import dataclass

from .text import fold

# Set by configure(): {years after the bac: "bac + 2 (niveau 5)"} and {years: national}.
_labels = {}
_national = {}

BAC = r"(?:bac(?:calaureat)?|bachelier)"
# "bac+2", "bac + 2", "bac 2", "bac+ 2", "baccalauréat + 3", "bac+2/3", "bac +2 à 3"
YEARS = re.compile(r"\b" + BAC + r"\s*\+?\s*(\d{1,2})\b(?:\s*(?:/|-|a|ou)\s*\+?\s*\d{1,2}\b)?")
# "2 ans après le bac", "3 années après le bac"
YEARS_AFTER = re.compile(
    r"\b(\d{1,2})\s*(?:ans?|annees?)\s+(?:d etudes\s+)?apres\s+(?:le\s+|un\s+)?" + BAC
)
# "sans le bac", "sans bac", "sans diplôme"
WITHOUT = re.compile(r"\bsans\s+(?:le\s+|un\s+|aucun\s+)?(?:" + BAC + r"|diplome)\b")
NATIONAL = re.compile(r"\bniveau\s*(\d{1,2})\b")
# "bac", "bac pro", "bac professionnel", "bac général", "bac techno", "bachelier"
PLAIN_BAC = re.compile(
    r"\b"
    + BAC
    + r"(?:\s+(?:pro|professionnel|general|techno|technologique|stmg|st2s|sti2d|stl|es|s|l))?\b"
)
# Diplomas that name a level without being one: read as a level, and still searched for.
DIPLOMA_LEVELS = (
    (re.compile(r"\b(?:bts|dut|deust)\b"), 2),
    (re.compile(r"\blicence(?:\s+pro(?:fessionnelle)?)?\b"), 3),
    (re.compile(r"\bmaster(?:\s+pro(?:fessionnel)?)?\b"), 5),
)
# Words that only say what is asked when a level is named: "métier avec le bac",
# "quel travail après un bac+2". Left out of the text search once a level is read.
QUESTION_WORDS = frozenset(
    """metier metiers job jobs emploi emplois travail travailler travaux poste postes quel
    quels quelle quelles faire possible possibles accessible accessibles apres niveau avoir
    ai peut peux puis veux""".split()
)


def configure(labels, national):
    """Hand over the scale: `labels` {years after the bac: label}, `national` {years: the
    2019 national level}. Called by the content app that owns the scale."""
    _labels.clear()
    _labels.update(labels)
    _national.clear()
    _national.update(national)


@dataclass(frozen=True)
class LevelReading:
    """A level read in a query.

    years: the level on the guide's scale (years after the bac), the highest one at or
    below what was typed; None when it is below every level of the guide.
    typed: the words read as a level, as folded text ("bac 2", "niveau 5", "bts").
    note: a French sentence when the reading needed explaining (an unknown level).
    searched: True when the typed words are also searched as text (a diploma's name).
    """

    years: int | None
    typed: str
    note: str = ""
    searched: bool = False

    @property
    def label(self):
        return _labels.get(self.years, "")


def _at_or_below(years):
    below = [level for level in _labels if level <= years]
    return max(below) if below else None


def read(text):
    """The first level named in `text` (any spelling), or None.

    Returns a LevelReading; `text` is what the visitor typed, before folding.
    """
    if not _labels:
        return None
    folded = fold(text).replace("'", " ")
    match = WITHOUT.search(folded)
    if match:
        return LevelReading(
            None,
            match.group(0),
            "Aucun métier du guide n’est accessible sans le bac : tous demandent au moins "
            "le bac, souvent davantage.",
        )
    match = YEARS_AFTER.search(folded) or YEARS.search(folded)
    if match:
        typed = int(match.group(1))
        years = _at_or_below(typed)
        note = ""
        if years != typed:
            note = _unknown(f"bac + {typed}", years)
        return LevelReading(years, match.group(0), note)
    match = NATIONAL.search(folded)
    if match:
        national = int(match.group(1))
        candidates = [y for y, n in _national.items() if n <= national and y in _labels]
        years = max(candidates) if candidates else None
        note = ""
        if national not in _national.values():
            note = _unknown(f"niveau {national}", years)
        return LevelReading(years, match.group(0), note)
    match = PLAIN_BAC.search(folded)
    if match:
        return LevelReading(_at_or_below(0), match.group(0))
    for pattern, years in DIPLOMA_LEVELS:
        match = pattern.search(folded)
        if match:
            return LevelReading(_at_or_below(years), match.group(0), searched=True)
    return None


def _unknown(typed, years):
    if years is None:
        return f"Aucun métier du guide n’est accessible avec « {typed} » : il faut au moins le bac."
    return (
        f"Le guide ne distingue pas « {typed} » : nous montrons les métiers accessibles "
        f"avec {_labels[years]}."
    )
