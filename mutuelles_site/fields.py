"""Model fields shared by the content apps."""

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
