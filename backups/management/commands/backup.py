import os
from datetime import datetime
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from backups.scope import BACKUP_LABELS


class Command(BaseCommand):
    help = "Write the site's content, its edit history and the accounts to a JSON file."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="Where to write (default: var/backups/content-YYYYmmdd-HHMMSS.json).",
        )

    def handle(self, *args, path=None, **options):
        target = Path(path or f"var/backups/content-{datetime.now():%Y%m%d-%H%M%S}.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target, then rename: a dump that fails halfway never replaces a
        # good backup with half a file.
        partial = target.with_name(target.name + ".partial")
        # It holds the accounts' password hashes: readable by its owner only, from the start
        # (dumpdata reopens the file, which keeps its mode).
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
        os.chmod(partial, 0o600)
        # Natural foreign keys, because content type and permission ids differ from one
        # database to the next. Primary keys are kept: the history rows and the admin log
        # point at them, and would come back detached without them.
        call_command(
            "dumpdata",
            *BACKUP_LABELS,
            natural_foreign=True,
            indent=1,
            output=str(partial),
            verbosity=0,
        )
        os.replace(partial, target)
        self.stdout.write(f"Sauvegarde écrite dans {target}.")
