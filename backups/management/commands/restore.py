import json
import os
import re
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from backups.tables import empty_backup_tables, keep_ids_above_history
from diplomas.models import add_missing_sources
from mutuelles_site.versions import content_models, record_versions

# Backups made before the switch to django-reversion hold django-simple-history's tables,
# which no longer exist. Their content is restored; that old history cannot be.
OBSOLETE_MODELS = re.compile(r"^(careers|diplomas)\.historical", re.IGNORECASE)
# Fields renamed since older backups were written: model -> {old name: current name}.
RENAMED_FIELDS = {
    "diplomas.diploma": {"category": "diploma_type"},
    "diplomas.cqp": {"category": "diploma_type"},
}
# Fields added since older backups were written, filled from the row: model -> function.
ADDED_FIELDS = {"diplomas.diploma": add_missing_sources, "diplomas.cqp": add_missing_sources}


class Command(BaseCommand):
    help = (
        "Replace the whole database with a backup made by `backup`, then rebuild the search "
        "index. All or nothing: if anything in the file fails to load, the database is left "
        "exactly as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A JSON file written by `manage.py backup`.")

    def handle(self, *args, path, **options):
        source = Path(path)
        rows = read_backup(source)
        kept = [row for row in rows if not OBSOLETE_MODELS.match(str(row.get("model", "")))]
        if len(kept) < len(rows):
            self.stdout.write(
                f"{len(rows) - len(kept)} ligne(s) d'un ancien format d'historique ignorée(s)."
            )
        for row in kept:
            rename_fields(row)
        # loaddata reads files only; the kept rows go through a temporary one.
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as copy:
            json.dump(kept, copy)
        try:
            # Emptying, loading, the index and the versions in one transaction: a bad file
            # rolls the emptying back too.
            with transaction.atomic():
                empty_backup_tables()
                call_command("loaddata", copy.name, verbosity=0)
                keep_ids_above_history(content_models())
                call_command("rebuild_search_index", verbosity=0)
                record_versions(f"Restauré depuis la sauvegarde {source.name}", only_missing=True)
        except (DeserializationError, DatabaseError, ValidationError) as error:
            raise CommandError(
                f"La sauvegarde {source} n'a pas pu être restaurée ({error}). "
                "La base de données n'a pas été modifiée."
            ) from error
        finally:
            os.unlink(copy.name)
        self.stdout.write(f"Base restaurée depuis {source}.")


def rename_fields(row):
    """Bring a backup row's fields up to date, in place, and in the copies of rows its
    versions (reversion) hold, so that old history still reverts: renamed fields under
    their current names, fields added since filled (ADDED_FIELDS).

    Returns True when something changed.
    """
    fields = row.get("fields")
    if not isinstance(fields, dict):
        return False
    model = str(row.get("model", "")).lower()
    names = RENAMED_FIELDS.get(model, {})
    renamed = any(old in fields for old in names)
    if renamed:
        # In place and in the same order: a version's copy is compared as text.
        current = {names.get(name, name): value for name, value in fields.items()}
        fields.clear()
        fields.update(current)
    if model in ADDED_FIELDS:
        renamed = ADDED_FIELDS[model](fields) or renamed
    if row.get("model") == "reversion.version" and fields.get("format") == "json":
        try:
            copies = json.loads(fields.get("serialized_data", ""))
        except (TypeError, ValueError):
            return renamed
        if isinstance(copies, list) and any(
            [rename_fields(copy) for copy in copies if isinstance(copy, dict)]
        ):
            fields["serialized_data"] = json.dumps(copies, ensure_ascii=False)
            renamed = True
    return renamed


def read_backup(source):
    """The rows of a backup file: a list of {"model": …, "fields": …} dicts.

    Raises CommandError, in French, when the file is missing, unreadable or not a backup.
    """
    if not source.is_file():
        raise CommandError(f"Aucune sauvegarde à l'emplacement {source}.")
    try:
        rows = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CommandError(
            f"{source} n'est pas une sauvegarde lisible ({error}). "
            "La base de données n'a pas été modifiée."
        ) from error
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise CommandError(
            f"{source} n'est pas une sauvegarde de ce site (une liste de lignes JSON est "
            "attendue). La base de données n'a pas été modifiée."
        )
    return rows
