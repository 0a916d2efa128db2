"""The little that differs between databases; matching and ranking are the same SQL on all.

- lock_vocabulary(): called in the transaction that rewrites postings and vocabulary, so
  that two concurrent saves cannot each recompute the counts of a word from postings the
  other is changing. SQLite lets one transaction write at a time: nothing to do.
- after_rebuild(): fresh planner statistics on PostgreSQL once the whole index is new.
"""

from django.db import connection


def current():
    return _PostgreSQL if connection.vendor == "postgresql" else _AnyDatabase


class _AnyDatabase:
    @staticmethod
    def lock_vocabulary():
        pass

    @staticmethod
    def after_rebuild():
        pass


class _PostgreSQL:
    @staticmethod
    def lock_vocabulary():
        # Held until the end of the transaction; blocks other writers, not readers.
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE search_searchword IN SHARE ROW EXCLUSIVE MODE")

    @staticmethod
    def after_rebuild():
        # Fresh statistics, or the planner keeps scanning tables it believes to be empty;
        # and, outside a transaction, a visibility map, so that queries read the postings'
        # index alone (an index-only scan). Autovacuum does it later otherwise.
        tables = "search_searchdocument, search_searchposting, search_searchword"
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} {tables}")
