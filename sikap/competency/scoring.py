"""Scoring a closed attempt: every drawn item's score (the chosen option's score, 5 for the key
of a multiple-choice item and 1 otherwise, 1 when unanswered), then per competency the level
reached and the gap to the standard of the taker's position at the start of the attempt
(`rules.competency`, `standards`). Runs after the commit that closed the attempts
(`signals.percobaan_ditutup`); scoring again gives the same rows."""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from sikap.competency.models import (
    ButirPercobaan,
    HasilKompetensi,
    JenisSoal,
    Percobaan,
)
from sikap.competency.standards import Resolver
from sikap.rules.competency import SKOR_MAKS, Jawaban, nilai_kompetensi, skor_pilihan_ganda

CLOSED = (Percobaan.Status.DISERAHKAN, Percobaan.Status.DISERAHKAN_OTOMATIS)


def item_score(jenis: str, benar: bool | None, skor: int | None) -> int | None:
    """The score of one answered item; None when the item was left unanswered."""
    if benar is None and skor is None:
        return None
    if jenis == JenisSoal.PILIHAN_GANDA:
        return skor_pilihan_ganda(bool(benar))
    return skor


@transaction.atomic
def score(ids: Iterable[int], resolver: Resolver | None = None) -> int:
    """Score the closed attempts among `ids`; how many were scored."""
    attempts = list(
        Percobaan.objects.select_for_update(of=("self",))
        .filter(pk__in=list(ids), status__in=CLOSED)
        .select_related("jabatan", "pegawai")
    )
    if not attempts:
        return 0
    resolver = resolver or Resolver()
    resolver.prefetch(p.jabatan_id for p in attempts)
    items: dict[int, list[Jawaban]] = defaultdict(list)
    for percobaan_id, kompetensi_id, level, jenis, benar, skor in ButirPercobaan.objects.filter(
        percobaan__in=attempts
    ).values_list(
        "percobaan_id",
        "kompetensi_id",
        "level",
        "versi__soal__jenis",
        "jawaban__opsi__benar",
        "jawaban__opsi__skor",
    ):
        items[percobaan_id].append(
            Jawaban(str(kompetensi_id), level, item_score(jenis, benar, skor))
        )
    rows = []
    for p in attempts:
        jenis = p.jabatan.jenis if p.jabatan else p.pegawai.jenis_jabatan
        by_kompetensi: dict[str, list[Jawaban]] = defaultdict(list)
        for j in items[p.pk]:
            by_kompetensi[j.kompetensi].append(j)
        for kode, jawaban in by_kompetensi.items():
            standar = resolver.for_jabatan(p.jabatan, int(kode), jenis=jenis).level
            hasil = nilai_kompetensi(kode, jawaban, standar)
            rows.append(
                HasilKompetensi(
                    percobaan=p,
                    kompetensi_id=int(kode),
                    skor=Decimal(sum(j.nilai for j in jawaban)),
                    skor_maks=Decimal(SKOR_MAKS * len(jawaban)),
                    level_tercapai=hasil.level,
                    level_standar=standar,
                    selisih=hasil.selisih,
                )
            )
    HasilKompetensi.objects.filter(percobaan__in=attempts).delete()
    HasilKompetensi.objects.bulk_create(rows)
    Percobaan.objects.filter(pk__in=[p.pk for p in attempts]).update(dinilai=timezone.now())
    return len(attempts)


def on_closed(sender, ids, **kwargs) -> None:
    score(ids)
