"""Database-specific matching and ranking; everything else in the engine is shared.

Each backend module offers the same functions:
- near(stems): a condition on SearchWord selecting candidate corrections for these stems;
- matches(terms): a condition on SearchDocument, true when every term is found;
- rank(terms): the same score on every database (scores.py), so results come in the same
  order; the tests' table of expected results relies on it;
- refine(terms): a finer score that orders documents of equal rank;
- closest(queryset, text, limit): the documents whose titles look most like `text`;
- lock_vocabulary(): called in the transaction that recomputes the vocabulary, so that two
  concurrent saves cannot each recompute it from documents the other is changing;
- after_rebuild(): housekeeping once the whole index has been rewritten.
"""

from django.db import connection


def current():
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import generic

    return generic
