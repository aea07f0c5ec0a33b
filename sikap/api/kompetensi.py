"""`kompetensi`: taking a competency self-test from a phone or the web page (session). The
server keeps the time; an item is sent without its key or option scores. See docs/competency.md."""

from datetime import datetime

from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import field_validator

from sikap.api.errors import responses
from sikap.api.schemas import JamKlien
from sikap.competency import selectors, services
from sikap.competency.models import JenisPeristiwaFokus, Percobaan
from sikap.core.errors import Kode, SikapError

router = Router(tags=["kompetensi"])

_NOMOR = {"ge": 0, "le": 9999}


class UjianOut(Schema):
    id: int
    nama: str
    keterangan: str
    dibuka: datetime
    ditutup: datetime
    durasi_menit: int
    jumlah_percobaan: int = Field(..., description="percobaan yang diizinkan")
    dipakai: int = Field(..., description="percobaan yang sudah dipakai")
    keadaan: str = Field(..., description="belum_dibuka, terbuka, atau ditutup")
    bisa_mulai: bool
    alasan: str = Field(..., description="mengapa belum/tidak dapat dimulai; kosong bila bisa")
    percobaan_berjalan: int | None


class OpsiOut(Schema):
    id: int
    teks: str


class ButirOut(Schema):
    urutan: int = Field(..., description="nomor urut mulai 0")
    teks: str
    gambar: str | None = Field(..., description="alamat gambar soal (sesi yang sama), bila ada")
    opsi: list[OpsiOut] = Field(..., description="urutan opsi untuk percobaan ini")
    dipilih: int | None


class PercobaanOut(Schema):
    id: int
    ujian: str
    status: str = Field(..., description="berjalan, diserahkan, atau otomatis")
    dimulai: datetime
    batas_waktu: datetime
    sisa_detik: int = Field(..., description="detik tersisa menurut jam server")
    posisi: int = Field(..., description="soal yang terakhir dibuka (untuk melanjutkan)")
    jumlah_soal: int
    terjawab: list[int] = Field(..., description="nomor urut soal yang sudah dijawab")


class JawabanMasuk(Schema):
    urutan: int = Field(..., **_NOMOR, description="nomor urut soal (mulai 0)")
    opsi: int = Field(..., ge=1, le=2**63 - 1, description="id opsi yang dipilih")
    nomor_kirim: int = Field(
        0,
        ge=0,
        le=2**31 - 1,
        description="urutan pilihan di perangkat; kiriman ulang yang lebih lama tidak menimpa",
    )


class JawabanOut(Schema):
    tersimpan: bool = Field(..., description="false: pilihan yang lebih baru sudah tersimpan")
    sisa_detik: int


class PosisiMasuk(Schema):
    urutan: int = Field(..., **_NOMOR)


class SisaOut(Schema):
    sisa_detik: int


class FokusMasuk(Schema):
    jenis: str = Field(..., description="tab_tersembunyi, fokus_hilang, atau kembali")
    urutan: int | None = Field(None, **_NOMOR)
    waktu_klien: JamKlien | None = None

    @field_validator("jenis")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in JenisPeristiwaFokus.values:
            raise ValueError("jenis tidak dikenal")
        return value


class FokusOut(Schema):
    dicatat: bool


def _percobaan_out(percobaan: Percobaan, now) -> dict:
    state = selectors.state_of(percobaan, now)
    return {
        "id": percobaan.pk,
        "ujian": str(percobaan.ujian),
        "status": percobaan.status,
        "dimulai": percobaan.dimulai,
        "batas_waktu": percobaan.batas_waktu,
        "sisa_detik": state.sisa_detik,
        "posisi": percobaan.posisi,
        "jumlah_soal": percobaan.jumlah_soal,
        "terjawab": [b.urutan for b in state.butir if b.dipilih is not None],
    }


def _butir_out(percobaan: Percobaan, butir: selectors.Butir) -> dict:
    from django.urls import reverse

    gambar = (
        reverse("competency:gambar", args=[percobaan.pk, butir.urutan])
        if butir.ada_gambar
        else None
    )
    return {
        "urutan": butir.urutan,
        "teks": butir.teks,
        "gambar": gambar,
        "opsi": [{"id": pk, "teks": teks} for pk, teks in butir.opsi],
        "dipilih": butir.dipilih,
    }


def _mine(request, pk: int) -> Percobaan:
    """The caller's attempt, closed first when its time is up (a read touches it too)."""
    from django.db import transaction

    with transaction.atomic():
        percobaan = services.for_taker(pk, request.user, lock=True)
        services.close_if_expired(percobaan, timezone.now())
    return percobaan


@router.get(
    "/ujian",
    url_name="kompetensi_ujian",
    response={200: list[UjianOut], **responses(401)},
    summary="Ujian kompetensi untuk saya (terbuka, akan dibuka, atau pernah saya ikuti)",
)
def ujian_saya(request):
    found = selectors.tests_for(request.user, timezone.now())
    return [
        {
            "id": u.ujian.pk,
            "nama": u.ujian.nama,
            "keterangan": u.ujian.keterangan,
            "dibuka": u.ujian.dibuka,
            "ditutup": u.ujian.ditutup,
            "durasi_menit": u.ujian.durasi_menit,
            "jumlah_percobaan": u.ujian.batas_percobaan,
            "dipakai": u.dipakai,
            "keadaan": u.keadaan,
            "bisa_mulai": u.bisa_mulai,
            "alasan": u.alasan,
            "percobaan_berjalan": u.berjalan.pk if u.berjalan else None,
        }
        for u in found
    ]


@router.post(
    "/ujian/{int:ujian_id}/mulai",
    url_name="kompetensi_mulai",
    response={200: PercobaanOut, 201: PercobaanOut, **responses(401, 403, 404, 409)},
    summary="Mulai ujian, atau lanjutkan percobaan yang sedang berjalan",
    description="Percobaan baru: 201. Percobaan yang berjalan dilanjutkan: 200 (sisa waktu tetap).",
)
def mulai(request, ujian_id: int):
    now = timezone.now()
    started = services.start(ujian_id, actor=request.user, now=now)
    return (201 if started.baru else 200), _percobaan_out(started.percobaan, now)


@router.get(
    "/percobaan/{int:pk}",
    url_name="kompetensi_percobaan",
    response={200: PercobaanOut, **responses(401, 403, 404)},
    summary="Keadaan percobaan: sisa waktu, posisi, soal yang terjawab",
)
def percobaan(request, pk: int):
    return _percobaan_out(_mine(request, pk), timezone.now())


@router.get(
    "/percobaan/{int:pk}/soal",
    url_name="kompetensi_semua_soal",
    response={200: list[ButirOut], **responses(401, 403, 404)},
    summary="Semua soal percobaan (untuk dikerjakan tanpa sambungan), tanpa kunci dan skor",
)
def semua_soal(request, pk: int):
    p = _mine(request, pk)
    return [_butir_out(p, b) for b in selectors.items_of(p)]


@router.get(
    "/percobaan/{int:pk}/soal/{int:urutan}",
    url_name="kompetensi_soal",
    response={200: ButirOut, **responses(401, 403, 404)},
    summary="Satu soal percobaan, tanpa kunci dan skor",
)
def soal(request, pk: int, urutan: int):
    p = _mine(request, pk)
    found = selectors.items_of(p, only=urutan)
    if not found:
        raise SikapError(
            Kode.TIDAK_DITEMUKAN, f"Soal nomor {urutan + 1} tidak ada dalam ujian ini."
        )
    return _butir_out(p, found[0])


@router.get(
    "/percobaan/{int:pk}/soal-kini",
    url_name="kompetensi_soal_kini",
    response={200: ButirOut, **responses(401, 403, 404)},
    summary="Soal yang terakhir dibuka (tempat melanjutkan)",
)
def soal_kini(request, pk: int):
    p = _mine(request, pk)
    return _butir_out(p, selectors.items_of(p, only=p.posisi)[0])


@router.post(
    "/percobaan/{int:pk}/jawaban",
    url_name="kompetensi_jawaban",
    response={200: JawabanOut, **responses(400, 401, 403, 404, 409)},
    summary="Simpan pilihan jawaban satu soal (pilihan terakhir yang berlaku)",
    description=(
        "Ditolak bila waktu habis (409 `kedaluwarsa`), percobaan sudah diserahkan (409), soal "
        "bukan bagian percobaan atau opsi bukan milik soal (400), atau percobaan milik orang "
        "lain (404/403)."
    ),
)
def jawaban(request, pk: int, body: JawabanMasuk):
    saved = services.answer(
        pk, urutan=body.urutan, opsi_id=body.opsi, nomor_kirim=body.nomor_kirim, actor=request.user
    )
    return {"tersimpan": saved.berlaku, "sisa_detik": saved.sisa_detik}


@router.post(
    "/percobaan/{int:pk}/posisi",
    url_name="kompetensi_posisi",
    response={200: SisaOut, **responses(400, 401, 403, 404, 409)},
    summary="Catat soal yang sedang dibuka (untuk melanjutkan di tempat yang sama)",
)
def posisi(request, pk: int, body: PosisiMasuk):
    return {"sisa_detik": services.move(pk, urutan=body.urutan, actor=request.user)}


@router.post(
    "/percobaan/{int:pk}/fokus",
    url_name="kompetensi_fokus",
    response={200: FokusOut, **responses(401, 403, 404, 409, 422)},
    summary="Catat perpindahan tab atau hilangnya fokus selama ujian",
)
def fokus(request, pk: int, body: FokusMasuk):
    recorded = services.log_focus(
        pk, jenis=body.jenis, urutan=body.urutan, waktu_klien=body.waktu_klien, actor=request.user
    )
    return {"dicatat": recorded}


@router.post(
    "/percobaan/{int:pk}/serahkan",
    url_name="kompetensi_serahkan",
    response={200: PercobaanOut, **responses(401, 403, 404)},
    summary="Serahkan percobaan (setelah waktu habis: sudah diserahkan otomatis)",
)
def serahkan(request, pk: int):
    now = timezone.now()
    return _percobaan_out(services.submit(pk, actor=request.user, now=now), now)
