"""What a backup holds: everything people wrote, nothing Django can rebuild.

Content types and permissions are recreated by migrate; sessions and login attempts are
short-lived; the search index is rebuilt from the content by `restore`. The versions
(reversion) name the accounts that made each change, so the accounts come too.
"""

from django.apps import apps

BACKUP_LABELS = [
    "careers",
    "diplomas",
    # Editors keep the synonyms; the rest of search/ is rebuilt from the content.
    "search.synonym",
    "reversion",
    "auth.user",
    "auth.group",
    "admin.logentry",
]


def backup_models():
    """The models whose rows a backup holds, in BACKUP_LABELS order."""
    for label in BACKUP_LABELS:
        app_label, _, model_name = label.partition(".")
        if model_name:
            yield apps.get_model(app_label, model_name)
        else:
            # A proxy's rows are its concrete model's, already in the backup.
            for model in apps.get_app_config(app_label).get_models():
                if not model._meta.proxy:
                    yield model
