"""`me/kenaikan-pangkat`: the calling pegawai's KP proposals with their status, documents and
timeline — the same rows "KP saya" shows, through `UsulanKp.objects.visible_to`."""

from datetime import date, datetime

from ninja import Router, Schema

from sikap.api.errors import responses
from sikap.promotion.models import UsulanKp

router = Router(tags=["saya"])


class LangkahOut(Schema):
    waktu: datetime
    langkah: str
    alasan: str


class BerkasOut(Schema):
    dokumen: str
    status: str
    alasan: str


class UsulanKpOut(Schema):
    id: int
    periode: date
    jenis: str
    golongan_asal: str
    golongan_tujuan: str
    status: str
    status_kode: str
    sk_nomor: str
    sk_tmt: date | None
    berkas: list[BerkasOut]
    riwayat: list[LangkahOut]


@router.get(
    "", response={200: list[UsulanKpOut], **responses(401)}, summary="Kenaikan pangkat saya"
)
def kenaikan_pangkat(request):
    user = request.user
    if not user.pegawai_id:
        return []
    rows = (
        UsulanKp.objects.visible_to(user)
        .filter(pegawai_id=user.pegawai_id)
        .select_related("periode", "jenis")
        .prefetch_related("berkas__syarat__jenis_dokumen")
        .order_by("-periode__tanggal")
    )
    return [
        {
            "id": u.pk,
            "periode": u.periode.tanggal,
            "jenis": u.jenis.nama,
            "golongan_asal": u.golongan_asal,
            "golongan_tujuan": u.golongan_tujuan,
            "status": u.get_state_display(),
            "status_kode": u.state,
            "sk_nomor": u.sk_nomor,
            "sk_tmt": u.sk_tmt,
            "berkas": [
                {"dokumen": b.syarat.nama, "status": b.get_status_display(), "alasan": b.alasan}
                for b in u.berkas.all()
                if b.aktif
            ],
            "riwayat": [
                {"waktu": e.at, "langkah": e.label, "alasan": e.reason} for e in u.timeline()
            ],
        }
        for u in rows
    ]
