"""What the brochure (ONISEP, 2009) says, read from tests/data/les-metiers-des-mutuelles-2009.txt
by hand: job titles, families, the people who give testimonials, and the figures of each fiche
and each diploma. The fixtures are checked against this table, not against themselves.

Figures are written as digits, as a fixture would write them ("30 000", not "trente mille").
"""

# Each family by the running head of its fiches ("Fiche métier …"). "Fonctions supports" is
# how the family's own introduction names these jobs.
FAMILIES = {
    "gestion-des-adherents": "Gestion des adhérents",
    "developpement-du-produit-et-etude-du-risque": "Développement du produit et étude du risque",
    "prevention-action-sanitaire-et-sociale": "Prévention, action sanitaire et sociale",
    "autres-metiers": "Les autres métiers des mutuelles (fonctions supports)",
}

# slug: (masculine title, feminine title, family), from titles such as "Technicien/enne en
# prestations" and the running head of the fiche.
JOBS = {
    "technicien-en-prestations": (
        "Technicien en prestations",
        "Technicienne en prestations",
        "gestion-des-adherents",
    ),
    "responsable-de-centre-de-gestion": (
        "Responsable de centre de gestion",
        "Responsable de centre de gestion",
        "gestion-des-adherents",
    ),
    "concepteur-technique-de-produit": (
        "Concepteur technique de produit",
        "Conceptrice technique de produit",
        "developpement-du-produit-et-etude-du-risque",
    ),
    "actuaire": ("Actuaire", "Actuaire", "developpement-du-produit-et-etude-du-risque"),
    "charge-detudes-juridiques": (
        "Chargé d’études juridiques",
        "Chargée d’études juridiques",
        "developpement-du-produit-et-etude-du-risque",
    ),
    "infirmier-coordinateur": (
        "Infirmier coordinateur",
        "Infirmière coordinatrice",
        "prevention-action-sanitaire-et-sociale",
    ),
    "audioprothesiste": (
        "Audioprothésiste",
        "Audioprothésiste",
        "prevention-action-sanitaire-et-sociale",
    ),
    "opticien": ("Opticien", "Opticienne", "prevention-action-sanitaire-et-sociale"),
    "educateur-specialise": (
        "Éducateur spécialisé",
        "Éducatrice spécialisée",
        "prevention-action-sanitaire-et-sociale",
    ),
    "animateur-prevention": (
        "Animateur prévention",
        "Animatrice prévention",
        "prevention-action-sanitaire-et-sociale",
    ),
    "responsable-achats-logistique": (
        "Responsable achats logistique",
        "Responsable achats logistique",
        "autres-metiers",
    ),
    "responsable-communication": (
        "Responsable communication",
        "Responsable communication",
        "autres-metiers",
    ),
    "webmestre": ("Webmestre", "Webmestre", "autres-metiers"),
    "controleur-de-gestion": ("Contrôleur de gestion", "Contrôleuse de gestion", "autres-metiers"),
    "charge-de-recrutement": ("Chargé de recrutement", "Chargée de recrutement", "autres-metiers"),
}

# slug: (job fiche, first name, job as the heading gives it, employer, town, département),
# from headings such as "Bruno, technicien en prestations, MNFCT, Vincennes (94)".
TESTIMONIALS = {
    "bruno": (
        "technicien-en-prestations",
        "Bruno",
        "technicien en prestations",
        "MNFCT",
        "Vincennes",
        "94",
    ),
    "catherine": (
        "responsable-de-centre-de-gestion",
        "Catherine",
        "responsable de la gestion pour la région Est",
        "Prévadiès",
        "Laxou",
        "54",
    ),
    "marie-claude": (
        "concepteur-technique-de-produit",
        "Marie-Claude",
        "responsable du développement",
        "MGEN",
        "Paris",
        "75",
    ),
    "patrice": ("actuaire", "Patrice", "actuaire", "MGEN", "Paris", "75"),
    "audrey": (
        "charge-detudes-juridiques",
        "Audrey",
        "chargée d’études juridiques",
        "Harmonie Mutualité",
        "Nantes",
        "44",
    ),
    "monique": (
        "infirmier-coordinateur",
        "Monique",
        "infirmière coordinatrice",
        "Mutuelle Adrea",
        "Saint-Pourçain-sur-Sioule",
        "03",
    ),
    "xavier": ("audioprothesiste", "Xavier", "audioprothésiste", "MNAM", "Toulon", "83"),
    "daniel": ("opticien", "Daniel", "opticien", "Mutuelle Adrea", "Montluçon", "03"),
    "marie-educatrice": (
        "educateur-specialise",
        "Marie",
        "éducatrice spécialisée",
        "MGEN sanitaire et sociale",
        "Saint-Thomas-en-Royans",
        "26",
    ),
    "laetitia": (
        "animateur-prevention",
        "Laetitia",
        "chargée de développement prévention",
        "Harmonie Mutualité",
        "Angers",
        "49",
    ),
    "marie-achats": (
        "responsable-achats-logistique",
        "Marie",
        "responsable achats logistique",
        "Mutuelles Santé Plus",
        "Chalon-sur-Saône",
        "71",
    ),
    "olivier": (
        "responsable-communication",
        "Olivier",
        "responsable communication",
        "MNFCT",
        "Vincennes",
        "94",
    ),
}

# Figures that belong to the whole brochure: its year and the Mutualité Française's slogan
# ("38 millions de personnes font confiance aux mutuelles").
BROCHURE_FIGURES = {"2009", "38"}

# Figures by item slug: a family's introduction, a job fiche with its "Quels diplômes ?" box
# (levels such as "bac + 2" give "2"), a testimonial, a diploma of "Les formations". Levels 1
# to 5 and "Master 1" also come from "Le schéma des formations".
FIGURES = {
    # Families
    "gestion-des-adherents": set(),
    "developpement-du-produit-et-etude-du-risque": set(),
    "prevention-action-sanitaire-et-sociale": set(),
    "autres-metiers": {"20"},  # 20 % of the sector's staff
    # Job fiches
    "technicien-en-prestations": {"2", "3"},
    "responsable-de-centre-de-gestion": {"10", "40", "5"},
    "concepteur-technique-de-produit": {"50", "2", "5"},
    "actuaire": {"5"},
    "charge-detudes-juridiques": {"4", "1", "5"},  # master 1, bac + 4 to bac + 5
    "infirmier-coordinateur": {"3"},
    "audioprothesiste": {"5", "3"},  # près de 5 millions de personnes ; 3 ans
    "opticien": {"52", "2"},
    "educateur-specialise": {"3"},
    "animateur-prevention": {"2"},
    "responsable-achats-logistique": {"2", "5"},
    "responsable-communication": {"2", "5"},
    "webmestre": {"2", "5"},
    "controleur-de-gestion": {"2", "5"},
    "charge-de-recrutement": {"5"},
    # Testimonials (the département is in the heading)
    "bruno": {"150", "8", "94"},
    "catherine": {"48", "7", "150", "54"},
    "marie-claude": {"75"},
    "patrice": {"75"},
    "audrey": {"44"},
    "monique": {"35", "03"},
    "xavier": {"100", "83"},
    "daniel": {"3", "13", "03"},
    "marie-educatrice": {"18", "26"},
    "laetitia": {"49"},
    "marie-achats": {"71"},
    "olivier": {"5", "8", "94"},  # master (bac + 5), 8 ans dans la com
    # Diplomas
    "bts": {"2", "1"},
    "dut": {"2", "1"},
    "deust": {"2"},
    "licence-pro": {"1", "2", "3"},
    "master-1": {"1", "4"},
    "master-pro": {"2", "3", "5"},
    "ecole-ingenieur-commerce": {"5", "3", "2"},
    "du": {"2", "5"},
    "de-infirmier": {"3", "333", "17", "31", "2", "2009", "30 000", "6"},
    "de-audioprothesiste": {"3", "5", "16", "10", "20"},
    "de-educateur-specialise": {"3", "5", "1 450", "15", "4"},
    "cqp-conseiller-mutualiste": set(),
    "cqp-teleconseiller": set(),
    "cqp-assistant-commercial": set(),
    "cqp-specialiste-prestations-sante-prevoyance": set(),
    "diplome-comptabilite-gestion": {"2"},
    "formation-avocat": {"5"},
    "diplome-cadre-de-sante": set(),
    "diplome-psychologue": {"5"},
}
