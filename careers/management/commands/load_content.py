from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from careers.models import Family
from mutuelles_site.versions import record_versions

# Families first, then diplomas, then what points at both (jobs, their rows, testimonials).
FIXTURES = ["families.json", "diplomas.json", "careers.json", "synonyms.json"]
# The reasons shown in each item's history.
LOADED = "Chargé depuis la brochure"
RELOADED = "Rechargé depuis la brochure (load_content --force)"
ALREADY_THERE = "Première version enregistrée (contenu déjà présent)"


def fixture_paths():
    """The brochure's fixture files, in load order, as strings."""
    return [str(settings.BASE_DIR / "fixtures" / name) for name in FIXTURES]


class Command(BaseCommand):
    help = (
        "Load the brochure's content from fixtures/ into an empty database, give every item "
        "its first version and rebuild the search index. An existing database is left alone "
        "so that editors' changes are never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Reload the fixtures even if content exists: rows are matched by slug and "
            "overwritten with the brochure's version (a new version of each, so it can be "
            "undone from the history).",
        )

    def handle(self, *args, force=False, **options):
        # One transaction: a broken fixture loads nothing, versions nothing, indexes nothing.
        with transaction.atomic():
            if Family.objects.exists() and not force:
                # Content from before versions were kept gets its first one, so that an
                # editor's first change can be undone.
                count = record_versions(ALREADY_THERE, only_missing=True)
                # A database from before the synonyms (or before the index changed form)
                # gets the seed synonyms and an index, never over an editor's work.
                if not apps.get_model("search", "Synonym").objects.exists():
                    call_command("loaddata", fixture_paths()[-1], verbosity=0)
                call_command("rebuild_search_index", if_empty=True, verbosity=0)
                self.stdout.write(
                    "Content already present: nothing loaded (use --force to reset it to the "
                    f"brochure's version); {count} item(s) given a first version."
                )
                return
            call_command("loaddata", *fixture_paths(), verbosity=options["verbosity"])
            # loaddata saves "raw", which neither the versions nor the search signals see.
            record_versions(RELOADED if force else LOADED)
            call_command("rebuild_search_index", verbosity=options["verbosity"])
