"""`me/pension`: the calling pegawai's TMT pensiun and their pension files with each step and
its date (the parcel tracker of /pensiun/saya/), through the same selectors as the page."""

from datetime import date, datetime

from django.utils import timezone
from ninja import Router, Schema

from sikap.api.errors import responses
from sikap.api.saya import _pegawai_id
from sikap.pension import selectors
from sikap.pension.models import BerkasPensiun
from sikap.pension.tracker import next_step, tracker
from sikap.people.models import Pegawai

router = Router(tags=["saya"])


class LangkahOut(Schema):
    label: str
    tanggal: datetime | None
    selesai: bool
    sekarang: bool
    catatan: str


class BerkasOut(Schema):
    id: int
    jenis: str
    status: str
    tmt_pensiun: date
    sk_nomor: str
    berikutnya: str
    langkah: list[LangkahOut]


class PensiunSaya(Schema):
    bup: int | None
    sumber_bup: str
    tmt_pensiun: date | None
    bulan_tersisa: int | None
    masalah: str
    berkas: list[BerkasOut]


@router.get("", response={200: PensiunSaya, **responses(401, 404)}, summary="Pensiun saya")
def pensiun_saya(request):
    pegawai = (
        Pegawai.objects.visible_to(request.user)
        .select_related("jabatan")
        .get(pk=_pegawai_id(request.user))
    )
    r = selectors.project(pegawai, timezone.localdate())
    files = BerkasPensiun.objects.visible_to(request.user).filter(pegawai=pegawai)
    return {
        "bup": r.bup,
        "sumber_bup": r.sumber,
        "tmt_pensiun": r.tmt,
        "bulan_tersisa": r.bulan_tersisa,
        "masalah": r.masalah,
        "berkas": [
            {
                "id": b.pk,
                "jenis": b.get_jenis_display(),
                "status": b.get_status_display(),
                "tmt_pensiun": b.tmt_pensiun,
                "sk_nomor": b.sk_nomor,
                "berikutnya": next_step(b),
                "langkah": [vars(step) for step in tracker(b)],
            }
            for b in files.order_by("-dibuka")
        ],
    }
