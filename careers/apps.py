from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Métiers"

    def ready(self):
        # Put the jobs and testimonials in the search index and keep them current there.
        from .search import register_documents

        register_documents()
