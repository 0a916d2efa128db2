"""A backup restores the whole database, field for field; a bad one changes nothing."""

import json

import pytest
import reversion
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from reversion.models import Version

from backups.scope import backup_models
from careers.models import Career, Family
from diplomas.models import DIPLOMA_FACTS, Diploma, DiplomaType
from mutuelles_site.provenance import Provenance, SignedAddition
from search.engine import search

from .admin_pages import post_form
from .helpers import make_career, make_diploma, make_speciality, make_testimonial

# Models a backup leaves out, and why. Every other model must be in it: a new app's
# content is backed up unless someone decides here that it need not be.
NOT_BACKED_UP = {
    "auth.Permission": "recreated by migrate (post_migrate)",
    "contenttypes.ContentType": "recreated by migrate (post_migrate)",
    "sessions.Session": "short-lived logins",
    "axes.AccessAttempt": "short-lived login failures",
    "axes.AccessAttemptExpiration": "short-lived login failures",
    "axes.AccessFailureLog": "security log of the server, not content",
    "axes.AccessLog": "security log of the server, not content",
    "search.SearchDocument": "rebuilt from the content by restore",
    "search.SearchWord": "rebuilt from the content by restore",
    "search.SearchPosting": "rebuilt from the content by restore",
    "diplomas.CQP": "a proxy: its rows are diplomas.Diploma rows",
}

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


def search_results(query="actuaire"):
    return [(group.kind, [hit.url for hit in group.hits]) for group in search(query).groups]


def test_a_backup_holds_every_model_but_the_ones_left_out_on_purpose():
    every = {model._meta.label for model in apps.get_models()}
    assert {model._meta.label for model in backup_models()} == every - NOT_BACKED_UP.keys()


@pytest.fixture
def content(brochure, client, editor):
    """The brochure, plus edits that leave history, an admin log and a deletion gap,
    a job deleted in the admin and another reverted to its first version."""
    # Made as the admin makes them: with a first version each.
    with reversion.create_revision():
        diploma = make_diploma(slug="bts-test", short_name="BTS test")
        make_speciality(diploma, name="spécialité de test")
        career = make_career(diplomas=[diploma], title_masculine="Éphémère")
        make_testimonial(career)
        make_diploma(diploma_type=DiplomaType.CQP, level=None, slug="cqp-test")
        make_career(title_masculine="Supprimé").delete()
    actuaire = Career.objects.get(slug="actuaire")
    client.post(
        "/admin/careers/career/",
        {"action": "unpublish", "_selected_action": [actuaire.pk]},
    )
    LogEntry.objects.log_actions(editor.pk, [actuaire], CHANGE, "Dépublié.")
    opticien = Career.objects.get(slug="opticien")
    post_form(client, f"/admin/careers/career/{opticien.pk}/change/", lead="Revu.")
    first = Version.objects.get_for_object(opticien).order_by("pk").first()
    post_form(client, f"/admin/careers/career/{opticien.pk}/history/{first.pk}/")
    webmestre = Career.objects.get(slug="webmestre")
    client.post(f"/admin/careers/career/{webmestre.pk}/delete/", {"post": "yes"})
    assert not Career.objects.filter(slug__in=["webmestre"]).exists()


def test_a_backup_is_readable_by_its_owner_only(content, tmp_path):
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    assert backup.stat().st_mode & 0o777 == 0o600


def test_backup_then_restore_gives_back_every_row_and_field(content, tmp_path):
    before, found_before = snapshot(), search_results()
    assert before["reversion.Version"] and before["admin.LogEntry"]
    assert found_before
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)

    call_command("flush", interactive=False, verbosity=0)
    assert not Career.objects.exists() and not Group.objects.exists()

    call_command("restore", str(backup), verbosity=0)
    assert snapshot() == before
    # Search works at once: restore rebuilds the index.
    assert search_results() == found_before


def test_restore_keeps_content_type_ids_so_running_servers_stay_right(content, tmp_path):
    before = list(ContentType.objects.order_by("pk").values_list("pk", "app_label", "model"))
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    call_command("restore", str(backup), verbosity=0)
    assert list(ContentType.objects.order_by("pk").values_list("pk", "app_label", "model")) == (
        before
    )


def test_a_new_job_after_a_restore_never_takes_a_deleted_jobs_id(content, tmp_path):
    [deleted] = Version.objects.get_deleted(Career)
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    call_command("restore", str(backup), verbosity=0)
    new = make_career(title_masculine="Œnologue")
    assert new.pk > int(deleted.object_id)
    assert Version.objects.get_deleted(Career).get().pk == deleted.pk


def test_backups_keep_working_after_a_restore(content, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("backup", str(first), verbosity=0)
    call_command("restore", str(first), verbosity=0)
    call_command("backup", str(second), verbosity=0)
    assert json.loads(second.read_text()) == json.loads(first.read_text())


def test_a_deleted_job_can_still_be_recovered_after_a_restore(content, client, editor, tmp_path):
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    call_command("restore", str(backup), verbosity=0)
    client.force_login(User.objects.get(username="edith"))
    version = Version.objects.get_deleted(Career).get()
    assert post_form(client, f"/admin/careers/career/recover/{version.pk}/").status_code == 302
    assert client.get("/metiers/webmestre/").status_code == 200


def test_a_backup_of_the_old_history_format_restores_its_content(content, tmp_path):
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    rows = json.loads(backup.read_text())
    old_history = {"model": "careers.historicalcareer", "pk": 1, "fields": {"slug": "x"}}
    backup.write_text(json.dumps([*rows, old_history]))
    before = snapshot()
    call_command("restore", str(backup), verbosity=0)
    assert snapshot() == before


def test_a_backup_from_before_the_diploma_type_rename_restores_it_and_its_history(
    content, tmp_path
):
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    before = snapshot()
    text = backup.read_text()
    # Written before migration 0007: the field was "category", in the rows and the versions.
    assert '"diploma_type"' in text and '\\"diploma_type\\"' in text
    backup.write_text(
        text.replace('"diploma_type"', '"category"').replace('\\"diploma_type\\"', '\\"category\\"')
    )
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

    with pytest.raises(CommandError, match="n'a pas été modifiée"):
        call_command("restore", str(broken), verbosity=0)
    assert snapshot() == before
    assert User.objects.filter(username="edith").exists()


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Aucune sauvegarde"):
        call_command("restore", str(tmp_path / "absent.json"))


@pytest.mark.parametrize(
    "text", ["", "pas du JSON", '{"model": "careers.career"}', "[1, 2]"], ids=str
)
def test_restore_refuses_a_file_that_is_not_a_backup_in_french(content, tmp_path, text):
    before = snapshot()
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(CommandError, match="La base de données n'a pas été modifiée"):
        call_command("restore", str(path), verbosity=0)
    assert snapshot() == before


def test_a_backup_from_before_provenance_restores_silence_as_unknown(content, tmp_path):
    backup = tmp_path / "content.json"
    call_command("backup", str(backup), verbosity=0)
    rows = json.loads(backup.read_text())

    def as_before_provenance(fields):
        # Then: no sources, no RNCP code, and False stood for "the brochure does not say".
        for name in [*DIPLOMA_FACTS, *SignedAddition.SIGNATURE_FIELDS, "acronym", "rncp_code"]:
            fields.pop(name, None)
        if fields.get("apprenticeship") is None:
            fields["apprenticeship"] = False

    for row in rows:
        if row["model"] == "diplomas.diploma":
            as_before_provenance(row["fields"])
        if row["model"] == "reversion.version":
            copies = json.loads(row["fields"]["serialized_data"])
            for copy in copies:
                if copy["model"] == "diplomas.diploma":
                    as_before_provenance(copy["fields"])
            row["fields"]["serialized_data"] = json.dumps(copies)
    backup.write_text(json.dumps(rows))

    call_command("restore", str(backup), verbosity=0)

    unknown = Diploma.objects.get(slug="master-1")
    assert unknown.apprenticeship is None
    assert unknown.apprenticeship_source == Provenance.UNKNOWN
    bts = Diploma.objects.get(slug="bts")
    assert (bts.apprenticeship, bts.apprenticeship_source) == (True, Provenance.BROCHURE)
    # Its history still reverts: the old copy was brought up to date too.
    Version.objects.get_for_object(unknown).first().revision.revert(delete=True)
    unknown.refresh_from_db()
    assert unknown.apprenticeship is None
