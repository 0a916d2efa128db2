from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from careers.models import Family

FIXTURES = ["families.json", "diplomas.json", "careers.json"]


class Command(BaseCommand):
    help = (
        "Load the brochure's content from fixtures/ into an empty database. "
        "An existing database is left alone so that editors' changes are never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Reload the fixtures even if content exists: rows are matched by slug and "
            "overwritten with the brochure's version.",
        )

    def handle(self, *args, force=False, **options):
        if Family.objects.exists() and not force:
            self.stdout.write(
                "Content already present: nothing loaded (use --force to reset it to the "
                "brochure's version)."
            )
            return
        paths = [str(settings.BASE_DIR / "fixtures" / name) for name in FIXTURES]
        # loaddata runs in one transaction: a broken fixture loads nothing.
        call_command("loaddata", *paths, verbosity=options["verbosity"])
