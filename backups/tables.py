"""Emptying the backup's tables and setting id counters, on SQLite and PostgreSQL.

`restore` used to run `flush`, which also recreates the content types under new ids: every
running server kept the old ids in its cache and attached new history to the wrong models.
Only the tables a backup holds are emptied now; content types and permissions keep their ids.
"""

from django.core.management.color import no_style
from django.db import connection
from reversion.models import Version

from .scope import backup_models


def backup_tables():
    """The database tables of the backup's models, their many-to-many tables included."""
    tables = []
    for model in backup_models():
        tables.append(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                tables.append(field.remote_field.through._meta.db_table)
    return tables


def empty_backup_tables():
    """Delete every row of the backup's tables and reset their id counters."""
    statements = connection.ops.sql_flush(
        no_style(), backup_tables(), reset_sequences=True, allow_cascade=False
    )
    connection.ops.execute_sql_flush(statements)


def keep_ids_above_history(models):
    """Set each model's id counter above every id its rows and versions have used.

    A restored database otherwise hands a deleted item's id to the next new item, which then
    takes over the deleted item's history and hides it from "Récupérer … supprimés".
    Takes concrete models with integer primary keys.
    """
    with connection.cursor() as cursor:
        for model in models:
            ids = [
                int(pk)
                for pk in Version.objects.get_for_model(model).values_list("object_id", flat=True)
            ]
            ids += list(model._base_manager.values_list("pk", flat=True))
            if not ids:
                continue
            table, top = model._meta.db_table, max(ids)
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s)",
                    [table, model._meta.pk.column, top],
                )
            elif connection.vendor == "sqlite":
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, top]
                )
