"""Text folding: lower case, no accents, ligatures spelled out, one apostrophe.

`fold()` is the rule in Python (site search, slugs, the admin's typed search terms).
`Folded` is the same rule inside the database, as the lookup `field__folded`, so that
`name__folded__contains=fold(term)` finds "Éducateur spécialisé" from "educateur" and
"l’assurance" from "l'assurance":

- on PostgreSQL it compiles to LOWER(UNACCENT(TRANSLATE(…))), with the `unaccent` extension
  that search/migrations/0002 creates;
- on SQLite, which has no such function, it calls `fold()` itself, registered on every new
  connection.

Importing this module registers both; the admin imports it (mutuelles_site/admin_search.py),
so it is loaded when Django starts, before any connection is opened.
"""

import unicodedata

from django.db import models
from django.db.backends.signals import connection_created

# Typed apostrophes ("l’assurance", "l‘", "lʼ") all become the keyboard's "'".
APOSTROPHES = "’‘ʼ"
# Letters that no accent removal turns into plain ones. PostgreSQL's unaccent spells them
# out the same way, so both databases agree.
SPELLED_OUT = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", **dict.fromkeys(APOSTROPHES, "'")}
)


def fold(text):
    """'Œnologue d’Hôpital' -> "oenologue d'hopital"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(SPELLED_OUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


SQLITE_FUNCTION = "mutuelles_fold"


@models.CharField.register_lookup
@models.TextField.register_lookup
class Folded(models.Transform):
    """`field__folded`: the field's text as fold() gives it, computed by the database."""

    lookup_name = "folded"
    output_field = models.TextField()

    def as_sql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"{SQLITE_FUNCTION}({lhs})", params

    def as_postgresql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        # unaccent before lower: lower() leaves "É" alone under the C locale.
        sql = f"LOWER(UNACCENT(TRANSLATE({lhs}, %s, %s)))"
        return sql, (*params, APOSTROPHES, "'" * len(APOSTROPHES))


def _fold_or_null(text):
    return None if text is None else fold(text)


def register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, _fold_or_null, deterministic=True)


connection_created.connect(register_sqlite_function, dispatch_uid="mutuelles_site.folding")
