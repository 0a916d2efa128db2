from django.core.management.base import BaseCommand

from search.index import rebuild
from search.models import SearchDocument
from search.registry import sources


class Command(BaseCommand):
    help = "Recompute the search index from the published content (run after loaddata)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only when the index holds no document (after a migration that emptied it).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and SearchDocument.objects.exists():
            return
        total = rebuild(sources())
        if options["verbosity"]:
            self.stdout.write(f"Search index rebuilt: {total} documents.")
