"""Admin forms and formsets that turn every database rule into a form error, never a 500.

Django's forms leave gaps that the database then closes with an IntegrityError or a
ProtectedError:

- a form skips every constraint that reads a field the form does not show: the parent of an
  inline row (so a new diploma row duplicating a saved one is never compared with it), the
  fields a list-editable changelist does not edit, the fields an admin leaves out;
- a formset compares its rows only under *unconditional* unique constraints, so two new rows
  equal under `pathway_unique_diploma` (a conditional one) both reach the database;
- a formset saves its rows in page order, so a row taking the value another row gives up, or
  that a deleted row held, can be written while the other still holds it;
- a row marked for deletion that a PROTECT foreign key still points at meets a
  ProtectedError on save; the admin's inline form refuses it, but at the top of the table
  and from inside the formset's duplicate check, which it cuts short.

Everything here is read from each model's `Meta.constraints` and relations, so a new model
or constraint is covered without code. Constraints on expressions (no `fields`) are compared
with the database by Django but not between the rows of one submit; no model has one.
"""

from django import forms
from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import router
from django.db.models import CASCADE, CheckConstraint, Q, UniqueConstraint
from django.forms.models import BaseInlineFormSet, BaseModelFormSet, InlineForeignKeyField

ROWS_SWAP_VALUES = (
    "Ces lignes échangent leurs valeurs, ce que la base ne peut pas enregistrer en une fois : "
    "donnez d'abord une autre valeur à l'une, enregistrez, puis faites l'échange."
)
NAMES_SHOWN = 5


def _constraints(instance):
    """(model, constraint) pairs, parents' included, as Model.validate_constraints() reads them."""
    return [
        (model, constraint)
        for model, constraints in instance.get_constraints()
        for constraint in constraints
    ]


def _fields_read(model, constraint):
    """Names of the fields a constraint reads."""
    opts = model._meta
    names = set(getattr(constraint, "fields", ()))
    expressions = [getattr(constraint, "condition", None), *getattr(constraint, "expressions", ())]
    for expression in filter(None, expressions):
        for name, *_ in model._get_expr_references(expression):
            names.add(opts.pk.name if name == "pk" else opts.get_field(name).name)
    return names


def _condition_holds(model, constraint, instance, using):
    if constraint.condition is None:
        return True
    against = instance._get_field_expression_map(meta=model._meta)
    return Q(constraint.condition).check(against, using=using)


def _unique_key(model, constraint, instance, using, constant=()):
    """The values that must not repeat under `constraint`, or None when it doesn't apply.

    `constant` names the fields every row of the formset shares (an inline's parent, which
    has no value yet on an add form).
    """
    values = []
    for name in constraint.fields:
        if name in constant:
            continue
        value = getattr(instance, model._meta.get_field(name).attname)
        if value is None and constraint.nulls_distinct is not False:
            return None  # NULL never equals NULL, in SQL as here.
        values.append(value)
    if not _condition_holds(model, constraint, instance, using):
        return None
    return (constraint.name, tuple(values))


def _unique_message(model, constraint, instance):
    if constraint.violation_error_message == constraint.default_violation_error_message:
        # Django's French "Un objet … avec ces champs … existe déjà.", as it does itself.
        return instance.unique_error_message(model, constraint.fields)
    return constraint.get_violation_error_message()


def _add_error(form, model, constraint, message, constant=()):
    """Next to the field when the constraint varies by one field of the form, else the row."""
    fields = [name for name in getattr(constraint, "fields", ()) if name not in constant]
    if len(fields) == 1 and fields[0] in form.fields and fields[0] not in form.errors:
        form.add_error(fields[0], message)
    else:
        form.add_error(None, message)


def _fields_left_to_code(form, excluded):
    """Fields Django left out whose value is only known at save time (an add form's parent,
    a required field the admin fills in save()): their empty value means "not yet"."""
    instance = form.instance
    unknown = {name for name in form.errors if name != NON_FIELD_ERRORS}
    for name in excluded:
        field = instance._meta.get_field(name)
        if getattr(instance, field.attname) in field.empty_values and not field.blank:
            unknown.add(name)
    return unknown


def validate_skipped_constraints(form, ignore_pks=(), constant=()):
    """Check the constraints Django skipped for `form` because they read a field it lacks.

    Unique constraints are compared with the saved rows except those in `ignore_pks` (rows
    the caller compares itself, with the values this submit gives them).
    """
    instance = form.instance
    excluded = set(form._get_validation_exclusions()) | {
        name for name, field in form.fields.items() if isinstance(field, InlineForeignKeyField)
    }
    unknown = _fields_left_to_code(form, excluded)
    using = router.db_for_write(type(instance), instance=instance)
    ignore_pks = {pk for pk in ignore_pks if pk is not None}
    for model, constraint in _constraints(instance):
        read = _fields_read(model, constraint)
        if not read & excluded or read & unknown:
            continue  # Django checked it, or it cannot be checked yet.
        if isinstance(constraint, UniqueConstraint) and constraint.fields:
            if _unique_key(model, constraint, instance, using) is None:
                continue
            attnames = [model._meta.get_field(name).attname for name in constraint.fields]
            duplicates = model._default_manager.using(using).filter(
                **{attname: getattr(instance, attname) for attname in attnames}
            )
            if constraint.condition is not None:
                duplicates = duplicates.filter(constraint.condition)
            if instance.pk is not None:
                duplicates = duplicates.exclude(pk=instance.pk)
            if duplicates.exclude(pk__in=ignore_pks).exists():
                message = _unique_message(model, constraint, instance)
                _add_error(form, model, constraint, message, constant)
        elif isinstance(constraint, UniqueConstraint | CheckConstraint):
            try:
                constraint.validate(model, instance, exclude=unknown, using=using)
            except ValidationError as error:
                _add_error(form, model, constraint, error, constant)


class ContentModelForm(forms.ModelForm):
    """The admin's main form: also checks the constraints on fields it does not show."""

    def validate_unique(self):
        super().validate_unique()
        validate_skipped_constraints(self)


def _owner(obj):
    """What an editor knows `obj` by: its parent when it is a row of one (a job's diploma
    row is known by its job), else itself."""
    for field in obj._meta.concrete_fields:
        if field.many_to_one and field.remote_field.on_delete is CASCADE:
            parent = getattr(obj, field.name)
            if parent is not None:
                return parent
    return obj


def protected_message(users):
    groups = {}
    for user in map(_owner, users):
        groups.setdefault(type(user)._meta, []).append(str(user))
    described = []
    for opts, names in groups.items():
        names = sorted(set(names))
        label = opts.verbose_name if len(names) == 1 else opts.verbose_name_plural
        shown = ", ".join(names[:NAMES_SHOWN])
        if len(names) > NAMES_SHOWN:
            shown += f" et {len(names) - NAMES_SHOWN} autres"
        described.append(f"{label} : {shown}")
    return (
        "Impossible de supprimer cette ligne : elle est encore citée ("
        + " ; ".join(described)
        + "). Retirez-la d'abord de ce qui la cite."
    )


class ConstraintFormSetMixin:
    """Validates the rows of a model formset as the database will see them once saved.

    A row is compared with the other rows as this submit leaves them (rows marked for
    deletion left out) and with the saved rows the formset does not show. When the formset
    saves itself (`saves_in_order`), rows the submit changes are compared by their new values
    only, and save() writes deletions first, then each changed row after any row whose old
    value it takes. Otherwise (the changelist saves rows one by one, in page order) a row
    must also differ from the other rows' saved values.
    """

    saves_in_order = True

    def clean(self):
        deleting = [form for form in self.initial_forms if self._is_deleted(form)]
        kept = [
            form
            for form in self.forms
            if not self._is_deleted(form)
            and (form in self.initial_forms or form.has_changed())
            and form.is_valid()
        ]
        changed = [form for form in kept if form in self.initial_forms and form.has_changed()]
        compared = {form.instance.pk for form in self.initial_forms}
        if not self.saves_in_order:
            compared -= {form.instance.pk for form in changed}
        for form in kept:
            if form not in self.initial_forms or form in changed:
                others = compared - {form.instance.pk}
                validate_skipped_constraints(form, ignore_pks=others, constant=self._constant)
        # A row refused above is not compared again, so that it gets one message.
        errors = self._compare_rows([form for form in kept if form.is_valid()])
        errors += self._check_deletions(deleting)
        if self.saves_in_order:
            errors += self._order_changes(changed)
        try:
            # Unique fields and unique_together; the rows refused above are left out of it.
            super().clean()
        except ValidationError as error:
            # The admin's inline form also refuses a protected deletion, from inside this
            # check, at the top of the table: _check_deletions said it beside the row.
            errors += [e for e in error.error_list if e.code != "deleting_protected"]
        if errors:
            raise ValidationError(errors)

    @property
    def _constant(self):
        fk = getattr(self, "fk", None)
        return {fk.name} if fk else set()

    def _is_deleted(self, form):
        return self.can_delete and self._should_delete_form(form)

    def _keys(self, instance):
        using = router.db_for_write(type(instance), instance=instance)
        keys = {}
        for model, constraint in _constraints(instance):
            if isinstance(constraint, UniqueConstraint) and constraint.fields:
                key = _unique_key(model, constraint, instance, using, self._constant)
                if key is not None:
                    keys[key] = (model, constraint)
        return keys

    def _compare_rows(self, kept):
        errors, seen = [], set()
        for form in kept:
            for key, (model, constraint) in self._keys(form.instance).items():
                if key in seen:
                    message = _unique_message(model, constraint, form.instance)
                    _add_error(form, model, constraint, message, self._constant)
                    errors.append(message)
                seen.add(key)
        return errors

    def _check_deletions(self, deleting):
        errors = []
        doomed = {(form.instance._meta.concrete_model, form.instance.pk) for form in deleting}
        for form in deleting:
            collector = NestedObjects(using=router.db_for_write(self.model))
            collector.collect([form.instance])
            users = [
                obj
                for obj in collector.protected
                if (obj._meta.concrete_model, obj.pk) not in doomed
            ]
            if users:
                message = protected_message(users)
                form.add_error(None, message)
                errors.append(message)
        return errors

    def _order_changes(self, changed):
        """Order the changed rows so that none takes a value another still holds."""
        stored = self.model._default_manager.in_bulk([form.instance.pk for form in changed])
        new = {form: set(self._keys(form.instance)) for form in changed}
        old = {
            form: set(self._keys(stored[form.instance.pk])) if form.instance.pk in stored else set()
            for form in changed
        }
        self.save_order, waiting = [], list(changed)
        while waiting:
            ready = next(
                (
                    form
                    for form in waiting
                    if not any(new[form] & old[other] for other in waiting if other is not form)
                ),
                None,
            )
            if ready is None:  # Each waits for another: the rows swap values.
                for form in waiting:
                    form.add_error(None, ROWS_SWAP_VALUES)
                return [ROWS_SWAP_VALUES]
            self.save_order.append(ready)
            waiting.remove(ready)
        return []

    def save_existing_objects(self, commit=True):
        if not self.saves_in_order or not hasattr(self, "save_order"):
            return super().save_existing_objects(commit)
        self.changed_objects, self.deleted_objects, saved = [], [], []
        for form in self.initial_forms:
            if self._is_deleted(form) and form.instance.pk is not None:
                self.deleted_objects.append(form.instance)
                self.delete_existing(form.instance, commit=commit)
        for form in self.save_order:
            self.changed_objects.append((form.instance, form.changed_data))
            saved.append(self.save_existing(form, form.instance, commit=commit))
            if not commit:
                self.saved_forms.append(form)
        return saved


class ContentInlineFormSet(ConstraintFormSetMixin, BaseInlineFormSet):
    """The formset of every content inline."""


class ContentChangelistFormSet(ConstraintFormSetMixin, BaseModelFormSet):
    """The formset of a list-editable changelist, which saves its rows one by one."""

    saves_in_order = False
