"""The dashboard's charts: head counts as labelled series for Chart.js (`json_script`).

The counting itself is `sikap.people.stats`, the same functions behind `sikap stats` and the LKj,
so the dashboard and the report never disagree. Added here is what only the dashboard draws:
the age pyramid and the largest OPDs. Every function takes a pegawai queryset already narrowed
by `visible_to`; each chart costs one GROUP BY query, whatever the number of pegawai.
"""

from datetime import date

from django.db.models import Case, CharField, Count, Value, When

from sikap.org.models import JenisJabatan
from sikap.people import stats
from sikap.people.models import JenisKelamin, StatusPegawai
from sikap.rules.dates import lahir_paling_lambat
from sikap.rules.ranks import golongan_label

BELUM_DIISI = "Belum diisi"
TOP_OPD = 30
_AGE_STEP = 5
_AGE_FIRST = 20  # everyone younger falls in "< 20"
_AGE_LAST = 60  # everyone older falls in "≥ 60"


def workforce(queryset, *, as_of: date) -> dict:
    """Everything the dashboard draws, in seven queries."""
    per_status = stats.per_status(queryset)
    return {
        "total": sum(per_status.values()),
        "per_status": [(code, label, per_status[code]) for code, label in StatusPegawai.choices],
        "golongan": _series(stats.per_golongan(queryset), golongan_label),
        "pendidikan": _series(stats.per_pendidikan(queryset), str),
        "jenis_kelamin": _series(stats.per_jenis_kelamin(queryset), _label(JenisKelamin)),
        "jenis_jabatan": _series(stats.per_jenis_jabatan(queryset), _label(JenisJabatan)),
        "usia": age_pyramid(queryset, as_of=as_of),
        "opd": largest_opds(queryset),
    }


def _series(counts: dict, label) -> dict:
    """Chart data from an ordered {code: count}; empty groups are left out."""
    present = [(code, n) for code, n in counts.items() if n]
    return {
        "labels": [
            BELUM_DIISI if code == stats.TIDAK_DIKETAHUI else label(code) for code, _n in present
        ],
        "values": [n for _code, n in present],
    }


def _label(choices):
    names = dict(choices.choices) | {stats.TANPA_JABATAN: "Tanpa jabatan"}
    return lambda code: names.get(code, code)


def largest_opds(queryset, limit: int = TOP_OPD) -> dict:
    """The biggest OPDs by head count, with their short names (bars have little room)."""
    rows = (
        queryset.values("opd__nama", "opd__singkatan")
        .annotate(n=Count("id"))
        .order_by("-n", "opd__nama")[:limit]
    )
    return {
        "labels": [row["opd__singkatan"] or row["opd__nama"] for row in rows],
        "values": [row["n"] for row in rows],
    }


def age_bands() -> list[tuple[int | None, str]]:
    """(lowest age or None, label), youngest first; open-ended at both ends."""
    bands = [(None, f"< {_AGE_FIRST}")]
    for low in range(_AGE_FIRST, _AGE_LAST, _AGE_STEP):
        bands.append((low, f"{low}–{low + _AGE_STEP - 1}"))
    bands.append((_AGE_LAST, f"≥ {_AGE_LAST}"))
    return bands


def age_pyramid(queryset, *, as_of: date) -> dict:
    """Head counts per 5-year age band and sex, oldest band first (the top of the pyramid)."""
    rows = (
        queryset.annotate(kelompok_usia=_age_band(as_of))
        .order_by()
        .values_list("kelompok_usia", "jenis_kelamin")
        .annotate(n=Count("id"))
    )
    counts = {(band, sex): n for band, sex, n in rows}
    labels = [label for _low, label in reversed(age_bands())]
    return {
        "labels": labels,
        "laki_laki": [counts.get((label, JenisKelamin.LAKI_LAKI), 0) for label in labels],
        "perempuan": [counts.get((label, JenisKelamin.PEREMPUAN), 0) for label in labels],
    }


def _age_band(as_of: date) -> Case:
    # Exact age in the database: age ≥ n ⇔ born on or before the same day n years ago. One
    # GROUP BY instead of reading every birth date into Python.
    bands = age_bands()
    whens = [
        When(tanggal_lahir__lte=lahir_paling_lambat(as_of, low), then=Value(label))
        for low, label in reversed(bands)
        if low is not None
    ]
    return Case(*whens, default=Value(bands[0][1]), output_field=CharField())
