"""Which columns of a table hold personal data, found by their names and their values.

NGO tables often carry beneficiaries' names, phone numbers, ID numbers, household GPS
points, enumerators and free-text comments next to the figures a map needs. Finding
them lets the app keep them out of everything it writes. Detection reads the column
name (French and English, Kobo/ODK `group/field` names reduced to the field) and then
the values (phone numbers such as +223 76 12 34 56, e-mails, ID-like numbers, people's
names, "lat lon alt acc" geopoints). The user has the last word (`overrides`).

A GPS column is personal only when the rows are people (households, beneficiaries),
not when they are places (health facilities, sites): `is_people_points` decides.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from carto_desktop.i18n import translate
from carto_desktop.intake.kobo import kobo_form

# kind -> the plain-language reason shown to the user (English catalogue key)
REASONS: dict[str, str] = {
    "name": "People's names: a name identifies a person.",
    "enumerator": "Names or accounts of enumerators, staff or contact persons: they identify people.",
    "phone": "Phone numbers: they identify a person and let anyone call them.",
    "email": "E-mail addresses identify a person.",
    "identifier": "ID, card or registration numbers identify a person.",
    "birth": "Dates of birth, with a place, can identify a person.",
    "address": "Addresses show where a person lives.",
    "gps": "Exact GPS points of households or people show where they live.",
    "comment": "Free-text comments often hold names, phone numbers or private details.",
    "metadata": "Form metadata (submission id, device, account, interview time) can lead back to the person "
                "interviewed and to the enumerator.",
    "media": "Photos, signatures or recordings of people.",
    "chosen": "You marked this column as personal data.",
}
EVIDENCE = {
    "name": "Found from the column name.",
    "values": "Found from the values in the column.",
    "chosen": "Your choice.",
}

# Kobo/ODK metadata fields (the field part of the column name, lower case)
KOBO_META = {
    "_submitted_by", "username", "deviceid", "_uuid", "uuid", "_id", "phonenumber", "simserial", "subscriberid",
    "instanceid", "instancename", "deprecatedid", "_submission_time", "_attachments", "audit", "_validated_by",
}
KOBO_META_IN_FORMS = {"start", "end"}  # ordinary words elsewhere: only in a form export

# words of column names (accents removed, lower case); tokens are split on anything not a letter or digit
PHONE_WORDS = ("telephone", "phone", "whatsapp", "cellulaire", "portable")
PHONE_TOKENS = {"tel", "tél", "gsm", "cell", "phone", "contact", "contacts", "numtel", "telephone"}
EMAIL_WORDS = ("email", "e mail", "courriel", "adresse electronique", "mail")  # "mail" only as a word
ID_WORDS = ("passport", "passeport", "carte d identite", "numero d identification", "numero identification",
            "national id", "id number", "id card", "piece d identite", "numero de carte", "card number",
            "matricule", "numero cni", "registration number", "numero d enregistrement", "numero unique",
            "household id", "id menage", "code menage", "id beneficiaire", "beneficiary id", "code beneficiaire",
            "numero beneficiaire", "numero menage", "ration card", "carte de ration", "proof of registration")
ID_TOKENS = {"cni", "nina", "nin", "passport", "passeport", "matricule", "ssn", "nni", "cin"}
BIRTH_WORDS = ("date de naissance", "date naissance", "datenaissance", "date of birth", "dateofbirth", "ne le",
               "annee de naissance", "birthdate", "birthday")
BIRTH_TOKENS = {"dob", "ddn", "naissance", "birth"}  # words, not parts: "connaissance" is knowledge
ADDRESS_WORDS = ("adresse", "address", "domicile", "lieu de residence")
COMMENT_TOKENS = {"commentaire", "commentaires", "comment", "comments", "remarque", "remarques", "remark",
                  "remarks", "observation", "observations", "obs", "note", "notes"}
MEDIA_TOKENS = {"photo", "photos", "picture", "image", "signature", "audio", "video", "selfie", "empreinte",
                "fingerprint"}
NAME_TOKENS = {"nom", "noms", "name", "names", "prenom", "prenoms", "surname", "firstname", "lastname", "fullname",
               "givenname", "patronyme", "nomprenom"}
NAME_WORDS = ("first name", "last name", "full name", "given name", "family name", "nom complet", "nom et prenom",
              "chef de menage", "head of household", "nom du repondant", "respondent name")
ENUMERATOR_WORDS = ("enqueteur", "enumerator", "interviewer", "surveyor", "agent recenseur", "agent de collecte",
                    "collecteur", "superviseur", "supervisor", "submitted by")
# a "name" column about one of these is not a person's name
NOT_PERSON_TOKENS = {
    "org", "orgs", "organisation", "organization", "organisations", "ong", "ngo", "partenaire", "partner", "acteur",
    "actor", "agence", "agency", "bailleur", "donor", "province", "region", "cercle", "commune", "village",
    "localite", "locality", "localites", "site", "sites", "camp", "admin", "adm", "admin1", "admin2", "admin3",
    "departement", "department", "district", "prefecture", "sousprefecture", "sous", "zone", "pays", "country",
    "area", "structure", "etablissement", "ecole", "school", "facility", "formation", "sanitaire", "centre",
    "center", "hopital", "hospital", "projet", "project", "programme", "program", "cluster", "secteur", "sector",
    "activite", "activity", "place", "lieu", "quartier", "ville", "town", "city", "marche", "market", "point",
    "forage", "puits", "fichier", "file", "layer", "couche", "produit", "product", "article", "item",
    "indicateur", "indicator", "culture", "crop", "langue", "language", "variable", "field", "question",
    "formulaire", "form", "groupe", "group", "equipe", "team", "cooperative", "association", "entreprise",
    "company", "fournisseur", "supplier", "banque", "bank", "distribution", "rue", "street", "station",
    "reseau", "network", "operateur", "operator", "communaute", "community", "hameau", "fraction", "groupement",
    "club", "comite", "committee",
}
# ... unless the name is that of a person in a role there ("Nom du chef de village", "Nom du point focal")
PERSON_ROLE_TOKENS = {"chef", "focal", "responsable", "president", "presidente", "maire", "directeur", "directrice",
                      "gerant", "gerante", "representant", "representante", "leader", "enqueteur", "superviseur",
                      "infirmier", "infirmiere", "enseignant", "enseignante", "relais", "contact"}
PLACE_OBJECT_TOKENS = {"site", "sites", "localite", "locality", "facility", "facilities", "structure",
                       "etablissement", "ecole", "school", "hopital", "hospital", "cscom", "csref", "csps",
                       "fosa", "camp", "forage", "puits", "marche", "market", "geonameid", "waterpoint"}
PEOPLE_TOKENS = {"menage", "menages", "household", "households", "hh", "beneficiaire", "beneficiaires",
                 "beneficiary", "beneficiaries", "repondant", "respondent", "individu", "personne", "famille",
                 "family", "foyer", "patient", "enquete", "eleve", "student", "refugie", "refugee"}
GPS_TOKENS = {"latitude", "longitude", "gps", "geopoint", "geolocation", "coordonnees", "coordinates"}
GPS_SHORT = {"lat", "lon", "lng", "long", "x", "y", "gps", "coord"}  # only as the whole column name

# common given and family names in the Sahel and francophone Africa, to recognise names among values
KNOWN_NAMES = {
    "moussa", "mamadou", "amadou", "ibrahim", "ibrahima", "oumar", "ousmane", "boubacar", "seydou", "adama",
    "abdoulaye", "souleymane", "bakary", "modibo", "sekou", "youssouf", "issa", "hamidou", "drissa", "lassana",
    "aminata", "fatoumata", "fatima", "mariam", "mariama", "awa", "kadiatou", "aissata", "oumou", "hawa",
    "salimata", "rokia", "djeneba", "kadidia", "assitan", "ramata", "fanta", "nana", "bintou", "mahamat",
    "mahamadou", "abakar", "halime", "achta", "zara", "haoua", "jean", "pierre", "marie", "paul", "joseph",
    "traore", "diarra", "coulibaly", "keita", "kone", "diallo", "toure", "sidibe", "sangare", "dembele",
    "maiga", "cisse", "sissoko", "camara", "doumbia", "konate", "sylla", "kante", "ballo", "togola",
    "bagayoko", "dicko", "guindo", "ouedraogo", "sawadogo", "kabore", "zongo", "ndiaye", "diop", "fall",
    "sow", "ba", "barry", "bah", "abdallah", "idriss", "moussa", "hassan", "ali", "mohamed", "ahmed",
}

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_PHONE_INTL = re.compile(r"^(?:\+|00)\s?\d{3}[\s.\-]?(?:\d[\s.\-]?){7,10}$")
_PHONE_LOCAL = re.compile(r"^(?:\d{2}[\s.\-]){3,4}\d{2}$|^0?[5-9]\d{7,9}$")
_GEOPOINT = re.compile(r"^-?\d{1,3}\.\d+\s+-?\d{1,3}\.\d+(?:\s+-?[\d.]+){0,2}(?:;.*)?$")
_UUID = re.compile(r"^(?:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_ID_LIKE = re.compile(r"^(?=(?:.*\d){6})[A-Za-z0-9/\-]{9,24}$")
_DATE_LIKE = re.compile(r"^\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4}")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")
_PCODE_LIKE = re.compile(r"^[A-Z]{2,3}\d{1,12}")
SAMPLE = 200


@dataclass(frozen=True)
class Finding:
    """One column that holds personal data: what kind, why, and how it was found."""

    column: str
    kind: str  # a key of REASONS
    evidence: str  # "name", "values" or "chosen"

    @property
    def reason(self) -> str:
        """The plain-language explanation (English catalogue key; `text(lang)` for the user)."""
        return REASONS[self.kind]

    def text(self, lang: str = "en") -> str:
        return translate(self.reason, lang)

    def evidence_text(self, lang: str = "en") -> str:
        return translate(EVIDENCE[self.evidence], lang)

    def as_dict(self, lang: str = "en") -> dict[str, str]:
        """Plain values for the app (its engine process exchanges plain values only), in `lang`."""
        return {"column": self.column, "kind": self.kind, "reason": self.text(lang),
                "evidence": self.evidence_text(lang)}


def _plain(text: str) -> str:
    """Lower case, no accents, letters and digits only, split camelCase: 'Téléphone_Chef' -> 'telephone chef'."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.split(r"[^a-z0-9]+", text)).strip()


def _field(column: str) -> str:
    """The field part of a Kobo/ODK column: 'group_hh/telephone' -> 'telephone', 'meta/instanceID' -> 'instanceID'."""
    return str(column).rstrip("/").split("/")[-1]


def _has(text: str, words: tuple[str, ...]) -> bool:
    padded = f" {text} "
    return any(f" {w} " in padded or (len(w) >= 6 and w in text.replace(" ", "")) for w in words)


def _kind_from_name(column: str, is_form: bool) -> str | None:
    """The kind of personal data a column name announces, or None."""
    field_name = _field(column)
    raw = field_name.strip().lower()
    if raw in KOBO_META or (is_form and raw in KOBO_META_IN_FORMS) or str(column).lower().startswith("meta/instance"):
        return "metadata"
    text = _plain(field_name)
    tokens = set(text.split())
    if _has(text, EMAIL_WORDS):
        return "email"
    if _has(text, PHONE_WORDS) or tokens & PHONE_TOKENS or tokens == {"mobile"} or \
            ("mobile" in tokens and tokens & {"numero", "number", "num", "no", "n"}):
        return "phone"
    if _has(text, BIRTH_WORDS) or tokens & BIRTH_TOKENS:
        return "birth"
    if _has(text, ID_WORDS) or tokens & ID_TOKENS:
        return "identifier"
    if tokens & MEDIA_TOKENS:
        return "media"
    if _has(text, ADDRESS_WORDS):
        return "address"
    if tokens & COMMENT_TOKENS or text.startswith(("commentaire", "remarque", "observation")):
        return "comment"
    if _has(text, ENUMERATOR_WORDS):
        return "enumerator"
    if (tokens & NAME_TOKENS or _has(text, NAME_WORDS)) and not _not_person(tokens):
        # a person in a role (focal point, village chief, nurse) is staff or a contact, not a beneficiary
        staff = tokens & PERSON_ROLE_TOKENS and not tokens & PEOPLE_TOKENS and not {"chef", "lieu"} <= tokens
        return "enumerator" if staff else "name"
    if _has(text, ("childs name", "child name", "nom enfant", "nom de l enfant")):
        return "name"
    return None


def _not_person(tokens: set[str]) -> bool:
    """A name column about an organisation, a place or an admin level ("adm1_name", "admin2Name")."""
    if tokens & PERSON_ROLE_TOKENS and not {"chef", "lieu"} <= tokens:  # "chef-lieu" is a town
        return False
    return bool(tokens & NOT_PERSON_TOKENS) or any(re.fullmatch(r"(adm|admin)\d*", t) for t in tokens)


def _values(series: pd.Series) -> list[str]:
    """Up to SAMPLE non-empty values, as text (enough to judge a column; a whole 28,000-row column is slow)."""
    out: list[str] = []
    seen, limit = 0, SAMPLE * 4  # the first `limit` filled cells, read a slice at a time (not all 28,000)
    for start in range(0, len(series), limit):
        for v in series.iloc[start:start + limit].dropna().iloc[:limit - seen]:
            seen += 1
            text = str(v).strip()
            if text:
                out.append(text)
                if len(out) == SAMPLE:
                    return out
        if seen >= limit:
            break
    return out


def _share(values: list[str], test) -> float:
    """The share of `values` passing `test`, each distinct value tested once (Oui/Non columns are common)."""
    if not values:
        return 0.0
    return sum(n for v, n in Counter(values).items() if test(v)) / len(values)


def names_a_person(text: str) -> bool:
    """Whether a text such as a file name ("liste_aminata_diarra_2024.csv") holds a person's given and
    family names: two of the common names the value check knows."""
    return len({w for w in _plain(text).split() if w in KNOWN_NAMES}) >= 2


def _looks_like_names(values: list[str]) -> bool:
    """Mostly 1-4 words of letters, and known given or family names among them."""
    def shaped(v: str) -> bool:
        words = v.split()
        return 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)

    def known(v: str) -> bool:
        return any(_plain(w) in KNOWN_NAMES for w in v.split())

    return _share(values, shaped) >= 0.6 and _share(values, known) >= 0.25


def _is_phone(value: str) -> bool:
    """+223 76 12 34 56, (+226) 70-11-22-33, 0022376123456, 76 12 34 56, 0803 123 4567, 76123456."""
    v = value.replace("(", "").replace(")", "").strip()
    if _PHONE_INTL.match(v) or _PHONE_LOCAL.match(v):
        return True
    groups = re.split(r"[\s.\-]+", v)
    digits = "".join(groups)
    return (digits.isdigit() and 8 <= len(digits) <= 11 and digits[0] in "056789" and len(groups) >= 3
            and all(2 <= len(g) <= 4 for g in groups))


def _kind_from_values(values: list[str]) -> str | None:
    """The kind of personal data the values look like, or None."""
    if not values:
        return None
    if _share(values, lambda v: bool(_EMAIL.match(v))) >= 0.5:
        return "email"
    if _share(values, _is_phone) >= 0.6:
        return "phone"
    if _share(values, lambda v: bool(_GEOPOINT.match(v))) >= 0.6:
        return "gps"
    if _share(values, lambda v: bool(_UUID.match(v))) >= 0.6:
        return "metadata"
    if (len(values) >= 5 and len(set(values)) >= 0.9 * len(values)
            and _share(values, lambda v: bool(_ID_LIKE.match(v)) and not _DATE_LIKE.match(v)
                       and not _PCODE_LIKE.match(v)) >= 0.8):
        return "identifier"
    if _looks_like_names(values):
        return "name"
    return None


def _is_place_list(columns: list[str]) -> str | None:
    """The column that says the rows are places (a site name, a facility, a GeoNames id), or None."""
    for c in columns:
        tokens = set(_plain(_field(c)).split())
        if tokens & PLACE_OBJECT_TOKENS and (len(tokens) <= 4):
            return c
    return None


def _is_gps_column(column: str, form_columns: set[str]) -> bool:
    tokens = set(_plain(_field(column)).split())
    return column in form_columns or bool(tokens & GPS_TOKENS) or (bool(tokens) and tokens <= GPS_SHORT)


# what the values of a column named for a kind must look like (when it has values)
_VALUES_AGREE = {
    "phone": lambda v: sum(ch.isdigit() for ch in v) >= 6,
    "email": lambda v: "@" in v,
    "identifier": lambda v: any(ch.isdigit() for ch in v),
    "birth": lambda v: any(ch.isdigit() for ch in v),
}


def detect_sensitive(data: pd.DataFrame, overrides: Mapping[str, bool] | None = None,
                     *, people: bool | None = None) -> list[Finding]:
    """The columns of `data` that hold personal data, in column order.

    `overrides` is the user's word per column: False = not personal (dropped from the
    findings), True = personal (kept even if nothing was detected). `people` says whether
    rows are people (their GPS points are then personal); None = decided by `is_people_points`.
    """
    overrides = dict(overrides or {})
    columns = [str(c) for c in data.columns]
    form = kobo_form(columns)
    place_column = _is_place_list(columns)
    gps_columns = {c for p in form.geopoints for c in (p.cell_column, p.lat_column, p.lon_column) if c}
    if form.geolocation:
        gps_columns.add(form.geolocation)
    found: dict[str, Finding] = {}
    for column in columns:
        kind = _kind_from_name(column, form.is_form)
        evidence = "name"
        values = _values(data[column]) if column in data.columns else []
        if kind in _VALUES_AGREE and values and _share(values, _VALUES_AGREE[kind]) < 0.3:
            kind = None  # "reseau_tel_disponible": Oui/Non is about phones, not a phone number
        if kind == "name" and set(_plain(_field(column)).split()) <= {"name", "nom", "names", "noms"}:
            # a bare "name": in a list of places it is the place's name unless the values are people's names
            if place_column and not _looks_like_names(values):
                kind = None
        if kind is None and not _is_gps_column(column, gps_columns):
            kind, evidence = _kind_from_values(values), "values"
            if kind == "name" and _not_person(set(_plain(_field(column)).split())):
                kind = None
        if kind is None and _is_gps_column(column, gps_columns) and values and not \
                _plain(_field(column)).endswith(("altitude", "precision", "accuracy")):
            kind, evidence = "gps", "name"  # a height or an accuracy alone shows no place
        if kind is not None:
            found[column] = Finding(column, kind, evidence)
    if any(f.kind == "gps" for f in found.values()):
        rows_are_people = people if people is not None else bool(_people_verdict(data, found, place_column))
        if not rows_are_people or _area_points(data, [c for c, f in found.items() if f.kind == "gps"]):
            found = {c: f for c, f in found.items() if f.kind != "gps"}
    for column, personal in overrides.items():
        if personal is False:
            found.pop(column, None)
        elif personal and column not in found:
            found[column] = Finding(column, "chosen", "chosen")
    order = {c: i for i, c in enumerate(columns)}
    return sorted(found.values(), key=lambda f: order.get(f.column, len(order)))


# --- points of people or points of places ---------------------------------------------

PERSON_KINDS = {"name", "identifier", "birth", "address", "media"}  # the rows are these people
CONTACT_KINDS = {"phone", "email"}  # a facility list may give its own phone: people only without a place column


@dataclass(frozen=True)
class PeopleVerdict:
    """Whether a table's points are people (aggregate them) or places (draw them); true for people."""

    people: bool
    reason: str  # English catalogue key with {column} / {kind}
    column: str | None = None

    def __bool__(self) -> bool:
        return self.people

    def text(self, lang: str = "en") -> str:
        return translate(self.reason, lang, column=self.column or "")


def _people_verdict(data: pd.DataFrame, findings: Mapping[str, Finding], place_column: str | None) -> PeopleVerdict:
    person = next((f for f in findings.values() if f.kind in PERSON_KINDS), None)
    if person is not None:
        return PeopleVerdict(True, "The rows are people: column \"{column}\" holds personal data.", person.column)
    if place_column is not None:
        return PeopleVerdict(False, "The rows are places: column \"{column}\" names sites or facilities.",
                             place_column)
    contact = next((f for f in findings.values() if f.kind in CONTACT_KINDS), None)
    if contact is not None:
        return PeopleVerdict(True, "The rows are people: column \"{column}\" holds personal data.", contact.column)
    for c in data.columns:
        # "Nombre Bénéficiaires", "Total No. of IDPs HH": a column of numbers counts people per row (an
        # activity, a commune); it does not make each row a person
        if set(_plain(_field(str(c))).split()) & PEOPLE_TOKENS and not _mostly_numbers(data[c]):
            return PeopleVerdict(True, "The rows are people or households: see column \"{column}\".", str(c))
    if kobo_form([str(c) for c in data.columns]).is_form:
        return PeopleVerdict(True, "The rows are survey answers (a KoboToolbox/ODK export), so their points are "
                                   "taken to be people.")
    return PeopleVerdict(False, "Nothing says the rows are people, so the points are drawn as places.")


def _area_points(data: pd.DataFrame, gps_columns: list[str]) -> bool:
    """The coordinates are an area's point, not where each household lives: the same point repeated for
    many rows (a 3W's "Départ_Latitude/Longitude", every row of a département at its centroid).

    Household GPS differ from row to row; here at most one distinct point per five rows.
    """
    from carto_desktop.intake.coordinates import parse_coordinate

    lat = next((c for c in gps_columns if "lat" in _plain(_field(c))), None)
    lon = next((c for c in gps_columns if re.search(r"lon|lng", _plain(_field(c)))), None)
    if lat is None or lon is None or lat not in data.columns or lon not in data.columns:
        return False
    pairs = [(parse_coordinate(str(a), "lat"), parse_coordinate(str(b), "lon"))
             for a, b in zip(data[lat], data[lon]) if pd.notna(a) and pd.notna(b)]
    pairs = [(round(a, 5), round(b, 5)) for a, b in pairs if a is not None and b is not None]
    return len(pairs) >= 10 and len(set(pairs)) <= 0.2 * len(pairs)


def _mostly_numbers(column: pd.Series) -> bool:
    """Most filled cells are numbers (a count per row), so the column is no identifier of a person."""
    from carto_desktop.intake.numbers import parse_number

    values = [v for v in _values(column) if v][:200]
    return bool(values) and sum(parse_number(v) is not None for v in values) >= 0.8 * len(values)


def is_people_points(table_data: pd.DataFrame) -> PeopleVerdict:
    """Are this table's points people (households, beneficiaries) rather than places?

    True (truthy) means the map should aggregate them to areas unless the user asks for
    raw points; `.reason` / `.text(lang)` says why in plain words.
    """
    columns = [str(c) for c in table_data.columns]
    place_column = _is_place_list(columns)
    findings = {f.column: f for f in detect_sensitive(table_data, people=False)}
    return _people_verdict(table_data, findings, place_column)


def sensitive_columns(findings: list[Finding]) -> list[str]:
    """The column names of `findings` (what a project's `excluded_columns` should hold by default)."""
    return [f.column for f in findings]


def without_sensitive(data: pd.DataFrame, findings: list[Finding]) -> pd.DataFrame:
    """`data` without the sensitive columns: what may be kept or written."""
    return data.drop(columns=[f.column for f in findings if f.column in data.columns])
