"""Migration 0007 renames Diploma.category to diploma_type, inside the kept versions too."""

import importlib
import json

import pytest
import reversion
from django.apps import apps
from reversion.models import Version

from diplomas.models import Diploma, DiplomaType

from .helpers import make_diploma

pytestmark = pytest.mark.django_db

migration = importlib.import_module("diplomas.migrations.0007_diploma_type")


def test_a_version_written_before_the_rename_reverts_with_its_type_de_diplome():
    with reversion.create_revision():
        diploma = make_diploma(diploma_type=DiplomaType.STATE)
    version = Version.objects.get_for_object(diploma).get()
    written = version.serialized_data
    # What the version held before the rename: the same row under the field's old name.
    rows = json.loads(version.serialized_data)
    fields = rows[0]["fields"].items()
    rows[0]["fields"] = {"category" if name == "diploma_type" else name: v for name, v in fields}
    version.serialized_data = json.dumps(rows, ensure_ascii=False)
    version.save()
    Diploma.objects.filter(pk=diploma.pk).update(diploma_type=DiplomaType.BTS)

    migration.forwards(apps, schema_editor=None)

    version = Version.objects.get_for_object(diploma).get()
    assert version.serialized_data == written
    assert version.field_dict["diploma_type"] == DiplomaType.STATE
    version.revert()
    diploma.refresh_from_db()
    assert diploma.diploma_type == DiplomaType.STATE


def test_the_rename_goes_back_when_the_migration_is_unapplied():
    with reversion.create_revision():
        diploma = make_diploma(diploma_type=DiplomaType.CQP)

    migration.backwards(apps, schema_editor=None)

    fields = json.loads(Version.objects.get_for_object(diploma).get().serialized_data)[0]
    assert fields["fields"]["category"] == DiplomaType.CQP
    assert "diploma_type" not in fields["fields"]
