"""Which kedudukan hukum count as in service, defined once (docs/rules.md, "Kedudukan").

A pegawai is *in service* (aktif) only with kedudukan `aktif`: on tugas belajar, CLTN or
pemberhentian sementara they do not carry out their position's duties, so they are not counted
in the workforce statistics or the IP ASN populations and supervise nobody. (RULES.md does not
say; this follows the seed, whose populations are "PNS aktif".) They are still ASN, though,
with a personnel file to keep complete; only those who have left (pensiun, meninggal,
diberhentikan) are not.
"""

AKTIF = "aktif"
TUGAS_BELAJAR = "tugas_belajar"
CLTN = "cltn"
BERHENTI_SEMENTARA = "berhenti_sementara"
PENSIUN = "pensiun"
MENINGGAL = "meninggal"
BERHENTI = "berhenti"

KEDUDUKAN = (AKTIF, TUGAS_BELAJAR, CLTN, BERHENTI_SEMENTARA, PENSIUN, MENINGGAL, BERHENTI)
IN_SERVICE = frozenset({AKTIF})
LEFT_SERVICE = frozenset({PENSIUN, MENINGGAL, BERHENTI})


def in_service(kedudukan: str) -> bool:
    return kedudukan in IN_SERVICE


def still_employed(kedudukan: str) -> bool:
    """Still an ASN (in service or temporarily away), as opposed to having left."""
    return kedudukan not in LEFT_SERVICE
