"""Slugs from French titles: "Œnologue d’hôpital" -> "oenologue-dhopital".

One rule, `slugify_fr()`. The admin's prefill follows it in the browser
(static/admin/js/urlify_fr.js, checked against it by tests/e2e/test_admin_editing.py), and an
admin form whose slug is left blank is given one on the server, from the same fields that
prefill it (the admin's `prepopulated_fields`). A slug already taken gets "-2", "-3"…: the
editor asked for no slug in particular, so an error about one they never typed would only
puzzle them; they can still change it.
"""

import re
from functools import cache
from itertools import count

from django.utils.text import slugify

from .folding import fold


def slugify_fr(text, max_length=None):
    """Lower case ASCII words joined by hyphens; œ, æ and ß spelled out, apostrophes dropped."""
    slug = slugify(fold(text))
    return slug[:max_length].strip("-_") if max_length else slug


def unique_slug(slug, taken, max_length):
    """`slug`, or the first of slug-2, slug-3… for which `taken(candidate)` is false."""
    candidate = slug
    for n in count(2):
        if not taken(candidate):
            return candidate
        suffix = f"-{n}"
        candidate = slug[: max_length - len(suffix)].rstrip("-_") + suffix


class SlugFillingFormMixin:
    """Fills each blank slug listed in `slug_sources` ({"slug": ["first_name", …]})."""

    slug_sources = {}

    def clean(self):
        cleaned_data = super().clean()
        for slug_field, sources in self.slug_sources.items():
            if cleaned_data.get(slug_field) or slug_field in self.errors:
                continue
            if any(source not in cleaned_data for source in sources):
                continue  # a source has its own error, which the editor fixes first
            text = " ".join(str(cleaned_data[source]) for source in sources)
            field = self._meta.model._meta.get_field(slug_field)
            slug = slugify_fr(text, field.max_length)
            if not slug:
                self.add_error(slug_field, "Saisissez un identifiant : le titre n'en donne aucun.")
                continue
            cleaned_data[slug_field] = unique_slug(
                slug, self._slug_taken_check(field, cleaned_data), field.max_length
            )
        return cleaned_data

    def _slug_taken_check(self, field, cleaned_data):
        """taken(slug): does another row that must differ already use this slug?"""
        model = self._meta.model._meta.concrete_model
        rows = model._base_manager.exclude(pk=self.instance.pk)
        if not field.unique:
            # Unique within a parent only (a diploma's specialities): that parent's rows.
            scope = next(
                constraint.fields
                for constraint in model._meta.total_unique_constraints
                if field.name in constraint.fields
            )
            for name in scope:
                if name == field.name:
                    continue
                value = cleaned_data.get(name)
                if value is None:
                    value = getattr(self.instance, model._meta.get_field(name).attname)
                value = getattr(value, "pk", value)
                if value is None:
                    return lambda slug: False  # a parent being created has no rows yet
                rows = rows.filter(**{name: value})
        return lambda slug: rows.filter(**{field.name: slug}).exists()


@cache
def slug_filling(form_class):
    """`form_class` (whatever form an admin uses) that also fills blank slugs."""
    return type(form_class.__name__, (SlugFillingFormMixin, form_class), {})


class PrepopulatedSlugsMixin:
    """For a ModelAdmin or an inline with `prepopulated_fields`: the slug may be left blank.

    The fields are the admin's own declaration, so the browser's prefill and the server's
    fallback always start from the same text.
    """

    class Media:
        # After Django's urlify.js, which it wraps.
        js = ["admin/js/urlify.js", "admin/js/urlify_fr.js"]

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = slug_filling(kwargs.get("form", self.form))
        form = super().get_form(request, obj, **kwargs)
        form.slug_sources = self.get_prepopulated_fields(request, obj)
        return form

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = slug_filling(kwargs.get("form", self.form))
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.slug_sources = self.get_prepopulated_fields(request, obj)
        return formset


# A slug read back from a link or a form: what SlugField accepts, in any letter case.
READABLE_SLUG = re.compile(r"[-a-z0-9_]{1,80}")
# How much of a value that is no slug a message repeats.
SHOWN_LENGTH = 40


def read_slug(raw):
    """`raw` as a slug (" Actuaire" -> "actuaire"), "" when empty, None when it can be none."""
    slug = raw.strip().lower()
    if not slug:
        return ""
    return slug if READABLE_SLUG.fullmatch(slug) else None


def shown(value):
    """`value` cut to SHOWN_LENGTH characters, for a message that names it."""
    return value if len(value) <= SHOWN_LENGTH else value[: SHOWN_LENGTH - 1] + "…"
