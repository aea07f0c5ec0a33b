"""Which year's IP ASN is "the latest": the newest year whose data is complete.

The newest SKP year is not enough. SKP for a year are entered over the months after it, and
histories can be carried forward for one purpose only (the KGB continuation of the demo writes
SKP for PNS up to last year, without trainings): a year whose index would be computed from
partial data would be shown as a collapse of the index. A year counts as complete when
- every dimension can be computed (someone is in each population);
- the SKP of the kinerja population cover at least SIKAP_IPASN_CAKUPAN_SKP percent of it;
- no dimension has all of its categories at zero (no training at all recorded for a year means
  the trainings were not entered, not that nobody trained).
The later years passed over are named with the reason, so a reader knows why the card shows an
older year.
"""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Max

from sikap.core.errors import SikapError
from sikap.ipasn import engine
from sikap.ipasn.criteria import criterion_q
from sikap.ipasn.models import KodeDimensi
from sikap.people.models import Pegawai, RiwayatSkp
from sikap.rules.formatting import angka, persen
from sikap.rules.indices import population_noun

LOOK_BACK = 5  # years tried below the newest SKP year


@dataclass(frozen=True)
class YearChoice:
    year: int | None
    result: "engine.IpAsnResult | None"
    skipped: tuple[tuple[int, str], ...]  # (later year, why it is not shown)


def skp_coverage(year: int) -> tuple[int, int, str] | None:
    """(ASN of the kinerja population who have an SKP of the window year, ASN who should,
    their noun): the population with its SKP test dropped is who should be rated. None when
    the configuration has no kinerja dimension."""
    _, config = engine.config_in_force(year)
    dim = next((d for d in config.dimensions if d.code == KodeDimensi.KINERJA), None)
    if dim is None:
        return None
    window = config.window
    eligible = replace(dim.population, predikat=None)
    counts = Pegawai.objects.filter(criterion_q(eligible, year=year, window=window)).aggregate(
        eligible=Count("pk"),
        rated=Count("pk", filter=criterion_q(dim.population, year=year, window=window)),
    )
    return counts["rated"], counts["eligible"], population_noun(eligible)


def incomplete_because(result) -> str | None:
    """Why `result`'s year cannot stand as a published figure, or None when it can."""
    reasons = []
    missing = [s.name for s in result.sub_indices if s.rounded is None]
    if missing:
        reasons.append("tidak ada pegawai dalam populasi " + ", ".join(missing))
    coverage = skp_coverage(result.year)
    if coverage is not None and coverage[1]:
        rated, eligible, noun = coverage
        share = Decimal(rated * 100) / eligible
        if share < settings.SIKAP_IPASN_CAKUPAN_SKP:
            reasons.append(
                f"SKP {result.config.skp_year} baru tercatat untuk {angka(rated)} dari "
                f"{angka(eligible)} {noun} ({persen(share)})"
            )
    empty = [
        s.name
        for s in result.sub_indices
        if s.rounded is not None and s.categories and not any(c.count for c in s.categories)
    ]
    if empty:
        reasons.append("belum ada data untuk " + ", ".join(empty))
    return "; ".join(reasons) or None


def latest_complete() -> YearChoice:
    """The newest year with complete data (its result included), trying the newest SKP year
    and the LOOK_BACK years before it."""
    newest = RiwayatSkp.objects.aggregate(tahun=Max("tahun"))["tahun"]
    if newest is None:
        return YearChoice(None, None, ())
    skipped = []
    for year in range(newest, newest - LOOK_BACK - 1, -1):
        try:
            # The IP ASN the configuration names (one index or the weighted roll-up).
            result = engine.compute_ip_asn_per_status(year).as_result()
        except SikapError as e:  # no configuration in force that year
            skipped.append((year, e.message))
            continue
        why = incomplete_because(result)
        if why is None:
            return YearChoice(year, result, tuple(skipped))
        skipped.append((year, why))
    return YearChoice(None, None, tuple(skipped))
