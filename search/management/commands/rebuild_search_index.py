from django.core.management.base import BaseCommand

from search.index import rebuild
from search.registry import sources


class Command(BaseCommand):
    help = "Recompute the search index from the published content (run after loaddata)."

    def handle(self, *args, **options):
        total = rebuild(sources())
        if options["verbosity"]:
            self.stdout.write(f"Search index rebuilt: {total} documents.")
