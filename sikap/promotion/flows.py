"""The KP proposal's workflow as data (run by `sikap/workflow.py`):

draf ─ajukan (admin OPD, before the deadline)→ diajukan ─lengkap (BKD, every document accepted)→
lengkap ─teruskan (BKD)→ diteruskan ─pertek (BKD: BKN's number and date)→ diteruskan
─terbitkan_sk (admin BKD: the SK recorded)→ sk_terbit ─serahkan (admin OPD or BKD)→ diserahkan
diajukan ─kembalikan (BKD, some document BTL)→ dikembalikan ─ajukan_ulang (admin OPD)→ diajukan
draf / dikembalikan ─batalkan (admin OPD, reason)→ dibatalkan

The requirements (documents attached, none BTL, all accepted, pertek entered) are checked by
`workflow.run`; the services set the data a step needs before running it.
"""

from sikap.accounts import access
from sikap.accounts.models import User
from sikap.promotion.models import BerkasUsulan, UsulanKp
from sikap.workflow import Transition, Workflow, because

S = UsulanKp.Status
B = BerkasUsulan.Status


def _opd(user, usulan) -> bool:
    return access.may_complete_usulan_kp(user, usulan)


def _bkd(user, usulan) -> bool:
    return access.may_verify_usulan_kp(user, usulan)


def _sk(user, usulan) -> bool:
    return access.may_record_kp_sk(user, usulan)


def _hands_over(user, usulan) -> bool:
    return _opd(user, usulan) or _bkd(user, usulan)


def _current(usulan):
    return BerkasUsulan.objects.filter(usulan=usulan, aktif=True)


def _all_attached(usulan) -> str | None:
    missing = [b.syarat.nama for b in _current(usulan).select_related("syarat__jenis_dokumen")
               if b.dokumen_id is None]  # fmt: skip
    return f"Dokumen belum dilampirkan: {', '.join(missing)}." if missing else None


def _none_returned(usulan) -> str | None:
    btl = [b.syarat.nama for b in _current(usulan).filter(status=B.BTL)
           .select_related("syarat__jenis_dokumen")]  # fmt: skip
    return f"Dokumen BTL belum diperbaiki: {', '.join(btl)}." if btl else None


def _some_returned(usulan) -> str | None:
    if not _current(usulan).filter(status=B.BTL).exists():
        return "Tandai sedikitnya satu dokumen BTL dengan alasannya sebelum mengembalikan berkas."
    return None


def _all_accepted(usulan) -> str | None:
    if _current(usulan).exclude(status=B.DITERIMA).exists():
        return "Semua dokumen harus diterima sebelum berkas dinyatakan lengkap."
    return None


def _pertek_entered(usulan) -> str | None:
    if not (usulan.pertek_nomor and usulan.pertek_tanggal):
        return "Nomor dan tanggal pertimbangan teknis BKN belum dicatat."
    return None


def _sk_entered(usulan) -> str | None:
    if not (usulan.sk_nomor and usulan.sk_tanggal and usulan.sk_tmt and usulan.sk_dokumen_id):
        return "Nomor, tanggal, TMT dan berkas SK belum dicatat."
    return None


def _pegawai_accounts(usulan):
    return list(User.objects.filter(pegawai_id=usulan.pegawai_id, is_active=True))


def _verifiers(usulan):
    return [
        *access.verifikator_accounts().exclude(pegawai_id=usulan.pegawai_id),
        *_pegawai_accounts(usulan),
    ]


def _opd_desk(usulan):
    return [
        *access.admin_opd_accounts(usulan.opd_id).exclude(pegawai_id=usulan.pegawai_id),
        *_pegawai_accounts(usulan),
    ]


def _whose(usulan, user) -> str:
    return "Usul kenaikan pangkat Anda" if user.pegawai_id == usulan.pegawai_id else (
        f"Usul KP {usulan.pegawai.nama} ({usulan.golongan_asal}→{usulan.golongan_tujuan})"
    )  # fmt: skip


def _notice(what: str):
    def text(usulan, reason: str, user) -> str:
        return f"{_whose(usulan, user)} {what}{because(reason)}."

    return text


def _returned_notice(usulan, reason: str, user) -> str:
    if user.pegawai_id == usulan.pegawai_id:
        return f"Berkas usul kenaikan pangkat Anda dikembalikan ke admin OPD{because(reason)}."
    return f"{_whose(usulan, user)} dikembalikan BKD{because(reason)}. Perbaiki dokumen BTL."


FLOW = Workflow(
    [
        Transition(
            "ajukan",
            "Ajukan ke BKD",
            (S.DRAF,),
            S.DIAJUKAN,
            _opd,
            requires=(_all_attached,),
            recipients=_verifiers,
            notice=_notice("diajukan ke BKD"),
        ),
        Transition(
            "kembalikan",
            "Kembalikan (BTL)",
            (S.DIAJUKAN,),
            S.DIKEMBALIKAN,
            _bkd,
            requires=(_some_returned,),
            needs_reason=True,
            recipients=_opd_desk,
            notice=_returned_notice,
        ),
        Transition(
            "ajukan_ulang",
            "Ajukan ulang",
            (S.DIKEMBALIKAN,),
            S.DIAJUKAN,
            _opd,
            requires=(_all_attached, _none_returned),
            recipients=_verifiers,
            notice=_notice("diajukan ulang ke BKD"),
        ),
        Transition(
            "lengkap",
            "Berkas lengkap",
            (S.DIAJUKAN,),
            S.LENGKAP,
            _bkd,
            requires=(_all_accepted,),
            recipients=_opd_desk,
            notice=_notice("dinyatakan lengkap oleh BKD"),
        ),
        Transition(
            "teruskan",
            "Teruskan ke BKN",
            (S.LENGKAP,),
            S.DITERUSKAN,
            _bkd,
            recipients=_opd_desk,
            notice=_notice("diteruskan ke BKN"),
        ),
        Transition(
            "pertek",
            "Catat pertek BKN",
            (S.DITERUSKAN,),
            S.DITERUSKAN,
            _bkd,
            requires=(_pertek_entered,),
            recipients=_opd_desk,
            notice=_notice("mendapat pertimbangan teknis BKN"),
        ),
        Transition(
            "terbitkan_sk",
            "Catat SK",
            (S.DITERUSKAN,),
            S.SK_TERBIT,
            _sk,
            requires=(_pertek_entered, _sk_entered),
            recipients=_opd_desk,
            notice=_notice("telah terbit SK-nya"),
        ),
        Transition(
            "serahkan",
            "SK diserahkan",
            (S.SK_TERBIT,),
            S.DISERAHKAN,
            _hands_over,
            recipients=_pegawai_accounts,
            notice=_notice("— SK telah diserahkan"),
        ),
        Transition(
            "batalkan",
            "Batalkan usul",
            (S.DRAF, S.DIKEMBALIKAN),
            S.DIBATALKAN,
            _opd,
            needs_reason=True,
            recipients=_pegawai_accounts,
            notice=_notice("dibatalkan"),
        ),
    ],  # fmt: skip
    labels=dict(S.choices),
)
