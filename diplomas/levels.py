"""The one ordered scale of study levels used by every page and filter.

Values are years of study after the baccalauréat, so "at or below my level" is a plain <=.
Each is shown with its level in the 2019 national framework, which these diplomas place
between niveau 4 (bac) and niveau 7 (bac + 5).
"""

from django.db import models


class Level(models.IntegerChoices):
    BAC = 0, "bac"
    BAC_2 = 2, "bac + 2"
    BAC_3 = 3, "bac + 3"
    BAC_4 = 4, "bac + 4"
    BAC_5 = 5, "bac + 5"


# Cadre national des certifications professionnelles (décret du 8 janvier 2019).
NATIONAL_LEVEL = {Level.BAC: 4, Level.BAC_2: 5, Level.BAC_3: 6, Level.BAC_4: 6, Level.BAC_5: 7}

# The national levels are ten years newer than the brochure: every page that shows one
# carries this dated note, and each level links to its full explanation on the schéma.
NATIONAL_LEVELS_NOTE = (
    "Les niveaux 4 à 7 sont ceux du cadre national des certifications professionnelles "
    "créé en 2019, dix ans après la brochure, qui ne donnait que les années d’études "
    "après le bac."
)
NATIONAL_LEVELS_SOURCE = (
    "Décret n° 2019-14 du 8 janvier 2019 relatif au cadre national des certifications "
    "professionnelles"
)
NATIONAL_LEVELS_URL = "https://www.legifrance.gouv.fr/eli/decret/2019/1/8/MTRD1834949D/jo/texte"
NATIONAL_LEVELS_ANCHOR = "niveaux-2019"


def level_label(value, *, national=True):
    """'bac + 2 (niveau 5)': the brochure's wording and today's national level together.

    `national=False` leaves the national level out, for a diploma outside the national
    framework (a DU, which each university sets): 'bac + 2'.
    """
    level = Level(value)
    if not national:
        return level.label
    return f"{level.label} (niveau {NATIONAL_LEVEL[level]})"


def range_label(low, high, *, national=True):
    """'de bac + 2 (niveau 5) à bac + 5 (niveau 7)', or one level, or « non précisé »."""
    if low is None:
        return "niveau non précisé"
    if high is None or high == low:
        return level_label(low, national=national)
    return f"de {level_label(low, national=national)} à {level_label(high, national=national)}"


# (value, "bac + 2 (niveau 5)") pairs wherever a level is offered or shown by its choice: the
# public filters, and the level fields' choices, so the admin's forms, list filters, history
# and get_level_display() read the same. Level.label ("bac + 2") is the brochure's part.
LEVEL_CHOICES = [(level.value, level_label(level)) for level in Level]
