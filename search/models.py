from django.db import models


class DocumentKind(models.TextChoices):
    # The order of the result groups on the page.
    CAREER = "metier", "Métiers"
    DIPLOMA = "formation", "Formations"
    TESTIMONIAL = "temoignage", "Témoignages"


KIND_ORDER = {kind: position for position, kind in enumerate(DocumentKind)}


class SearchDocument(models.Model):
    """One published job, diploma or testimonial, flattened for search.

    Rows are derived data, rewritten by signals and by `rebuild_search_index`; editors never
    touch them. On PostgreSQL a migration adds a generated, weighted `search_vector` column
    (title A, lead B, body C) with a GIN index; it lives outside the model because SQLite has
    no such type.
    """

    kind = models.CharField("type", max_length=12, choices=DocumentKind)
    object_id = models.PositiveBigIntegerField("identifiant de l'objet")
    url = models.CharField("adresse", max_length=300)
    title = models.CharField("titre", max_length=300)
    meta = models.CharField("précisions", max_length=300, blank=True)
    lead = models.TextField("chapô", blank=True)
    body = models.TextField("texte", blank=True)
    # Abbreviations and long forms found in the title / in the text (see synonyms.py).
    title_extra = models.CharField("variantes du titre", max_length=300, blank=True)
    body_extra = models.TextField("variantes du texte", blank=True)
    # Folded, stemmed words padded with spaces, matched with LIKE on SQLite.
    title_stems = models.TextField("racines du titre", blank=True)
    lead_stems = models.TextField("racines du chapô", blank=True)
    body_stems = models.TextField("racines du texte", blank=True)

    class Meta:
        verbose_name = "document de recherche"
        verbose_name_plural = "documents de recherche"
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values), name="search_document_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.title}"

    def get_absolute_url(self):
        return self.url

    @property
    def text(self):
        return f"{self.lead}\n\n{self.body}".strip()


class SearchWord(models.Model):
    """The vocabulary of the index: what a misspelt query word is corrected to."""

    word = models.CharField("mot", max_length=60, unique=True)
    stem = models.CharField("racine", max_length=60, db_index=True)

    class Meta:
        verbose_name = "mot de l'index"
        verbose_name_plural = "mots de l'index"
        ordering = ["word"]

    def __str__(self):
        return self.word
