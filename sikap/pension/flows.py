"""The pension file's workflow as data (run by `sikap/workflow.py`):

dibuka ─konfirmasi_dpcp→ dpcp_dikonfirmasi ─ajukan→ diajukan ─verifikasi→ diverifikasi
   ─kirim_bkn→ dikirim_bkn ─catat_pertek→ pertek ─terbitkan_sk→ sk_terbit ─serahkan→ diserahkan
diajukan ─kembalikan (reason)→ dikembalikan ─ajukan→ diajukan
any open state ─batalkan (reason, admin BKD)→ dibatalkan
"""

from sikap.accounts import access
from sikap.accounts.models import User
from sikap.pension.models import BerkasPensiun, JenisPensiun, LampiranBerkas
from sikap.workflow import Transition, Workflow, because

S = BerkasPensiun.Status
L = LampiranBerkas.Status
OPEN = tuple(s for s in S.values if s not in BerkasPensiun.CLOSED)


def _pegawai_accounts(berkas):
    """The pegawai's own account, except for a death case (the heirs have none in SIKAP)."""
    if berkas.jenis == JenisPensiun.JANDA_DUDA:
        return User.objects.none()
    return User.objects.filter(pegawai_id=berkas.pegawai_id, is_active=True)


def _admin_opd(berkas):
    return access.admin_opd_accounts(berkas.pegawai.opd_id)


def _verifiers(_berkas):
    return access.verifikator_accounts()


def _pegawai_and_opd(berkas):
    return [*_pegawai_accounts(berkas), *_admin_opd(berkas)]


def _notice(text_for_owner: str, text_for_staff: str):
    """The step as its reader reads it: the pegawai about "your" file, staff with the name."""

    def notice(berkas, reason: str, user) -> str:
        text, whose = (
            (text_for_owner, "Anda")
            if user.pegawai_id == berkas.pegawai_id
            else (text_for_staff, berkas.pegawai.nama)
        )
        gap = "" if text.startswith(":") else " "
        return f"Berkas pensiun {whose}{gap}{text}{because(reason)}."

    return notice


def documents_complete(berkas) -> str | None:
    items = list(berkas.lampiran.select_related("jenis_dokumen"))
    missing = [i.jenis_dokumen.nama for i in items if i.wajib and i.status == L.KOSONG]
    returned = [i.jenis_dokumen.nama for i in items if i.status == L.DIKEMBALIKAN]
    problems = []
    if missing:
        problems.append(f"Dokumen wajib belum dilampirkan: {', '.join(missing)}.")
    if returned:
        problems.append(f"Dokumen dikembalikan belum diganti: {', '.join(returned)}.")
    return " ".join(problems) or None


def documents_accepted(berkas) -> str | None:
    waiting = [
        i.jenis_dokumen.nama
        for i in berkas.lampiran.select_related("jenis_dokumen")
        if i.status != L.DITERIMA and (i.wajib or i.status != L.KOSONG)
    ]
    if waiting:
        return f"Setiap dokumen harus diterima lebih dulu; belum: {', '.join(waiting)}."
    return None


def some_document_returned(berkas) -> str | None:
    if berkas.lampiran.filter(status=L.DIKEMBALIKAN).exists():
        return None
    return "Tandai dokumen yang dikembalikan beserta alasannya lebih dulu."


def pertek_recorded(berkas) -> str | None:
    if berkas.pertek_nomor and berkas.pertek_tanggal:
        return None
    return "Nomor dan tanggal pertimbangan teknis BKN wajib diisi."


def sk_recorded(berkas) -> str | None:
    if berkas.sk_nomor and berkas.sk_tanggal and berkas.sk_tmt and berkas.sk_dokumen_id:
        return None
    return "Nomor, tanggal, TMT dan berkas SK pensiun wajib diisi."


FLOW = Workflow(
    [
        Transition(
            "konfirmasi_dpcp", "Konfirmasi DPCP", (S.DIBUKA,), S.DPCP_DIKONFIRMASI,
            allowed=access.may_confirm_dpcp, recipients=_admin_opd,
            notice=_notice(": DPCP sudah dikonfirmasi", ": DPCP sudah diperiksa dan dikonfirmasi"),
        ),
        Transition(
            "ajukan", "Ajukan ke BKD", (S.DPCP_DIKONFIRMASI, S.DIKEMBALIKAN), S.DIAJUKAN,
            allowed=access.may_assemble_pension_file, requires=(documents_complete,),
            recipients=lambda b: [*_verifiers(b), *_pegawai_accounts(b)],
            notice=_notice("sudah diajukan ke BKD untuk diverifikasi", "menunggu verifikasi"),
        ),
        Transition(
            "kembalikan", "Kembalikan untuk perbaikan", (S.DIAJUKAN,), S.DIKEMBALIKAN,
            allowed=access.may_verify_pension_file, needs_reason=True,
            requires=(some_document_returned,), recipients=_pegawai_and_opd,
            notice=_notice("dikembalikan oleh BKD", "dikembalikan oleh BKD"),
        ),
        Transition(
            "verifikasi", "Verifikasi", (S.DIAJUKAN,), S.DIVERIFIKASI,
            allowed=access.may_verify_pension_file, requires=(documents_accepted,),
            recipients=_pegawai_and_opd,
            notice=_notice("sudah diverifikasi BKD", "sudah diverifikasi BKD"),
        ),
        Transition(
            "kirim_bkn", "Kirim ke BKN", (S.DIVERIFIKASI,), S.DIKIRIM_BKN,
            allowed=access.may_verify_pension_file, recipients=_pegawai_accounts,
            notice=_notice("sudah dikirim ke BKN untuk pertimbangan teknis", "dikirim ke BKN"),
        ),
        Transition(
            "catat_pertek", "Catat pertek BKN", (S.DIKIRIM_BKN,), S.PERTEK,
            allowed=access.may_verify_pension_file, requires=(pertek_recorded,),
            recipients=_pegawai_accounts,
            notice=_notice("sudah mendapat pertimbangan teknis BKN", "mendapat pertek BKN"),
        ),
        Transition(
            "terbitkan_sk", "Catat SK pensiun", (S.PERTEK,), S.SK_TERBIT,
            allowed=lambda u, b: access.may_verify_pension_file(u, b)
            and access.may_upload_dokumen(u, b.pegawai), requires=(sk_recorded,),
            recipients=_pegawai_and_opd,
            notice=_notice(
                "selesai: SK pensiun sudah terbit dan siap diserahkan", "SK pensiunnya terbit"
            ),
        ),
        Transition(
            "serahkan", "Catat SK diserahkan", (S.SK_TERBIT,), S.DISERAHKAN,
            allowed=lambda u, b: access.may_verify_pension_file(u, b)
            or access.may_assemble_pension_file(u, b),
            recipients=_pegawai_accounts,
            notice=_notice("selesai: SK pensiun sudah diserahkan", "SK pensiunnya diserahkan"),
        ),
        Transition(
            "batalkan", "Batalkan berkas", OPEN, S.DIBATALKAN,
            allowed=access.may_cancel_pension_file, needs_reason=True,
            recipients=_pegawai_and_opd,
            notice=_notice("dibatalkan", "dibatalkan"),
        ),
    ],
    labels=dict(S.choices),
)  # fmt: skip

# The parcel-tracker steps the pegawai sees, each reached by the transition named.
STEPS = (
    ("", "Berkas pensiun dibuka"),
    ("konfirmasi_dpcp", "DPCP diperiksa dan dikonfirmasi"),
    ("ajukan", "Diajukan ke BKD"),
    ("verifikasi", "Diverifikasi BKD"),
    ("kirim_bkn", "Dikirim ke BKN"),
    ("catat_pertek", "Pertimbangan teknis BKN"),
    ("terbitkan_sk", "SK pensiun terbit"),
    ("serahkan", "SK diserahkan"),
)
