from django.apps import AppConfig


class DiplomasConfig(AppConfig):
    name = "diplomas"
    verbose_name = "Formations"

    def ready(self):
        # Put the diplomas and CQP in the search index and keep them current there.
        from .search import register_documents

        register_documents()
