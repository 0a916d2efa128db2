"""The editors' synonyms (models.Synonym), applied when a document is indexed.

A document that says "apprentissage" is also indexed under "alternance"; one that says
"BTS" under "brevet de technicien supérieur", and the reverse. Queries need no rewriting,
so the search page and the job list's keyword filter see the same index on every database.
"""

from .models import Synonym
from .text import phrase, words


class Expander:
    """The synonym table read once, for indexing many documents.

    expansions(text) -> str: the phrases to add for `text`, the ones it contains left out.
    """

    def __init__(self, rows=None):
        if rows is None:
            rows = Synonym.objects.values_list("typed", "formal", "both_ways")
        self.rules = []
        for typed, formal, both_ways in rows:
            typed, formal = phrase(typed), phrase(formal)
            if typed and formal:
                self.rules.append((formal, typed))
                if both_ways:
                    self.rules.append((typed, formal))

    def expansions(self, text):
        # A whole document: not through phrase()'s cache.
        folded = f" {' '.join(words(text))} "
        return " ".join(
            added
            for found, added in self.rules
            if f" {found} " in folded and f" {added} " not in folded
        )
