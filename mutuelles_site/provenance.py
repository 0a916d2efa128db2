"""Where each fact of the guide comes from, and when its content was last checked.

Every fact a reader may rely on (a job's entry level, a job↔diploma link, a diploma's
category, level, duration, place or apprenticeship) has a `*_source` field:

- « brochure »: stated by the ONISEP brochure *Les métiers des mutuelles* (2009);
- « ajout »: added by the site's editors, signed (who, when), with the reason and a public
  source; the brochure's own figures deduced into another form (« 3 ans après le bac » read
  as bac + 3) are additions too, since the brochure does not say them;
- « non précisé »: the brochure leaves the question open. The value is then empty, never a
  guessed "non", and no list answers the question as if it were answered.

The signature is kept once per object (`SignedAddition`): one object's additions usually
come from one editor's research, and a field group on the row costs no query on the pages.
The rules are database constraints, so every way in (admin, fixtures, shell) keeps them.
"""

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

# The brochure carries only its year. Content loaded from it is dated the first day of
# that year, which every page shows as "2009", never as a precise day.
BROCHURE_DATE = datetime.date(2009, 1, 1)

# An editor is asked to check a page again after this long (the admin's "à revoir" filter).
REVIEW_INTERVAL = datetime.timedelta(days=365)


class Provenance(models.TextChoices):
    BROCHURE = "brochure", "Brochure ONISEP (2009)"
    ADDITION = "ajout", "Ajout de la rédaction"
    UNKNOWN = "non-precise", "Non précisé par la brochure"


def source_field(verbose_name, *, can_be_unknown=True, default=Provenance.BROCHURE):
    """A `*_source` field: where one fact comes from.

    Takes the field's French name ("source du niveau"); returns a CharField whose choices
    are the provenances (without « non précisé » when the fact can't be empty). A fact the
    brochure rarely gives defaults to « non précisé » (`default`), so that rows written
    without it (older backups and versions) stay true. Pair it with `source_constraints()`.
    """
    choices = Provenance.choices if can_be_unknown else Provenance.choices[:2]
    return models.CharField(
        verbose_name,
        max_length=12,
        choices=choices,
        default=default,
        help_text="La brochure, un ajout de la rédaction (à signer dans « Ajouts de la "
        "rédaction », avec sa source) ou « non précisé » si la brochure n'en dit rien "
        "(laissez alors la valeur vide).",
    )


def source_constraints(prefix, facts):
    """Database rules tying each fact to its source, and additions to their signature.

    `facts` maps each `*_source` field name to (the name of the field holding the fact's
    value, its empty value: None or ""), or to None when the value can't be empty (the
    model's FACTS). Returns
    CheckConstraints named `<prefix>_…`:
    - a known provenance;
    - « non précisé » exactly when the value is empty (None or "");
    - any addition → the object's signature is complete (see SignedAddition).
    """
    constraints = [
        models.CheckConstraint(
            condition=Q(**{f"{name}__in": Provenance.values}),
            name=f"{prefix}_{name}_valid",
        )
        for name in facts
    ]
    for name, value in facts.items():
        unknown = Q(**{name: Provenance.UNKNOWN})
        if value is None:
            condition = ~unknown
            message = "Cette information ne peut pas être « non précisée »."
        else:
            empty = Q(**{value[0]: value[1]})  # Q(level=None) is "level IS NULL"
            condition = (unknown & empty) | (~unknown & ~empty)
            message = (
                "Choisissez « non précisé par la brochure » si et seulement si la valeur est vide."
            )
        constraints.append(
            models.CheckConstraint(
                condition=condition,
                name=f"{prefix}_{name}_matches_value",
                violation_error_message=message,
            )
        )
    no_addition = Q()
    for name in facts:
        no_addition &= ~Q(**{name: Provenance.ADDITION})
    constraints.append(
        models.CheckConstraint(
            condition=no_addition | SignedAddition.SIGNED,
            name=f"{prefix}_addition_signed",
            violation_error_message="Un ajout de la rédaction doit être signé : qui, quand, "
            "pourquoi et quelle source publique.",
        )
    )
    return constraints


def code_field(verbose_name, *, max_length, pattern, message, help_text):
    """A crosswalk code (ROME, RNCP): empty, or matching `pattern`, refused by the admin's
    form with the French `message` otherwise (the database refuses it too, see
    `code_constraints()`)."""
    return models.CharField(
        verbose_name,
        max_length=max_length,
        blank=True,
        validators=[RegexValidator(pattern, message)],
        help_text=help_text + " Seulement si une source publique le confirme ; sinon laissez vide.",
    )


def code_source_field(verbose_name):
    """The `*_source` field of a crosswalk code (ROME, RNCP): never the brochure's, which
    prints none, so « ajout » (with its public source) or « non précisé ». Pair it with
    `code_constraints()`."""
    return models.CharField(
        verbose_name,
        max_length=12,
        choices=[c for c in Provenance.choices if c[0] != Provenance.BROCHURE],
        default=Provenance.UNKNOWN,
        help_text="« Ajout de la rédaction » (signez-le dans « Ajouts de la rédaction », avec "
        "l'adresse de la source publique qui confirme le code) ou « non précisé » si le code "
        "est vide.",
    )


def code_constraints(prefix, code_field, pattern, message):
    """Database rules of a crosswalk code: empty or of its format (`pattern`, a regular
    expression), and never sourced to the brochure."""
    return [
        models.CheckConstraint(
            condition=Q(**{code_field: ""}) | Q(**{f"{code_field}__regex": pattern}),
            name=f"{prefix}_{code_field}_format",
            violation_error_message=message,
        ),
        models.CheckConstraint(
            condition=~Q(**{f"{code_field}_source": Provenance.BROCHURE}),
            name=f"{prefix}_{code_field}_not_from_brochure",
            violation_error_message="La brochure ne donne aucun code : c'est un ajout.",
        ),
    ]


# What versions leave out: the date of the last save differs at every save, so a version
# holding it would make every save a change (and a revert would put an old date back).
UNVERSIONED = ["updated_at"]


class Updated(models.Model):
    """When an object was last saved: the `lastmod` of its page in /sitemap.xml.

    Set on every save, like auto_now, but with a default rather than auto_now so that a
    fixture or a backup written before the field existed still loads (loaddata saves "raw",
    and auto_now would then leave it NULL).
    """

    updated_at = models.DateTimeField("modifié le", default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # loaddata and restore call save_base() directly and keep the stored date.
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)


class SourceURLField(models.URLField):
    """A URL field whose form assumes https for an address typed without its scheme."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class SignedAddition(models.Model):
    """The signature of an object's additions: who added them, when, why, from what source.

    Abstract: content models with `*_source` fields inherit these four fields. Empty while
    every fact comes from the brochure; the database requires them all once one is an
    addition (`source_constraints`). The admin fills "who" and "when" from the editor's
    login and the day if left empty.
    """

    SIGNED = (
        ~Q(addition_reason="")
        & ~Q(addition_source="")
        & ~Q(added_by="")
        & Q(added_on__isnull=False)
    )

    addition_reason = models.TextField(
        "pourquoi cet ajout",
        blank=True,
        help_text="Ce que la rédaction a ajouté à la brochure et pourquoi, par exemple « La "
        "brochure dit “3 ans après le bac” ; le niveau bac + 3 en est déduit ».",
    )
    addition_source = models.CharField(
        "source publique de l'ajout",
        max_length=300,
        blank=True,
        help_text="Le texte ou la page qui le confirme, par exemple « Décret n° 2019-14 du "
        "8 janvier 2019 » ou le passage de la brochure dont l'ajout est déduit.",
    )
    addition_url = SourceURLField(
        "adresse de la source", blank=True, help_text="Facultatif : l'adresse web de la source."
    )
    added_by = models.CharField(
        "ajouté par",
        max_length=120,
        blank=True,
        help_text="Laissé vide, votre nom est inscrit à l'enregistrement.",
    )
    added_on = models.DateField(
        "date de l'ajout",
        null=True,
        blank=True,
        help_text="Laissée vide, la date du jour est inscrite à l'enregistrement.",
    )

    SIGNATURE_FIELDS = [
        "addition_reason",
        "addition_source",
        "addition_url",
        "added_by",
        "added_on",
    ]

    # Each model's `*_source` fields, with (the field holding the fact's value, its empty
    # value), or None when it can't be empty: as given to source_constraints().
    FACTS = {}

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.mark_unknown_facts()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.mark_unknown_facts()

    @property
    def additions(self):
        """The names of this object's `*_source` fields that say « ajout »."""
        return [name for name in self.FACTS if self.is_added(name)]

    def mark_unknown_facts(self):
        """An empty fact is « non précisé »: set its source so, whatever it said.

        The reverse (a value whose source says « non précisé ») is left for the database
        rule to refuse: where the value comes from is the editor's to say.
        """
        for name, value in self.FACTS.items():
            if value is not None and getattr(self, value[0]) in (None, ""):
                setattr(self, name, Provenance.UNKNOWN)

    def is_added(self, source_field_name):
        return getattr(self, source_field_name) == Provenance.ADDITION


class Reviewed(models.Model):
    """When an editor last checked an object's content against its sources.

    Abstract. Content loaded from the brochure carries BROCHURE_DATE until an editor checks
    it; pages then say "Contenu de la brochure (2009)" rather than a made-up day.
    """

    reviewed_on = models.DateField(
        "contenu vérifié le",
        default=BROCHURE_DATE,
        help_text="Date à laquelle la rédaction a vérifié ce contenu. Mettez la date du jour "
        "après une relecture ; elle s'affiche sur la page publique.",
    )

    class Meta:
        abstract = True
