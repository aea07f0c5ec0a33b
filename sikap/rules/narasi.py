"""The sentences an LKj generates about an indicator: whether its target was exceeded, met or
missed and by how much, how the realisation moved against earlier years, and where it stands
against the Renstra's final target.

The decision is made on the figures as printed (rounded half-up to the report's decimals), so
the words always agree with the numbers next to them: the hand-made LKj 2023 wrote "mencapai
diatas target" for 12.38 against 13.00 (seed_inconsistencies.md 6.1–6.3).
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from sikap.rules.capaian import Direction, parse_choice
from sikap.rules.formatting import angka, angka_ringkas, persen
from sikap.rules.rounding import bulatkan


class Status(StrEnum):
    MELAMPAUI = "melampaui"
    MENCAPAI = "mencapai"
    BELUM = "belum_mencapai"


STATUS_TEXT = {
    Status.MELAMPAUI: "melampaui target",
    Status.MENCAPAI: "mencapai target",
    Status.BELUM: "belum mencapai target",
}


def nilai(value: Decimal | int | None, decimals: int = 2) -> str:
    """A kinerja figure without trailing zeros after rounding: 94 → '94', 95.7833 → '95,78',
    5.5400 → '5,54'; None → '—'."""
    return "—" if value is None else angka_ringkas(value, decimals)


def satuan_selisih(unit: str) -> str:
    """What a difference is counted in: index points, percentage points, or the unit itself."""
    unit = (unit or "").strip()
    if unit.lower() in ("", "indeks", "poin", "nilai"):
        return "poin"
    if unit == "%":
        return "poin persen"
    return unit


def status(
    target: Decimal, realisasi: Decimal, direction: Direction = Direction.HIGHER, decimals: int = 2
) -> Status:
    """Compared at the printed precision; for 'lower is better' a realisation below the target
    exceeds it."""
    gap = bulatkan(realisasi, decimals) - bulatkan(target, decimals)
    if parse_choice(Direction, direction, "arah") == Direction.LOWER:
        gap = -gap
    if gap > 0:
        return Status.MELAMPAUI
    return Status.MENCAPAI if gap == 0 else Status.BELUM


@dataclass(frozen=True)
class Kalimat:
    status: Status
    selisih: Decimal  # ≥ 0, at the printed precision
    teks: str


def terhadap_target(
    nama: str,
    target: Decimal,
    realisasi: Decimal,
    *,
    capaian: Decimal | None,
    direction: Direction = Direction.HIGHER,
    unit: str = "",
    decimals: int = 2,
) -> Kalimat:
    """'Indeks Kualifikasi Pendidikan ASN belum mencapai target: realisasi 12,38 dari target
    13,00 (capaian 95,23 %, kurang 0,62 poin).'"""
    result = status(target, realisasi, direction, decimals)
    t, r = (
        angka(bulatkan(target, decimals), decimals),
        angka(bulatkan(realisasi, decimals), decimals),
    )
    gap = abs(bulatkan(realisasi, decimals) - bulatkan(target, decimals))
    d, u = angka(gap, decimals), satuan_selisih(unit)
    lower = parse_choice(Direction, direction, "arah") == Direction.LOWER
    parts = [f"capaian {persen(capaian)}"] if capaian is not None else []
    if result == Status.MENCAPAI:
        head = f"realisasi {r} sama dengan target {t}"
    elif lower:
        how = "lebih rendah" if result == Status.MELAMPAUI else "lebih tinggi"
        head = f"realisasi {r}, {how} {d} {u} dari target {t}"
        parts.append("semakin rendah semakin baik")
    else:
        head = f"realisasi {r} dari target {t}"
        parts.append(f"{'lebih' if result == Status.MELAMPAUI else 'kurang'} {d} {u}")
    tail = f" ({', '.join(parts)})" if parts else ""
    return Kalimat(result, gap, f"{nama} {STATUS_TEXT[result]}: {head}{tail}.")


def terhadap_tahun_lalu(
    tahun: int,
    realisasi: Decimal,
    sebelumnya: Sequence[tuple[int, Decimal]],
    *,
    direction: Direction = Direction.HIGHER,
    unit: str = "",
    decimals: int = 2,
) -> str | None:
    """How this year's realisation moved against the latest earlier year with data; None when
    there is no earlier year (the paragraph is then left out, not filled with a dash)."""
    if not sebelumnya:
        return None
    ordered = sorted(sebelumnya)
    last_year, last = ordered[-1]
    gap = bulatkan(realisasi, decimals) - bulatkan(last, decimals)
    u = satuan_selisih(unit)
    if gap == 0:
        moved = f"sama dengan tahun {last_year} ({angka(bulatkan(last, decimals), decimals)})"
    else:
        better = (gap > 0) == (parse_choice(Direction, direction, "arah") == Direction.HIGHER)
        verb = "naik" if gap > 0 else "turun"
        moved = (
            f"{verb} {angka(abs(gap), decimals)} {u} dari "
            f"{angka(bulatkan(last, decimals), decimals)} pada tahun {last_year} "
            f"({'membaik' if better else 'memburuk'})"
        )
    text = f"Realisasi tahun {tahun} {moved}."
    if len(ordered) > 1:
        earlier = ", ".join(f"{y}: {angka(bulatkan(v, decimals), decimals)}" for y, v in ordered)
        text += f" Realisasi tahun-tahun sebelumnya: {earlier}."
    return text


def terhadap_renstra(
    tahun: int,
    realisasi: Decimal,
    target_akhir: Decimal,
    tahun_akhir: int,
    *,
    capaian: Decimal | None,
    direction: Direction = Direction.HIGHER,
    unit: str = "",
    decimals: int = 2,
) -> str:
    """Where the realisation stands against the Renstra's final target."""
    result = status(target_akhir, realisasi, direction, decimals)
    t = angka(bulatkan(target_akhir, decimals), decimals)
    gap = angka(abs(bulatkan(realisasi, decimals) - bulatkan(target_akhir, decimals)), decimals)
    u = satuan_selisih(unit)
    where = {
        Status.MELAMPAUI: f"telah melampaui target akhir Renstra ({t} pada tahun {tahun_akhir})",
        Status.MENCAPAI: f"telah mencapai target akhir Renstra ({t} pada tahun {tahun_akhir})",
        Status.BELUM: (
            f"masih kurang {gap} {u} dari target akhir Renstra ({t} pada tahun {tahun_akhir})"
        ),
    }[result]
    progress = f", atau {persen(capaian)} dari target akhir" if capaian is not None else ""
    return f"Realisasi tahun {tahun} {where}{progress}."


def ringkasan(statuses: Sequence[Status]) -> str:
    """'dari 4 indikator, 1 melampaui target, 1 mencapai target dan 2 belum mencapai target'."""
    counts = Counter(statuses)
    parts = [f"{counts[s]} {STATUS_TEXT[s]}" for s in Status if counts[s]]
    if not parts:
        return "tidak ada indikator dengan realisasi"
    joined = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} dan {parts[-1]}"
    return f"dari {len(statuses)} indikator, {joined}"


def terhadap_standar(
    realisasi: Decimal,
    standar: Decimal,
    sumber: str = "",
    *,
    direction: Direction = Direction.HIGHER,
    unit: str = "",
    decimals: int = 2,
) -> str:
    """Where the realisation stands against a national standard (LKj analysis 4)."""
    result = status(standar, realisasi, direction, decimals)
    s = angka(bulatkan(standar, decimals), decimals)
    gap = angka(abs(bulatkan(realisasi, decimals) - bulatkan(standar, decimals)), decimals)
    of = f" ({sumber})" if sumber else ""
    where = {
        Status.MELAMPAUI: f"lebih baik {gap} {satuan_selisih(unit)} dari standar nasional {s}",
        Status.MENCAPAI: f"sama dengan standar nasional {s}",
        Status.BELUM: f"masih kurang {gap} {satuan_selisih(unit)} dari standar nasional {s}",
    }[result]
    return f"Realisasi {where}{of}."


def efisiensi(
    nama: str, capaian: Decimal, serapan: Decimal, decimals: int = 2
) -> tuple[Decimal, str]:
    """(ratio, sentence): a program's mean capaian against its budget absorption (LKj analysis
    6). A ratio ≥ 1 means the outputs kept pace with the money spent."""
    if serapan <= 0:
        return Decimal(0), (
            f"{nama}: anggaran belum terserap, sehingga efisiensi belum dapat dinilai "
            f"(rata-rata capaian {persen(capaian, decimals)})."
        )
    ratio = bulatkan(capaian / serapan, decimals)
    head = (
        f"{nama}: rata-rata capaian indikator {persen(capaian, decimals)} dengan penyerapan "
        f"anggaran {persen(serapan, decimals)} (rasio {angka(ratio, decimals)})"
    )
    if ratio >= 1:
        return (
            ratio,
            f"{head}; capaian kinerja sebanding atau lebih tinggi dari anggaran yang terserap.",
        )
    return (
        ratio,
        f"{head}; capaian kinerja lebih rendah dari anggaran yang terserap, sehingga "
        "efisiensinya perlu ditelaah.",
    )
