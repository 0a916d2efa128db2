"""The Éditeurs group (careers/migrations/0002) may add, change, delete and view synonyms."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Éditeurs"


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations: create them now.
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="search", content_type__model="synonym")
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="search", content_type__model="synonym"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_postings"),
        ("careers", "0002_editors_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
