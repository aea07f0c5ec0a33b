"""Build the whole demo regency as plain data: same seed and scale → the same data, byte for byte.

Randomness comes only from `random.Random` and Faker instances seeded here, and nothing is
iterated in an order that depends on hashing, so the result never depends on the machine.
"""

import random

from faker import Faker

from sikap.accounts.models import Peran
from sikap.demo.career import Payroll, SkNumbers
from sikap.demo.data import DemoData, StaffAccount
from sikap.demo.identity import Identities
from sikap.demo.org import Org
from sikap.demo.people import People, assign_tugas_tambahan
from sikap.demo.records import assign_diklat, assign_hukdis, assign_skp
from sikap.demo.targets import targets
from sikap.salary.tables import pp5_2024_table

DEFAULT_SEED = 2023

STAFF = (
    ("admin.bkd", Peran.ADMIN_BKD, "Admin BKD"),
    ("verifikator", Peran.VERIFIKATOR, "Verifikator BKD"),
    ("kepala.bkd", Peran.PIMPINAN, "Kepala BKD"),
    ("perencana", Peran.PERENCANA, "Perencana BKD"),
)


def admin_opd_username(opd_kode: str) -> str:
    return f"opd.{opd_kode.lower()}"


def build_demo(seed: int = DEFAULT_SEED, scale: float = 1.0) -> DemoData:
    # Separate streams, so the organisation does not change with --scale.
    org = Org(random.Random(f"org-{seed}"))
    rng = random.Random(f"people-{seed}")
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    t = targets(scale, len(org.heads))
    sk = SkNumbers()
    profiles = People(rng, Identities(rng, fake), org, t, Payroll(pp5_2024_table(), sk), sk).build()
    punished = assign_hukdis(rng, profiles, t, sk)
    assign_skp(rng, profiles, t, punished)
    assign_diklat(rng, profiles, t)
    staff = [StaffAccount(u, peran, nama) for u, peran, nama in STAFF]
    staff += [
        StaffAccount(admin_opd_username(o.kode), Peran.ADMIN_OPD, f"Admin {o.nama}", o.kode)
        for o in org.opds
    ]
    tugas_tambahan = assign_tugas_tambahan(org, profiles, sk)
    people = [p.person for p in profiles]
    return DemoData(org.opds, org.units, org.jabatan, people, staff, tugas_tambahan)
