from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Éditeurs"
# Content models only: editors never manage users, groups or permissions.
CONTENT_MODELS = {
    "careers": ["family", "career", "pathway", "testimonial"],
    "diplomas": ["diploma", "speciality", "cqp"],
}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group
    # can be given them on a brand-new database.
    for app_label in CONTENT_MODELS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    permissions = Permission.objects.filter(
        content_type__app_label__in=CONTENT_MODELS,
    ).filter(
        content_type__model__in=[m for models in CONTENT_MODELS.values() for m in models]
    )
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("careers", "0001_initial"),
        ("diplomas", "0002_cqp"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
