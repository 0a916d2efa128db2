from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "recherche"

    def ready(self):
        # Connect the handlers that keep the index in step with editors' saves.
        from . import signals  # noqa: F401
