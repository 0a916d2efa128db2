"""Any database (SQLite in practice): LIKE on the folded, stemmed words stored per document.

Accents, case, plural and feminine forms are handled by folding both sides with the same
light stemmer; typos by the shared vocabulary correction, with candidates limited to words of
a similar length that start with the same letter (a typo in the first letter is not fixed).
"""

import difflib
from functools import reduce
from operator import or_

from django.db.models import Q, Value
from django.db.models.functions import Length

from . import scores


def near(stems):
    return reduce(
        or_,
        (Q(stem__startswith=s[0], stem_length__range=(len(s) - 2, len(s) + 2)) for s in stems),
        Q(pk__in=[]),
    )


def annotate_vocabulary(queryset):
    return queryset.annotate(stem_length=Length("stem"))


def _found(field, term):
    return reduce(or_, (Q(**{f"{field}__contains": f" {s} "}) for s in term.stems))


def matches(terms):
    return reduce(
        lambda both, term: (
            both
            & (
                _found("title_stems", term)
                | _found("lead_stems", term)
                | _found("body_stems", term)
            )
        ),
        terms,
        Q(),
    )


def rank(terms):
    return scores.rank(terms, lambda term, place: _found(f"{place}_stems", term))


def refine(terms):
    # No term frequencies without full-text search: equal ranks fall back to title order.
    return Value(0.0)


def closest(queryset, text, limit):
    titles = {doc.pk: doc for doc in queryset.only("pk", "title", "url", "title_stems")}
    scored = sorted(
        titles.values(),
        key=lambda doc: -difflib.SequenceMatcher(None, text, doc.title_stems.strip()).ratio(),
    )
    return scored[:limit]


def lock_vocabulary():
    """Nothing to do: SQLite lets one transaction write at a time, and the caller has already
    written its documents, so no other save can change them until it commits."""


def after_rebuild():
    """Nothing to do: SQLite plans these LIKE scans the same whatever the statistics."""
