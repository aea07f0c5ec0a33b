"""`me/…`: the calling pegawai's own profile, documents, letters and notifications. Reads go
through the same `visible_to` selectors as the web pages; writes through the same services."""

from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate

from sikap.api.errors import responses
from sikap.api.schemas import DokumenOut, Halaman, Jumlah, NotifikasiOut, Profil, SuratOut
from sikap.core.errors import Kode, SikapError
from sikap.core.models import Notifikasi
from sikap.documents import access_log
from sikap.documents.models import Dokumen, DokumenTerbit
from sikap.documents.storage import file_response
from sikap.people.models import Pegawai
from sikap.people.selectors import atasan_of
from sikap.selfservice.services import mark_all_read, mark_read

router = Router(tags=["saya"])


def _pegawai_id(user) -> int:
    if not user.pegawai_id:
        raise SikapError(
            Kode.TIDAK_DITEMUKAN,
            "Akun ini tidak terhubung dengan data pegawai, jadi tidak punya profil, "
            "dokumen, atau surat.",
        )
    return user.pegawai_id


def _ringkas(pegawai: Pegawai | None) -> dict | None:
    if pegawai is None:
        return None
    jabatan = pegawai.jabatan.nama if pegawai.jabatan_id else None
    return {"nip": pegawai.nip, "nama": pegawai.nama_lengkap, "jabatan": jabatan}


@router.get("", response={200: Profil, **responses(401, 404)}, summary="Profil saya")
def profil(request):
    pegawai = get_object_or_404(
        Pegawai.objects.visible_to(request.user).select_related("opd", "unit", "jabatan"),
        pk=_pegawai_id(request.user),
    )
    return {
        **{f: getattr(pegawai, f) for f in Profil.model_fields if hasattr(pegawai, f)},
        "jenis_kelamin": pegawai.get_jenis_kelamin_display(),
        "status": pegawai.get_status_display(),
        "kedudukan": pegawai.get_kedudukan_display(),
        "jabatan": pegawai.jabatan.nama if pegawai.jabatan_id else None,
        "jenis_jabatan": pegawai.get_jenis_jabatan_display(),
        "unit": pegawai.unit.nama,
        "opd": pegawai.opd.nama,
        "atasan": _ringkas(atasan_of(pegawai)),
    }


def _my_documents(request):
    return Dokumen.objects.visible_to(request.user).filter(pegawai_id=_pegawai_id(request.user))


@router.get(
    "/documents", response={200: list[DokumenOut], **responses(401, 404)}, summary="Dokumen saya"
)
@paginate(Halaman)
def dokumen(request):
    return _my_documents(request).select_related("jenis")


@router.get(
    "/documents/{int:dokumen_id}/file",
    response={200: None, **responses(401, 404)},
    openapi_extra={
        "responses": {
            200: {
                "description": "Berkas dokumen",
                "content": {"application/octet-stream": {"schema": {"type": "string"}}},
            }
        }
    },
    summary="Unduh berkas dokumen saya",
)
def dokumen_berkas(request, dokumen_id: int):
    found = get_object_or_404(
        _my_documents(request).select_related("pegawai", "jenis"), pk=dokumen_id
    )
    access_log.record_read(request, found.pegawai, dokumen=found)
    return file_response(found.file, filename=found.download_name, content_type=found.mime)


@router.get(
    "/letters",
    response={200: list[SuratOut], **responses(401, 404)},
    summary="Surat yang diterbitkan untuk saya",
)
@paginate(Halaman)
def surat(request):
    return (
        DokumenTerbit.objects.visible_to(request.user)
        .filter(pegawai_id=_pegawai_id(request.user))
        .select_related("jenis")
    )


@router.get(
    "/letters/{int:surat_id}/file",
    response={200: None, **responses(401, 404)},
    openapi_extra={
        "responses": {
            200: {
                "description": "PDF surat",
                "content": {"application/pdf": {"schema": {"type": "string"}}},
            }
        }
    },
    summary="Unduh PDF surat saya (mis. surat KGB)",
)
def surat_berkas(request, surat_id: int):
    found = get_object_or_404(
        DokumenTerbit.objects.visible_to(request.user).filter(pegawai_id=_pegawai_id(request.user)),
        pk=surat_id,
    )
    return file_response(found.file, filename=found.nama_berkas, content_type="application/pdf")


@router.get(
    "/notifications",
    response={200: list[NotifikasiOut], **responses(401)},
    summary="Notifikasi saya",
)
@paginate(Halaman)
def notifikasi(request, unread: bool = False):
    notes = Notifikasi.objects.filter(user=request.user)
    return notes.filter(read_at__isnull=True) if unread else notes


@router.post(
    "/notifications/{int:notifikasi_id}/read",
    response={200: NotifikasiOut, **responses(401, 404)},
    summary="Tandai satu notifikasi sudah dibaca",
)
def baca_notifikasi(request, notifikasi_id: int):
    note = get_object_or_404(Notifikasi, pk=notifikasi_id, user=request.user)
    mark_read(note, actor=request.user)
    note.refresh_from_db()
    return note


@router.post(
    "/notifications/read-all",
    response={200: Jumlah, **responses(401)},
    summary="Tandai semua notifikasi sudah dibaca",
)
def baca_semua(request):
    return {"count": mark_all_read(actor=request.user)}
