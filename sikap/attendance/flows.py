"""The leave and permission workflow, declared as data and run by `sikap.workflow`.

    diajukan ──setujui (atasan; types decided by the atasan)──────────► disetujui
             ──teruskan (atasan; types BKD decides)──► menunggu_bkd ──setujui_bkd──► disetujui
    diajukan / menunggu_bkd ──kembalikan (reason)──► dikembalikan ──ajukan_ulang──► diajukan
                            ──tolak (reason)───────► ditolak
    diajukan / dikembalikan ──batalkan (the pegawai)──► dibatalkan

Approval records the `Ketidakhadiran` and re-closes its past days. Which types go on to admin
BKD and which need a document is the table below (BKD issues the SK of the long leaves)."""

from sikap.accounts import access
from sikap.accounts.models import User
from sikap.attendance.models import JenisKetidakhadiran as J
from sikap.attendance.models import (
    Ketidakhadiran,
    LokasiSementara,
    PengajuanKetidakhadiran,
    PengajuanLokasi,
    UsulanDisiplin,
)
from sikap.workflow import Transition, Workflow, because

S = PengajuanKetidakhadiran.Status

PERLU_BKD = {J.CUTI_BESAR, J.CUTI_MELAHIRKAN, J.CLTN, J.CUTI_ALASAN_PENTING, J.TUGAS_BELAJAR}
PERLU_DOKUMEN = {
    J.SAKIT: "surat keterangan dokter",
    J.CUTI_SAKIT: "surat keterangan dokter",
    J.CUTI_MELAHIRKAN: "surat keterangan dokter/bidan",
    J.CUTI_ALASAN_PENTING: "surat keterangan pendukung",
    J.DINAS_LUAR: "surat tugas",
    J.TUGAS_BELAJAR: "SK tugas belajar",
}


def is_owner(user, case) -> bool:
    return user.is_authenticated and user.pegawai_id == case.pegawai_id


def decides(user, case) -> bool:
    return access.may_decide_ketidakhadiran(user, case)


def _atasan_final(user, case) -> bool:
    return case.jenis not in PERLU_BKD and decides(user, case)


def _atasan_forwards(user, case) -> bool:
    return case.jenis in PERLU_BKD and decides(user, case)


def _approved(case, actor) -> None:
    from sikap.attendance.services import reclose

    record = Ketidakhadiran.objects.create(
        pegawai_id=case.pegawai_id,
        jenis=case.jenis,
        mulai=case.mulai,
        selesai=case.selesai,
        keterangan=f"Pengajuan #{case.pk}",
    )
    PengajuanKetidakhadiran.objects.filter(pk=case.pk).update(ketidakhadiran=record)
    reclose(case.mulai, case.selesai)


def _owner(case):
    return [case.dibuat_oleh]


def _bkd(case):
    return access.admin_bkd_accounts().exclude(pegawai_id=case.pegawai_id)


FLOW = Workflow(
    [
        Transition("setujui", "Setujui", (S.DIAJUKAN,), S.DISETUJUI, _atasan_final,
                   effect=_approved, recipients=_owner),
        Transition("teruskan", "Setujui dan teruskan ke BKD", (S.DIAJUKAN,), S.MENUNGGU_BKD,
                   _atasan_forwards, recipients=_bkd),
        Transition("setujui_bkd", "Setujui", (S.MENUNGGU_BKD,), S.DISETUJUI, decides,
                   effect=_approved, recipients=_owner),
        Transition("kembalikan", "Kembalikan", (S.DIAJUKAN, S.MENUNGGU_BKD), S.DIKEMBALIKAN,
                   decides, needs_reason=True, recipients=_owner),
        Transition("tolak", "Tolak", (S.DIAJUKAN, S.MENUNGGU_BKD), S.DITOLAK, decides,
                   needs_reason=True, recipients=_owner),
        Transition("ajukan_ulang", "Ajukan ulang", (S.DIKEMBALIKAN,), S.DIAJUKAN, is_owner),
        Transition("batalkan", "Batalkan", (S.DIAJUKAN, S.DIKEMBALIKAN), S.DIBATALKAN, is_owner),
    ],
    labels=dict(S.choices),
)  # fmt: skip


# PP 94/2021 proposals (attendance/disiplin.py):
#     menunggu ──tindak_lanjuti (what was done, required)──► ditindaklanjuti
#              ──batalkan (why, required: e.g. the days were excused afterwards)──► dibatalkan
D = UsulanDisiplin.Status


def acts_on_usulan(user, case) -> bool:
    return access.may_act_on_usulan_disiplin(user, case)


def _subject(case):
    return [u for u in User.objects.filter(pegawai_id=case.pegawai_id, is_active=True)]


def _done_notice(case, reason, user) -> str:
    return f"{case}: {case.state_label.lower()}{because(reason)}."


DISIPLIN_FLOW = Workflow(
    [
        Transition("tindak_lanjuti", "Catat tindak lanjut", (D.MENUNGGU,), D.DITINDAKLANJUTI,
                   acts_on_usulan, needs_reason=True, recipients=_subject, notice=_done_notice),
        Transition("batalkan", "Batalkan usulan", (D.MENUNGGU,), D.DIBATALKAN, acts_on_usulan,
                   needs_reason=True),
    ],
    labels=dict(D.choices),
)  # fmt: skip


# Temporary places (attendance/lokasi.py):
#     diajukan ──setujui (the atasan)──► disetujui: records the LokasiSementara
#              ──tolak (the atasan, reason)──► ditolak
#              ──batalkan (the pegawai)──► dibatalkan
L = PengajuanLokasi.Status


def decides_lokasi(user, case) -> bool:
    return access.may_decide_lokasi_sementara(user, case)


def _place_approved(case, actor) -> None:
    why = f"{case.alasan} (disetujui atasan, pengajuan #{case.pk})"[:255]
    place = LokasiSementara.objects.create(
        pegawai_id=case.pegawai_id, nama=case.nama, latitude=case.latitude,
        longitude=case.longitude, radius_m=case.radius_m, mulai=case.mulai,
        selesai=case.selesai, alasan=why,
    )  # fmt: skip
    PengajuanLokasi.objects.filter(pk=case.pk).update(lokasi=place)


LOKASI_FLOW = Workflow(
    [
        Transition("setujui", "Setujui", (L.DIAJUKAN,), L.DISETUJUI, decides_lokasi,
                   effect=_place_approved, recipients=_owner),
        Transition("tolak", "Tolak", (L.DIAJUKAN,), L.DITOLAK, decides_lokasi,
                   needs_reason=True, recipients=_owner),
        Transition("batalkan", "Batalkan", (L.DIAJUKAN,), L.DIBATALKAN, is_owner),
    ],
    labels=dict(L.choices),
)  # fmt: skip
