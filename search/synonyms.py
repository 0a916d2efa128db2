"""Abbreviations and their long forms, so that either finds the other.

Expansion happens when a document is indexed: a document that says "BTS" is also indexed
under "brevet de technicien supérieur", and the reverse. Queries need no rewriting, and the
job-list filter and the search page see the same index.
"""

from .text import words

# Each group lists interchangeable phrases, written as people type them. "DE" (diplôme
# d'État) is left out: folded, it is the word "de", which every text contains.
GROUPS = (
    ("BTS", "brevet de technicien supérieur"),
    ("DUT", "diplôme universitaire de technologie"),
    ("DEUST", "diplôme d'études universitaires scientifiques et techniques"),
    ("licence pro", "licence professionnelle"),
    ("master pro", "master professionnel"),
    ("CQP", "certificat de qualification professionnelle"),
    ("DCG", "diplôme de comptabilité et gestion"),
    ("ORL", "oto-rhino-laryngologiste"),
    ("RH", "ressources humaines"),
    ("webmestre", "webmaster"),
)

_FOLDED = tuple(tuple(" ".join(words(phrase)) for phrase in group) for group in GROUPS)


def expansions(text):
    """The phrases of every group that `text` mentions, except those it already contains."""
    folded = " " + " ".join(words(text)) + " "
    found = []
    for group in _FOLDED:
        present = [phrase for phrase in group if f" {phrase} " in folded]
        if present:
            found.extend(phrase for phrase in group if phrase not in present)
    return " ".join(found)
