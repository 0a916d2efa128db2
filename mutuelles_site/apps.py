from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project package as an app, only to wire the page cache to content changes."""

    name = "mutuelles_site"
    verbose_name = "Site"

    def ready(self):
        from .page_cache import connect_signals

        connect_signals()
