"""Head counts behind the dashboards and the IP ASN index: a few grouped queries per call.

Each function takes the population as a queryset of `Pegawai` (the caller decides who counts:
active ASN, PNS only, one OPD, …) and, where the count depends on it, the year. A person is
counted once per group: at the heaviest punishment level, once per training category.
"""

from collections import Counter
from datetime import date

from django.db.models import Count, Max, Q, QuerySet

from sikap.org.models import STRUKTURAL, JenisJabatan
from sikap.people.models import (
    KategoriDiklat,
    Pegawai,
    Predikat,
    RiwayatDiklat,
    RiwayatHukdis,
    RiwayatSkp,
    StatusPegawai,
    TingkatHukdis,
)
from sikap.rules.education import jenjang
from sikap.rules.ranks import GOLONGAN, PPPK_GOLONGAN

PNS_STATUS = (StatusPegawai.PNS, StatusPegawai.CPNS)
JENJANG = ("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
TEKNIS_MIN_JP = 20  # the seed's "Diklat Teknis 20 JP"
TIDAK_DIKETAHUI = "tidak_diketahui"
# Position groups of the IP ASN kompetensi score (RULES.md §0).
STRUKTURAL_FUNGSIONAL, PELAKSANA, TANPA_JABATAN = (
    "struktural_fungsional",
    "pelaksana",
    "tanpa_jabatan",
)
_HUKDIS_BERAT = {TingkatHukdis.RINGAN: 1, TingkatHukdis.SEDANG: 2, TingkatHukdis.BERAT: 3}


def active_asn() -> QuerySet:
    return Pegawai.objects.in_service()


def pns(qs: QuerySet) -> QuerySet:
    return qs.filter(status__in=PNS_STATUS)


def latest_skp_year() -> int | None:
    """The last year anyone was rated: the natural default year for a report."""
    return RiwayatSkp.objects.aggregate(tahun=Max("tahun"))["tahun"]


def _grouped(qs: QuerySet, field: str) -> dict:
    return {row[field]: row["n"] for row in qs.values(field).annotate(n=Count("pk")).order_by()}


def per_status(qs: QuerySet) -> dict[str, int]:
    counts = _grouped(qs, "status")
    return {s.value: counts.get(s, 0) for s in StatusPegawai}


def per_pendidikan(qs: QuerySet) -> dict[str, int]:
    """By IP ASN jenjang of the highest diploma (SD … S3)."""
    result = dict.fromkeys((*JENJANG, TIDAK_DIKETAHUI), 0)
    for tingkat, n in _grouped(qs, "tingkat_pendidikan").items():
        result[jenjang(tingkat) if tingkat else TIDAK_DIKETAHUI] += n
    return result


def per_predikat_skp(qs: QuerySet, year: int) -> dict[str, int]:
    """By SKP predikat of the year; `tanpa_skp` for people rated nothing that year."""
    counts = _grouped(RiwayatSkp.objects.filter(pegawai__in=qs, tahun=year), "predikat")
    result = {p.value: counts.get(p, 0) for p in Predikat}
    result["tanpa_skp"] = qs.count() - sum(counts.values())
    return result


def per_hukdis(qs: QuerySet, year: int, *, years: int = 1) -> dict[str, int]:
    """People by their heaviest punishment with TMT in the `years` years ending with `year`."""
    window = (date(year - years + 1, 1, 1), date(year, 12, 31))
    worst: dict[int, str] = {}
    rows = RiwayatHukdis.objects.filter(pegawai__in=qs, tmt__range=window)
    for pegawai_id, tingkat in rows.values_list("pegawai_id", "tingkat").order_by().distinct():
        if _HUKDIS_BERAT[tingkat] > _HUKDIS_BERAT.get(worst.get(pegawai_id), 0):
            worst[pegawai_id] = tingkat
    counts = Counter(worst.values())
    result = {t.value: counts.get(t, 0) for t in TingkatHukdis}
    result["tanpa_hukdis"] = qs.count() - len(worst)
    return result


def position_group(jenis: str) -> str:
    if jenis == JenisJabatan.PELAKSANA:
        return PELAKSANA
    if jenis in (*STRUKTURAL, JenisJabatan.JF):
        return STRUKTURAL_FUNGSIONAL
    return TANPA_JABATAN


def per_diklat(qs: QuerySet, year: int) -> dict[str, dict[str, int]]:
    """People who completed training in the year, per category and current position group.

    Technical training counts only from TEKNIS_MIN_JP hours; each person once per category.
    """
    rows = (
        RiwayatDiklat.objects.filter(pegawai__in=qs, tanggal_selesai__year=year)
        .filter(~Q(kategori=KategoriDiklat.TEKNIS) | Q(jp__gte=TEKNIS_MIN_JP))
        .values("kategori", "pegawai__jenis_jabatan")
        .annotate(n=Count("pegawai", distinct=True))
        .order_by()
    )
    result = {
        k.value: dict.fromkeys((STRUKTURAL_FUNGSIONAL, PELAKSANA, TANPA_JABATAN), 0)
        for k in KategoriDiklat
    }
    for row in rows:
        result[row["kategori"]][position_group(row["pegawai__jenis_jabatan"])] += row["n"]
    return result


def per_golongan(qs: QuerySet) -> dict[str, int]:
    """PNS golongan I/a … IV/e, then PPPK I … XVII; only those present."""
    counts = _grouped(qs, "golongan")
    order = (*GOLONGAN, *PPPK_GOLONGAN)
    result = {g: counts[g] for g in order if g in counts}
    unknown = sum(n for g, n in counts.items() if g not in order)
    if unknown:
        result[TIDAK_DIKETAHUI] = unknown
    return result


def per_jenis_kelamin(qs: QuerySet) -> dict[str, int]:
    counts = _grouped(qs, "jenis_kelamin")
    return {"L": counts.get("L", 0), "P": counts.get("P", 0)}


def per_jenis_jabatan(qs: QuerySet) -> dict[str, int]:
    counts = _grouped(qs, "jenis_jabatan")
    result = {j.value: counts.get(j, 0) for j in JenisJabatan}
    result[TANPA_JABATAN] = counts.get("", 0)
    return result


def per_opd(qs: QuerySet) -> list[dict]:
    rows = qs.values("opd__kode", "opd__nama").annotate(n=Count("pk")).order_by("opd__nama")
    return [{"kode": r["opd__kode"], "nama": r["opd__nama"], "jumlah": r["n"]} for r in rows]


def summary(year: int, qs: QuerySet | None = None) -> dict:
    """Everything `sikap stats` prints, for the active ASN in `qs` (default: all)."""
    asn = active_asn() if qs is None else qs
    return {
        "tahun": year,
        "asn_per_status": per_status(asn),
        "pns_per_pendidikan": per_pendidikan(pns(asn)),
        "asn_per_predikat_skp": per_predikat_skp(asn, year),
        "pns_per_hukdis": per_hukdis(pns(asn), year),
        "pns_per_diklat": per_diklat(pns(asn), year),
        "asn_per_golongan": per_golongan(asn),
        "asn_per_jenis_kelamin": per_jenis_kelamin(asn),
        "asn_per_jenis_jabatan": per_jenis_jabatan(asn),
        "asn_per_opd": per_opd(asn),
    }
