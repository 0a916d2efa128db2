"""Rename Diploma.category to diploma_type: « type de diplôme » is its name everywhere.

RenameField keeps the rows. The versions kept by django-reversion hold the field's old
name in their serialized data; they are rewritten so that history still compares and
reverts (reversion would otherwise silently drop the unknown key on revert).
"""

import json

from django.db import migrations, models

DIPLOMA_MODELS = ("diploma", "cqp")


def rename_in_versions(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_types = ContentType.objects.filter(app_label="diplomas", model__in=DIPLOMA_MODELS)
    for version in Version.objects.filter(content_type__in=content_types, format="json"):
        rows = json.loads(version.serialized_data)
        changed = False
        for row in rows:
            fields = row.get("fields", {})
            if old in fields:
                # Same key order as the serializer writes: versions are compared as text.
                row["fields"] = {new if name == old else name: v for name, v in fields.items()}
                changed = True
        if changed:
            version.serialized_data = json.dumps(rows, ensure_ascii=False)
            version.save(update_fields=["serialized_data"])


def forwards(apps, schema_editor):
    rename_in_versions(apps, schema_editor, "category", "diploma_type")


def backwards(apps, schema_editor):
    rename_in_versions(apps, schema_editor, "diploma_type", "category")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("diplomas", "0006_level_labels_and_optional_slugs"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="diploma", name="diploma_category_valid"),
        migrations.RenameField(model_name="diploma", old_name="category", new_name="diploma_type"),
        migrations.AlterField(
            model_name="diploma",
            name="diploma_type",
            field=models.CharField(
                choices=[
                    ("bts", "BTS"),
                    ("dut", "DUT"),
                    ("deust", "DEUST"),
                    ("licence-pro", "Licence professionnelle"),
                    ("master", "Master"),
                    ("ecole", "Diplôme d'école (ingénieur, commerce)"),
                    ("du", "DU"),
                    ("de", "Diplôme d'État"),
                    ("cqp", "CQP"),
                    ("autre", "Autre formation"),
                ],
                help_text="BTS, licence professionnelle, DE, CQP… Il détermine la catégorie du "
                "diplôme (diplôme national, diplôme d'État, CQP), donc sa rubrique de la "
                "brochure.",
                max_length=20,
                verbose_name="type de diplôme",
            ),
        ),
        migrations.AddConstraint(
            model_name="diploma",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "diploma_type__in",
                        [
                            "bts",
                            "dut",
                            "deust",
                            "licence-pro",
                            "master",
                            "ecole",
                            "du",
                            "de",
                            "cqp",
                            "autre",
                        ],
                    )
                ),
                name="diploma_type_valid",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
