import reversion
from django.db import models
from django.db.models import Q

from mutuelles_site.fields import ProseField
from mutuelles_site.preview import PreviewQuerySet
from mutuelles_site.provenance import (
    UNVERSIONED,
    Reviewed,
    SignedAddition,
    Updated,
    code_constraints,
    code_field,
    code_source_field,
    source_constraints,
    source_field,
)
from mutuelles_site.reversing import cached_reverse

from .levels import LEVEL_CHOICES, Level, range_label


class DiplomaCategory(models.TextChoices):
    """The « catégorie » of a diploma: who awards it.

    Diplomas are classified at two grains, each with one name everywhere (model, labels, URL
    parameter, filter, admin, README):

    - the « type de diplôme » (`DiplomaType`, the `diploma_type` field, `?type_diplome=`):
      BTS, DUT, licence professionnelle, master, DE, CQP…, the word ONISEP and the RNCP use
      for what a diploma is;
    - the « catégorie » (`DiplomaCategory`, `?categorie=`): who awards it, derived from the
      type. « Famille » would be the other usual word, but on this site it already names the
      families of jobs.

    The brochure prints the DU and the engineering or business school diplomas in its
    « diplômes de l'Éducation nationale » pages, yet says that DU « sont délivrés par une
    université, contrairement aux diplômes délivrés par l'Éducation nationale » and that
    school diplomas are « reconnus ou visés par l'État »: they have categories of their own.
    """

    NATIONAL = "national", "Diplôme national de l’Éducation nationale"
    UNIVERSITY = "universite", "Diplôme d’université"
    SCHOOL = "ecole", "Diplôme d’école"
    STATE = "etat", "Diplôme d’État du paramédical et du social"
    CQP = "cqp", "CQP de la branche mutualité"
    OTHER = "autre", "Autre formation"


class DiplomaType(models.TextChoices):
    BTS = "bts", "BTS"
    DUT = "dut", "DUT"
    DEUST = "deust", "DEUST"
    LICENCE_PRO = "licence-pro", "Licence professionnelle"
    MASTER = "master", "Master"
    SCHOOL = "ecole", "Diplôme d’école (ingénieur, commerce)"
    DU = "du", "DU"
    STATE = "de", "Diplôme d’État"
    CQP = "cqp", "CQP"
    OTHER = "autre", "Autre formation"


# The category (who awards it) of each type of diploma.
CATEGORY_OF_TYPE = {
    DiplomaType.BTS: DiplomaCategory.NATIONAL,
    DiplomaType.DUT: DiplomaCategory.NATIONAL,
    DiplomaType.DEUST: DiplomaCategory.NATIONAL,
    DiplomaType.LICENCE_PRO: DiplomaCategory.NATIONAL,
    DiplomaType.MASTER: DiplomaCategory.NATIONAL,
    DiplomaType.SCHOOL: DiplomaCategory.SCHOOL,
    DiplomaType.DU: DiplomaCategory.UNIVERSITY,
    DiplomaType.STATE: DiplomaCategory.STATE,
    DiplomaType.CQP: DiplomaCategory.CQP,
    DiplomaType.OTHER: DiplomaCategory.OTHER,
}


def types_in_category(category):
    return [diploma_type for diploma_type, c in CATEGORY_OF_TYPE.items() if c == category]


class DiplomaQuerySet(PreviewQuerySet):
    @staticmethod
    def published_condition(prefix=""):
        """The rule of published(), as a Q on the diploma reached by `prefix` ("" or "…__")."""
        return Q(**{f"{prefix}is_published": True})

    def published(self):
        return self.filter(self.published_condition())

    def for_detail(self, *, drafts=False):
        """A diploma page's diploma; `drafts` (editors' preview) keeps unpublished ones."""
        diplomas = self.with_is_public() if drafts else self.published()
        # Only a preview widens the specialities to its draft diploma.
        widened = diplomas if drafts else None
        return diplomas.prefetch_related(
            models.Prefetch("specialities", Speciality.objects.published(diplomas=widened)),
        )


class DiplomaManager(models.Manager.from_queryset(DiplomaQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


# Each sourced fact of a diploma: its `*_source` field and the field of its value.
DIPLOMA_FACTS = {
    "category_source": None,
    "level_source": ("level", None),
    "duration_source": ("duration", ""),
    "place_source": ("place", ""),
    "apprenticeship_source": ("apprenticeship", None),
    "rncp_code_source": ("rncp_code", ""),
}

# A fiche of the Répertoire national des certifications professionnelles (France
# compétences): "RNCP" and its number.
RNCP_CODE_PATTERN = r"^RNCP[0-9]{1,6}$"
RNCP_CODE_MESSAGE = (
    "Un code RNCP s'écrit « RNCP » suivi du numéro de la fiche, par exemple RNCP36110."
)


def add_missing_sources(fields):
    """Give a diploma serialised before provenance existed (November 2026) its sources.

    Takes the "fields" dict of a serialised diploma (a backup row, or the copy a history
    version holds) and changes it in place: each empty fact becomes « non précisé », each
    other one « brochure » (all content came from it then), and an apprenticeship False,
    which then meant "not indicated", becomes unknown. Returns True if it changed anything.
    Used by the migration that added the sources and by `restore`.
    """
    if "apprenticeship_source" in fields:
        return False
    if fields.get("apprenticeship") is False:
        fields["apprenticeship"] = None
    for name, value in DIPLOMA_FACTS.items():
        empty = value is not None and fields.get(value[0]) in (None, "")
        fields[name] = "non-precise" if empty else "brochure"
    return True


# A diploma's versions hold its specialities: reverting or recovering it brings them back.
@reversion.register(follow=["specialities"], exclude=UNVERSIONED)
class Diploma(Reviewed, SignedAddition, Updated, models.Model):
    slug = models.SlugField(
        "identifiant d'adresse",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Partie de l'adresse web, par exemple « bts » pour /formations/bts/. "
        "Laissé vide, il est tiré du nom court.",
    )
    short_name = models.CharField(
        "nom court",
        max_length=120,
        help_text="Nom affiché dans les listes, par exemple « BTS » ou « DE infirmier ».",
    )
    name = models.CharField(
        "nom complet",
        max_length=200,
        help_text="Nom développé, sans sigle, tel que la brochure l'écrit, par exemple "
        "« Brevet de technicien supérieur ».",
    )
    acronym = models.CharField(
        "sigle",
        max_length=20,
        blank=True,
        help_text="Le sigle que la brochure emploie, par exemple « BTS » ou « DE ». Vide si "
        "elle n'en emploie pas : n'en inventez pas.",
    )
    diploma_type = models.CharField(
        "type de diplôme",
        max_length=20,
        choices=DiplomaType,
        help_text="BTS, licence professionnelle, DE, CQP… Il détermine la catégorie du "
        "diplôme (diplôme national, d'université, d'école, d'État, CQP).",
    )
    category_source = source_field("source de la catégorie", can_be_unknown=False)
    rncp_code = code_field(
        "code RNCP",
        max_length=10,
        pattern=RNCP_CODE_PATTERN,
        message=RNCP_CODE_MESSAGE,
        help_text="La fiche du Répertoire national des certifications professionnelles "
        "(France compétences), par exemple « RNCP36110 ».",
    )
    rncp_code_source = code_source_field("source du code RNCP")
    level = models.PositiveSmallIntegerField(
        "niveau",
        choices=LEVEL_CHOICES,
        null=True,
        blank=True,
        help_text="Niveau d'études auquel le diplôme est obtenu. Vide pour un CQP "
        "ou si la brochure ne le précise pas.",
    )
    level_source = source_field("source du niveau")
    level_max = models.PositiveSmallIntegerField(
        "niveau maximal",
        choices=LEVEL_CHOICES,
        null=True,
        blank=True,
        help_text="Seulement si le niveau varie (les DU vont de bac + 2 à bac + 5).",
    )
    summary = ProseField("présentation", help_text="Ce qu'est ce diplôme, en clair.")
    duration = models.CharField(
        "durée", max_length=200, blank=True, help_text="Par exemple « 2 ans après le bac »."
    )
    duration_source = source_field("source de la durée")
    place = models.CharField(
        "lieu de préparation",
        max_length=300,
        blank=True,
        help_text="Où il se prépare : lycée, IUT, université, institut…",
    )
    place_source = source_field("source du lieu")
    # None is « non précisé »: the brochure is silent on most diplomas, which is no "non".
    apprenticeship = models.BooleanField(
        "possible en apprentissage",
        null=True,
        blank=True,
        help_text="« Oui » si la source indique qu'il se prépare aussi par apprentissage, "
        "« Non » si elle dit le contraire, « Inconnu » si elle n'en dit rien.",
    )
    apprenticeship_source = source_field("source de l’apprentissage")
    admission = ProseField("comment y entrer", blank=True)
    programme = ProseField("au programme", blank=True)
    after = ProseField("et après ?", blank=True, help_text="Insertion ou poursuite d'études.")
    cqp_objective = ProseField("objectif (CQP)", blank=True)
    cqp_method = ProseField("comment ? (CQP)", blank=True)
    cqp_profile = ProseField("profil (CQP)", blank=True)
    since_2009 = ProseField(
        "depuis 2009",
        blank=True,
        help_text="Ce qui a changé depuis la brochure, daté (par exemple « Depuis 2021, … »). "
        "Ne modifiez pas le texte de la brochure : ajoutez une note ici.",
    )
    position = models.PositiveSmallIntegerField(
        "ordre", default=0, help_text="Ordre d'affichage à niveau égal."
    )
    is_published = models.BooleanField(
        "publié", default=True, help_text="Décocher pour retirer la page du site public."
    )

    objects = DiplomaManager()

    class Meta:
        verbose_name = "diplôme"
        verbose_name_plural = "diplômes"
        # Diplomas without a level (CQP) last, on SQLite as on PostgreSQL.
        ordering = [models.F("level").asc(nulls_last=True), "position", "short_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(diploma_type__in=DiplomaType.values), name="diploma_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__in=Level.values),
                name="diploma_level_valid",
            ),
            models.CheckConstraint(
                condition=Q(level_max__isnull=True)
                | (Q(level__isnull=False) & Q(level_max__gte=models.F("level"))),
                name="diploma_level_max_above_level",
                violation_error_message="Le niveau maximal doit être supérieur ou égal au niveau.",
            ),
            *source_constraints("diploma", DIPLOMA_FACTS),
            *code_constraints("diploma", "rncp_code", RNCP_CODE_PATTERN, RNCP_CODE_MESSAGE),
            # The brochure never says a diploma cannot be prepared by apprenticeship: a "non"
            # can only come from a source an editor adds.
            models.CheckConstraint(
                condition=~Q(apprenticeship=False, apprenticeship_source="brochure"),
                name="diploma_apprenticeship_no_is_an_addition",
                violation_error_message="La brochure ne dit jamais qu'un diplôme ne se prépare "
                "pas en apprentissage : un « non » est un ajout de la rédaction, avec sa source.",
            ),
        ]

    FACTS = DIPLOMA_FACTS

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return cached_reverse("diplomas:detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    @property
    def full_name(self):
        """« Diplôme d'État d'audioprothésiste (DE) »: the name, with the acronym if any."""
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    @property
    def category(self):
        return CATEGORY_OF_TYPE[DiplomaType(self.diploma_type)]

    @property
    def is_cqp(self):
        return self.diploma_type == DiplomaType.CQP

    @property
    def in_national_framework(self):
        """False for a DU (each university sets its own) and for the other diplomas the
        fiches cite without placing them: no 2019 national level is shown for those."""
        return self.category not in (DiplomaCategory.UNIVERSITY, DiplomaCategory.OTHER)

    @property
    def level_label(self):
        return range_label(self.level, self.level_max, national=self.in_national_framework)

    def unpublished_parts(self):
        """What keeps this diploma off the public site, as its preview banner says it."""
        if self.is_published:
            return []
        return [(self, f"Ce {'CQP' if self.is_cqp else 'diplôme'} n’est pas publié.")]


class SpecialityQuerySet(models.QuerySet):
    @staticmethod
    def published_condition(prefix="", *, diplomas=None):
        """The rule of published(), as a Q on the speciality reached by `prefix`: it is
        published, and so is its diploma (or its diploma is one of `diplomas`)."""
        if diplomas is None:
            diploma = DiplomaQuerySet.published_condition(f"{prefix}diploma__")
        else:
            diploma = Q(**{f"{prefix}diploma__in": diplomas})
        return Q(**{f"{prefix}is_published": True}) & diploma

    def published(self, *, diplomas=None):
        """Published specialities of a published diploma; a diploma page passes the
        `diplomas` it may show, which an editor's preview widens to a draft."""
        return self.filter(self.published_condition(diplomas=diplomas))


class SpecialityManager(models.Manager.from_queryset(SpecialityQuerySet)):
    def get_by_natural_key(self, diploma_slug, slug):
        return self.get(diploma__slug=diploma_slug, slug=slug)


@reversion.register()
class Speciality(models.Model):
    diploma = models.ForeignKey(
        Diploma, on_delete=models.CASCADE, related_name="specialities", verbose_name="diplôme"
    )
    slug = models.SlugField(
        "identifiant",
        max_length=120,
        blank=True,
        help_text="Ancre de la spécialité dans la page du diplôme. Laissé vide, il est tiré "
        "du nom.",
    )
    name = models.CharField(
        "spécialité", max_length=200, help_text="Par exemple « hygiène, propreté, environnement »."
    )
    cited_in_formations = models.BooleanField(
        "citée dans « Les formations »",
        default=True,
        help_text="Décocher si la spécialité n'est citée que dans une fiche métier.",
    )
    is_published = models.BooleanField("publiée", default=True)

    objects = SpecialityManager()

    class Meta:
        verbose_name = "spécialité"
        verbose_name_plural = "spécialités"
        ordering = ["diploma__level", "diploma__short_name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["diploma", "slug"],
                name="speciality_slug_unique_per_diploma",
                violation_error_message="Ce diplôme a déjà une spécialité avec cet identifiant.",
            ),
        ]

    def __str__(self):
        return f"{self.diploma.short_name} {self.name}"

    def get_absolute_url(self):
        return f"{self.diploma.get_absolute_url()}#{self.slug}"

    def natural_key(self):
        return (*self.diploma.natural_key(), self.slug)

    natural_key.dependencies = ["diplomas.diploma"]


class CQPManager(DiplomaManager):
    def get_queryset(self):
        return super().get_queryset().filter(diploma_type=DiplomaType.CQP)


# Registered on its own so that saves made through the proxy (whose signals name the proxy)
# are recorded; versions are stored under the concrete Diploma, so both admins share them.
@reversion.register(follow=["specialities"], exclude=UNVERSIONED)
class CQP(Diploma):
    """The branch's CQP, shown to editors as their own admin section."""

    objects = CQPManager()

    class Meta:
        proxy = True
        verbose_name = "CQP de la branche"
        verbose_name_plural = "CQP de la branche"

    def save(self, *args, **kwargs):
        self.diploma_type = DiplomaType.CQP
        super().save(*args, **kwargs)
