"""The content's versions (django-reversion), described for editors in plain French.

Two jobs: record a first version of content that arrives without an editor (the brochure's
fixtures, a restored backup), and turn an object's versions into a readable list of what
changed, old → new, including the rows that belong to it (a job's diploma rows and
testimonial, a diploma's specialities).
"""

import difflib

import reversion
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

# Above this length a text value is shown as the passage that changed, not as a whole.
LONG_TEXT = 120
# Words of unchanged text kept on each side of a changed passage.
CONTEXT_WORDS = 6
EMPTY = "(vide)"


def content_models():
    """The concrete models under version control (proxies share their model's versions)."""
    return [model for model in reversion.get_registered_models() if not model._meta.proxy]


def followed_rows(model):
    """[(related model, foreign key attname), …] for the rows a model's versions follow."""
    options = reversion.revisions._get_options(model)
    relations = [model._meta.get_field(name) for name in options.follow]
    return [(relation.related_model, relation.field.attname) for relation in relations]


def root_models():
    """The versioned models that no other model's versions follow: families, jobs, diplomas.

    A job's diploma rows and testimonial, and a diploma's specialities, are versioned with
    their job or diploma, never on their own.
    """
    followed = {row for model in content_models() for row, _ in followed_rows(model)}
    return [model for model in content_models() if model not in followed]


def record_versions(comment, only_missing=False):
    """Record the current state of versioned content, one revision per family, job, diploma.

    One revision each, not one for everything: reverting a job to its first version must
    put back that job and its rows, not the whole brochure. Takes the revisions' comment
    (shown in each history, e.g. "Chargé depuis la brochure") and, with `only_missing`,
    versions only what has no version yet (an item, or one of its rows). Returns the number
    of revisions recorded. Runs inside the caller's transaction, so a failed load leaves
    neither content nor versions behind.
    """
    count = 0
    for model in root_models():
        roots = model._base_manager.all()
        if only_missing:
            roots = roots.filter(pk__in=unversioned_roots(model))
        for obj in roots.iterator():
            with reversion.create_revision(manage_manually=True, atomic=False):
                reversion.set_comment(comment)
                reversion.add_to_revision(obj)
            count += 1
    return count


def unversioned_roots(model):
    """Primary keys of `model` rows that lack a version, or have a row that lacks one."""
    pks = set(model._base_manager.exclude(pk__in=versioned_pks(model)).values_list("pk", flat=True))
    for row_model, key in followed_rows(model):
        rows = row_model._base_manager.exclude(pk__in=versioned_pks(row_model))
        pks.update(rows.values_list(key, flat=True))
    return pks


def versioned_pks(model):
    return [
        int(pk) for pk in Version.objects.get_for_model(model).values_list("object_id", flat=True)
    ]


def history_entries(modeladmin, obj, object_id):
    """The history of `obj` for its admin page, newest first.

    Returns a list of dicts: `date` (aware datetime), `user` (User or None), `action`
    ("Créé" or "Modifié"), `comment` (the revision's comment), `changes` (French sentences,
    "Champ : ancien → nouveau") and `url` (the page that shows that version and can put it
    back).
    """
    opts = modeladmin.model._meta
    versions = list(
        Version.objects.get_for_object(obj)
        .select_related("revision", "revision__user")
        .order_by("revision__date_created", "pk")
    )
    entries = []
    previous = None
    for version in versions:
        changes = describe_changes(previous, version) if previous else []
        if previous and not changes:
            # Saved with something else (a testimonial with its job), or put back as it
            # already was: nothing happened to this item.
            continue
        entries.append(
            {
                "date": timezone.localtime(version.revision.date_created),
                "user": version.revision.user,
                "action": "Modifié" if previous else "Créé",
                "comment": version.revision.get_comment(),
                "changes": changes,
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_revision",
                    args=[quote(object_id), version.pk],
                ),
            }
        )
        previous = version
    entries.reverse()
    return entries


def missing_links(versions):
    """The items deleted since that these versions cite, as French sentences; [] if none.

    Takes the Version rows a revert would write. A row citing an item deleted since (a
    diploma, a job…) that the versions do not bring back would break a foreign key.
    """
    versions = list(versions)
    present = {(version._model, version.object_id) for version in versions}
    problems = []
    for version in versions:
        obj = version._object_version.object
        for field in obj._meta.concrete_fields:
            value = getattr(obj, field.attname)
            if not field.is_relation or value is None:
                continue
            target = field.related_model._meta.concrete_model
            if (target, str(value)) in present or target._base_manager.filter(pk=value).exists():
                continue
            problems.append(
                f"« {version.object_repr} » cite un élément supprimé depuis ({field.verbose_name}"
                f" n° {value}) : récupérez-le d'abord."
            )
    return problems


def unique_conflicts(versions):
    """The unique values (slugs…) of these versions now held by other items, in French.

    Only meaningful once a revert has failed: a row that the revert would delete first
    can look like a conflict here.
    """
    problems = []
    for version in versions:
        try:
            version._object_version.object.validate_unique()
        except ValidationError as error:
            problems += [f"« {version.object_repr} » : {message}" for message in error.messages]
    return problems


def describe_changes(old, new):
    """French sentences for what differs between two versions of one object.

    Takes two Version rows of the same object, returns a list of strings: its own fields
    first, then its rows (added, removed, changed).
    """
    model = new._model
    changes = field_changes(model, old.field_dict, new.field_dict)
    old_rows, new_rows = rows_of(old), rows_of(new)
    for key in sorted(old_rows.keys() | new_rows.keys()):
        before, after = old_rows.get(key), new_rows.get(key)
        row_model = (after or before)._model
        noun = row_model._meta.verbose_name
        noun = noun[0].upper() + noun[1:]
        if before is None:
            changes.append(f"{noun} : ajout de « {after.object_repr} »")
        elif after is None:
            changes.append(f"{noun} : retrait de « {before.object_repr} »")
        else:
            for change in field_changes(row_model, before.field_dict, after.field_dict):
                changes.append(f"{noun} « {after.object_repr} » : {change}")
    return changes


def rows_of(version):
    """The versions, in the same revision, of the rows that `version`'s object follows.

    Returns {(model label, object id): Version}. A revision may hold much more (the
    brochure's first load versions everything at once), so rows are matched on their
    foreign key to the object.
    """
    rows = {}
    for related_model, key_name in followed_rows(version._model):
        candidates = version.revision.version_set.filter(
            content_type__app_label=related_model._meta.app_label,
            content_type__model=related_model._meta.model_name,
        )
        for row in candidates:
            if str(row.field_dict.get(key_name)) == version.object_id:
                rows[(related_model._meta.label, row.object_id)] = row
    return rows


def field_changes(model, old, new):
    """["Champ : ancien → nouveau", …] for each concrete field whose value differs."""
    changes = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.attname not in new:
            continue
        before, after = old.get(field.attname), new.get(field.attname)
        if before == after:
            continue
        label = field.verbose_name[0].upper() + field.verbose_name[1:]
        if isinstance(field, models.TextField) and max(len(before or ""), len(after or "")) > (
            LONG_TEXT
        ):
            changes.append(f"{label} : {text_change(before or '', after or '')}")
        else:
            changes.append(f"{label} : {show(field, before)} → {show(field, after)}")
    return changes


def show(field, value):
    """A field's stored value as an editor reads it: choice labels, oui/non, names."""
    if value is None or value == "":
        return EMPTY
    if isinstance(field, models.BooleanField):
        return "oui" if value else "non"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else f"n° {value} (supprimé)"
    return f"« {value} »"


def text_change(before, after):
    """The passages of a long text that changed: « …ancien… » → « …nouveau… »."""
    old_words, new_words = before.split(), after.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            parts.append(f"{passage(old_words, i1, i2)} → {passage(new_words, j1, j2)}")
    if not parts:
        # Only spacing or line breaks differ.
        return "mise en page du texte modifiée"
    return " ; ".join(parts)


def passage(words, start, end):
    if start == end:
        return "(rien)"
    left = max(0, start - CONTEXT_WORDS)
    right = min(len(words), end + CONTEXT_WORDS)
    text = " ".join(words[left:right])
    return "« " + ("…" if left else "") + text + ("…" if right < len(words) else "") + " »"
