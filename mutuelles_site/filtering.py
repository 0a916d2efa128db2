class FilterStateMixin:
    """What a list page needs to know to word its result count and show a reset link."""

    @property
    def active(self):
        """True when at least one valid filter narrows the list."""
        if not self.is_bound:
            return False
        self.form.is_valid()  # fills cleaned_data with the valid fields, even if others fail
        return any(value not in (None, "") for value in self.form.cleaned_data.values())

    @property
    def has_input(self):
        """True when the URL carries any filter, valid or not: worth offering a reset."""
        return any(self.data.get(name) for name in self.filters)
