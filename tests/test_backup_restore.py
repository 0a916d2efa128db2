"""A backup restores the whole database, field for field; a bad one changes nothing."""

import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.base import DeserializationError

from backups.scope import backup_models
from careers.models import Career, Family
from diplomas.models import Category

from .helpers import make_career, make_diploma, make_speciality, make_testimonial

# Real transactions, as in production: PostgreSQL refuses to TRUNCATE tables that the
# test's own open transaction has just written to. serialized_rollback puts back the rows
# the migrations created (the Éditeurs group) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot():
    """Every field of every row in the backup's scope, foreign keys by their natural keys
    (content type and permission ids are not stable across a flush)."""
    return {
        model._meta.label: serializers.serialize(
            "python", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        for model in backup_models()
    }


@pytest.fixture
def content(brochure, client, editor):
    """The brochure, plus edits that leave history, an admin log and a deletion gap."""
    diploma = make_diploma(slug="bts-test", short_name="BTS test")
    make_speciality(diploma, name="spécialité de test")
    career = make_career(diplomas=[diploma], title_masculine="Éphémère")
    make_testimonial(career)
    make_career(title_masculine="Supprimé").delete()
    make_diploma(category=Category.CQP, level=None, slug="cqp-test")
    actuaire = Career.objects.get(slug="actuaire")
    client.post(
        "/admin/careers/career/",
        {"action": "unpublish", "_selected_action": [actuaire.pk]},
    )
    LogEntry.objects.log_actions(editor.pk, [actuaire], CHANGE, "Dépublié.")


def test_backup_then_restore_gives_back_every_row_and_field(content, tmp_path):
    before = snapshot()
    assert before["careers.HistoricalCareer"] and before["admin.LogEntry"]
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)

    call_command("flush", interactive=False, verbosity=0)
    assert not Career.objects.exists() and not Group.objects.exists()

    call_command("restore", str(backup), verbosity=0)
    assert snapshot() == before


def test_restore_replaces_what_was_written_after_the_backup(content, tmp_path):
    before = snapshot()
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    Family.objects.create(slug="apres-coup", name="Après coup")
    Career.objects.filter(slug="actuaire").update(lead="Réécrit.")

    call_command("restore", str(backup), verbosity=0)
    assert snapshot() == before


def test_the_backup_names_foreign_rows_by_natural_keys(content, tmp_path):
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    rows = json.loads(backup.read_text())
    career = next(r for r in rows if r["model"] == "careers.career")
    assert isinstance(career["fields"]["family"], list)
    group = next(r for r in rows if r["model"] == "auth.group")
    assert all(isinstance(p, list) for p in group["fields"]["permissions"])


def test_a_failed_restore_leaves_the_database_as_it_was(content, tmp_path):
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    rows = json.loads(backup.read_text())
    # Valid JSON, and every row is fine except the very last one.
    career = next(r for r in rows if r["model"] == "careers.career")
    bad = {**career, "pk": 99999}
    bad["fields"] = {**career["fields"], "slug": "orphelin", "level_min": "pas un nombre"}
    rows.append(bad)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(rows))
    Family.objects.create(slug="apres-coup", name="Après coup")
    before = snapshot()

    with pytest.raises(DeserializationError):
        call_command("restore", str(broken), verbosity=0)
    assert snapshot() == before
    assert User.objects.filter(username="edith").exists()


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "absent.json"))
