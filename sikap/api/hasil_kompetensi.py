"""`hasil-kompetensi`: the result of a scored competency attempt for the phone — per
competency the level reached, the standard, the gap, what the level means and the suggested
trainings. Thin over `competency.results`; the same visibility and showing rule as the page."""

from datetime import datetime

from django.utils import timezone
from ninja import Field, Router, Schema

from sikap.api.errors import responses
from sikap.competency import results
from sikap.competency.models import Percobaan
from sikap.core.errors import Kode, SikapError

router = Router(tags=["kompetensi"])


class PelatihanOut(Schema):
    nama: str
    penyelenggara: str
    jp: int | None
    tautan: str


class KompetensiOut(Schema):
    kode: str
    nama: str
    level: int = Field(..., description="level yang dicapai, 0–5")
    standar: int | None = Field(..., description="level standar jabatan; null bila tanpa standar")
    selisih: int | None = Field(..., description="level − standar; negatif berarti kesenjangan")
    persen: int = Field(..., description="rata-rata skor butir pada skala 0–100")
    arti_level: str
    pelatihan: list[PelatihanOut] = Field(..., description="saran pelatihan bila di bawah standar")


class HasilOut(Schema):
    percobaan: int
    ujian: str
    diserahkan: datetime | None
    memenuhi: int = Field(..., description="kompetensi yang memenuhi standar")
    dengan_standar: int = Field(..., description="kompetensi yang memiliki standar")
    kompetensi: list[KompetensiOut]


@router.get(
    "/{int:pk}",
    url_name="hasil_kompetensi",
    response={200: HasilOut, **responses(401, 403, 404, 409)},
    summary="Hasil uji kompetensi terhadap standar jabatan",
)
def hasil(request, pk: int):
    percobaan = (
        Percobaan.objects.visible_to(request.user).select_related("ujian").filter(pk=pk).first()
    )
    if percobaan is None or percobaan.status == Percobaan.Status.BERJALAN:
        raise SikapError(Kode.TIDAK_DITEMUKAN, "Hasil ujian tidak ditemukan.")
    if not results.may_show(request.user, percobaan, timezone.now()):
        raise SikapError(Kode.TIDAK_BERHAK, "Hasil ujian ini belum atau tidak ditampilkan.")
    if percobaan.dinilai is None:
        raise SikapError(Kode.LANGKAH_TIDAK_SAH, "Hasil ujian ini sedang dihitung; coba lagi.")
    found = results.result_of(percobaan)
    return {
        "percobaan": percobaan.pk,
        "ujian": percobaan.ujian.nama,
        "diserahkan": percobaan.diserahkan,
        "memenuhi": found.memenuhi,
        "dengan_standar": found.dengan_standar,
        "kompetensi": [
            {
                "kode": b.kompetensi.kode,
                "nama": b.kompetensi.nama,
                "level": b.level,
                "standar": b.standar,
                "selisih": b.selisih,
                "persen": b.persen,
                "arti_level": b.deskripsi,
                "pelatihan": [
                    {
                        "nama": t.nama,
                        "penyelenggara": t.penyelenggara,
                        "jp": t.jp,
                        "tautan": t.tautan,
                    }
                    for t in b.pelatihan
                ],  # fmt: skip
            }
            for b in found.baris
        ],
    }
