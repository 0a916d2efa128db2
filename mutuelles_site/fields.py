"""Model fields shared by the content apps."""

import unicodedata

from django import forms
from django.db import models
from django.utils.text import normalize_newlines


class ProseFormField(forms.CharField):
    """A text area's value with its line endings as "\\n".

    Browsers send every textarea with "\\r\\n" line endings (HTML's form submission
    algorithm). Normalising here makes an untouched form compare equal to what is stored,
    so saving it changes nothing and records no version.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_newlines(value) if value else value


def without_control_characters(raw):
    """`raw` with NUL and other control characters as spaces, spaces collapsed: what a
    keyword box shows back and what the search engine searches (search/query.py)."""
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in raw)
    return " ".join(text.split())


class KeywordFormField(forms.CharField):
    """A keyword box: read, and shown back in its value="…", without control characters,
    so a NUL or an escape sequence typed into the address never reaches the page."""

    def to_python(self, value):
        value = super().to_python(value)
        return without_control_characters(value) if value else value

    def prepare_value(self, value):
        return without_control_characters(value) if isinstance(value, str) else value


class ProseField(models.TextField):
    """A TextField stored with "\\n" line endings, whatever wrote it (form, fixture, shell)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ProseFormField, **kwargs})

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = normalize_newlines(value)
            setattr(model_instance, self.attname, value)
        return value
