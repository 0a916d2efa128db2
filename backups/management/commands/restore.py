from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Replace the whole database with a backup made by `backup`. All or nothing: if "
        "anything in the file fails to load, the database is left exactly as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A JSON file written by `manage.py backup`.")

    def handle(self, *args, path, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No backup file at {source}")
        # flush and loaddata in one transaction: a bad file rolls the flush back too.
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(source.resolve()), verbosity=0)
        self.stdout.write(f"Database restored from {source}")
