"""What a backup holds: everything people wrote, nothing Django can rebuild.

Content types and permissions are recreated by migrate; sessions and login attempts are
short-lived. The history tables live in the careers and diplomas apps, and name the accounts
that made each change, so the accounts come too.
"""

from django.apps import apps

BACKUP_LABELS = ["careers", "diplomas", "auth.user", "auth.group", "admin.logentry"]


def backup_models():
    for label in BACKUP_LABELS:
        app_label, _, model_name = label.partition(".")
        if model_name:
            yield apps.get_model(app_label, model_name)
        else:
            yield from apps.get_app_config(app_label).get_models()
