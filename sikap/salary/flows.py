"""The KGB letter's workflow as data (run by `sikap/workflow.py`):

draf ─verifikasi→ diverifikasi ─tandatangani→ ditandatangani ─terbitkan (job)→ terbit
  └─kembalikan (reason)→ dikembalikan ─susun_ulang (daily job, history corrected)→ draf
"""

from sikap.accounts import access
from sikap.accounts.models import User
from sikap.salary.models import Kgb
from sikap.workflow import Transition, Workflow

S = Kgb.Status


def _may_return(user, kgb) -> bool:
    return access.may_verify_kgb(user, kgb) or (
        kgb.state == S.DIVERIFIKASI and access.may_sign_kgb(user, kgb)
    )


def _system(user, _kgb) -> bool:
    return access.is_system(user)


def _pegawai_accounts(kgb):
    return User.objects.filter(pegawai_id=kgb.pegawai_id, is_active=True)


def _signers(_kgb):
    return User.objects.filter(penandatangan_kgb__aktif=True, is_active=True)


FLOW = Workflow(
    [
        Transition(
            "verifikasi",
            "Verifikasi",
            source=(S.DRAF,),
            target=S.DIVERIFIKASI,
            allowed=access.may_verify_kgb,
            recipients=_signers,
        ),
        Transition(
            "kembalikan",
            "Kembalikan",
            source=(S.DRAF, S.DIVERIFIKASI),
            target=S.DIKEMBALIKAN,
            allowed=_may_return,
            needs_reason=True,
        ),
        Transition("susun_ulang", "Susun ulang", (S.DIKEMBALIKAN,), S.DRAF, allowed=_system),
        Transition(
            "tandatangani",
            "Tandatangani",
            source=(S.DIVERIFIKASI,),
            target=S.DITANDATANGANI,
            allowed=access.may_sign_kgb,
        ),
        Transition(
            "terbitkan",
            "Terbitkan",
            source=(S.DITANDATANGANI,),
            target=S.TERBIT,
            allowed=_system,
            recipients=_pegawai_accounts,
        ),
    ],
    labels=dict(S.choices),
)
