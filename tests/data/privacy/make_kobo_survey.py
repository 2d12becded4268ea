"""Make `kobo_household_survey.csv`: a FAKE KoboToolbox household survey export from Mali.

Every name, phone number, ID number, GPS point, enumerator and comment is made up here
from a fixed seed (common first and family names drawn at random, random digits); no
row describes a real person. The cercles and their P-codes are real (OCHA COD-AB in
`sample_data/mali_adm2.geojson`) so the survey can be mapped.

Shape of a KoboToolbox "CSV (legacy)" export with XML headers: metadata columns (start,
end, deviceid, username, simserial, subscriberid, phonenumber), `group/field` columns,
a geopoint as one cell plus `_group/field_latitude` etc., a select_multiple question with
its 0/1 columns, then `meta/instanceID`, `_id`, `_uuid`, `_submission_time`, `_submitted_by`.

Some cercles get only 3 households on purpose (small-count suppression); Kati gets 20.
Run: .venv/bin/python tests/data/privacy/make_kobo_survey.py
"""
from __future__ import annotations

import csv
import io
import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
OUT = HERE / "kobo_household_survey.csv"

GIVEN = ["Moussa", "Aminata", "Mamadou", "Fatoumata", "Oumar", "Mariam", "Seydou", "Awa", "Boubacar", "Kadiatou",
         "Adama", "Hawa", "Souleymane", "Djeneba", "Bakary", "Oumou", "Issa", "Rokia", "Drissa", "Salimata"]
FAMILY = ["Traoré", "Diarra", "Coulibaly", "Keïta", "Koné", "Diallo", "Touré", "Sidibé", "Sangaré", "Dembélé",
          "Maïga", "Cissé", "Sissoko", "Camara", "Doumbia", "Guindo"]
# cercle P-code -> number of households (3 = below the default threshold of 5)
HOUSEHOLDS = {"ML0204": 20, "ML0406": 14, "ML0506": 12, "ML0305": 11, "ML0103": 9, "ML0901": 8, "ML0605": 6,
              "ML0703": 3, "ML0402": 3, "ML0801": 3}
BESOINS = ["eau", "abri", "sante", "vivres", "education"]
COMMENTS = [
    "Le chef de ménage {name} demande à être rappelé au {phone}.",
    "RAS",
    "Ménage très vulnérable, voir avec {name}.",
    "{name} a refusé la photo.",
    "Famille arrivée récemment, contact: {phone}",
]


def _phone(rng: random.Random, style: int) -> str:
    digits = f"{rng.choice('6789')}{rng.randint(0, 9)}" + "".join(str(rng.randint(0, 9)) for _ in range(6))
    pairs = " ".join(digits[i:i + 2] for i in range(0, 8, 2))
    return [f"+223 {pairs}", f"00223{digits}", pairs, digits][style % 4]


def _point_in(geom, rng: random.Random) -> Point:
    minx, miny, maxx, maxy = geom.bounds
    while True:
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if geom.contains(p):
            return p


def build_rows(seed: int = 9) -> list[dict[str, str]]:
    rng = random.Random(seed)
    layer = gpd.read_file(REPO / "sample_data" / "mali_adm2.geojson").set_index("adm2_pcode")
    enumerators = [(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", f"enq_{i:02d}") for i in range(1, 6)]
    devices = [f"collect:{uuid.UUID(int=rng.getrandbits(128)).hex[:16]}" for _ in enumerators]
    rows: list[dict[str, str]] = []
    when = datetime(2024, 3, 4, 8, 0, 0)
    n = 0
    for pcode, count in HOUSEHOLDS.items():
        area = layer.loc[pcode]
        for _ in range(count):
            n += 1
            e = rng.randrange(len(enumerators))
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            phone = _phone(rng, n)
            point = _point_in(area.geometry, rng)
            lat, lon = f"{point.y:.6f}", f"{point.x:.6f}"  # as the phone gives them: 6 decimals
            alt, acc = rng.randint(250, 400), rng.randint(3, 15)
            start = when + timedelta(minutes=37 * n)
            end = start + timedelta(minutes=rng.randint(18, 45))
            needs = sorted(rng.sample(BESOINS, rng.randint(1, 3)))
            instance = uuid.UUID(int=rng.getrandbits(128), version=4)
            comment = rng.choice(COMMENTS).format(name=name, phone=_phone(rng, n + 1))
            row = {
                "start": start.isoformat(timespec="milliseconds") + "+00:00",
                "end": end.isoformat(timespec="milliseconds") + "+00:00",
                "today": start.date().isoformat(),
                "deviceid": devices[e],
                "username": enumerators[e][1],
                "simserial": "8922301" + "".join(str(rng.randint(0, 9)) for _ in range(12)),
                "subscriberid": "61002" + "".join(str(rng.randint(0, 9)) for _ in range(10)),
                "phonenumber": _phone(rng, 0),
                "identification/nom_enqueteur": enumerators[e][0],
                "identification/region": area["adm1_name"],
                "identification/cercle": area["adm2_name"],
                "identification/cercle_pcode": pcode,
                "identification/village": f"Village {rng.randint(1, 40)}",
                "menage/nom_chef_menage": name,
                "menage/telephone": phone,
                "menage/autre_numero": _phone(rng, n + 2),
                "menage/numero_cni": f"{rng.randint(10**14, 10**15 - 1)}{rng.choice('ABCDEFGHJK')}",
                "menage/date_naissance_chef": f"{rng.randint(1950, 2002)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "menage/personne_reference": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                "menage/sexe_chef": rng.choice(["homme", "femme"]),
                "menage/taille_menage": str(rng.randint(2, 14)),
                "menage/gps": f"{lat} {lon} {alt} {acc}",
                "_menage/gps_latitude": lat,
                "_menage/gps_longitude": lon,
                "_menage/gps_altitude": str(alt),
                "_menage/gps_precision": str(acc),
                "besoins/besoins_prioritaires": " ".join(needs),
                **{f"besoins/besoins_prioritaires/{b}": "1" if b in needs else "0" for b in BESOINS},
                "observations/commentaire": comment,
                "meta/instanceID": f"uuid:{instance}",
                "_id": str(41_000_000 + n * 7),
                "_uuid": str(instance),
                "_submission_time": (end + timedelta(hours=rng.randint(1, 30))).isoformat(timespec="seconds"),
                "_submitted_by": f"ong_sahel_{enumerators[e][1]}",
                "_index": str(n),
            }
            rows.append(row)
    return rows


# the columns a person would call personal data (the ground truth for the tests)
SENSITIVE = ["start", "end", "deviceid", "username", "simserial", "subscriberid", "phonenumber",
             "identification/nom_enqueteur", "menage/nom_chef_menage", "menage/telephone", "menage/autre_numero",
             "menage/numero_cni", "menage/date_naissance_chef", "menage/personne_reference", "menage/gps",
             "_menage/gps_latitude", "_menage/gps_longitude",
             "observations/commentaire", "meta/instanceID", "_id", "_uuid", "_submission_time", "_submitted_by"]


def survey_csv() -> str:
    """The whole export as text (what `main` writes)."""
    rows = build_rows()
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main() -> None:
    text = survey_csv()
    OUT.write_bytes(text.encode("utf-8"))
    print(f"{OUT}: {text.count(chr(10)) - 1} households (fake)")


if __name__ == "__main__":
    main()
