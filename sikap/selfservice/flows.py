"""The change-request workflow, declared as data and run by `sikap.workflow`.

    draf / dikembalikan ──ajukan──────────► menunggu_opd ──teruskan──► menunggu_bkd
                        ──ajukan_ke_bkd───────────────────────────────► menunggu_bkd
    menunggu_opd / menunggu_bkd ──setujui (last step of the chain)──► disetujui (applied)
                                ──tolak (reason)──────────────────► ditolak
                                ──kembalikan (reason)─────────────► dikembalikan
    draf / dikembalikan / menunggu_* ──batalkan (the pegawai)─────► dibatalkan

Submitting and approving need the supporting document the type requires (uploaded, and not
rejected in the documents module's own verification). A request's chain (`rantai`) decides
which of the two submit transitions and which of teruskan/setujui the OPD step may take, so a
chain simply skips the steps it does not name. Nobody verifies their own request.
"""

from django.utils import timezone

from sikap.accounts import access
from sikap.documents.models import Dokumen
from sikap.selfservice.apply import apply_usulan
from sikap.selfservice.models import Rantai, Status, UsulanPerubahan
from sikap.workflow import Transition, Workflow, because


def is_owner(user, usulan) -> bool:
    return (
        user.is_authenticated
        and user.pegawai_id is not None
        and (user.pegawai_id == usulan.pegawai_id)
    )


def is_verifier_now(user, usulan) -> bool:
    return access.may_verify_usulan(user, usulan)


def starts_at_opd(usulan) -> bool:
    return usulan.rantai in (Rantai.OPD_THEN_BKD, Rantai.OPD_ONLY)


def goes_on_to_bkd(usulan) -> bool:
    return usulan.state == Status.MENUNGGU_OPD and usulan.rantai == Rantai.OPD_THEN_BKD


def document_problem(usulan) -> str | None:
    """The supporting document the type requires: uploaded, of that type, not rejected."""
    wajib = usulan.jenis.dokumen_wajib
    if wajib is None:
        return None
    dokumen = usulan.dokumen
    if dokumen is None or dokumen.jenis_id != wajib.pk:
        return f"{wajib.nama} wajib diunggah sebelum usulan diajukan."
    if dokumen.state == Dokumen.Status.DITOLAK:
        return f"{wajib.nama} yang diunggah ditolak pada verifikasi dokumen; unggah yang benar."
    return None


def _all(*checks):
    return lambda user, usulan: all(check(user, usulan) for check in checks)


def opd_verifiers(usulan):
    return access.admin_opd_accounts(usulan.pegawai.opd_id).exclude(pegawai_id=usulan.pegawai_id)


def bkd_verifiers(usulan):
    return access.verifikator_accounts().exclude(pegawai_id=usulan.pegawai_id)


def proposer(usulan):
    return [usulan.dibuat_oleh]


def _forwarded(usulan):
    return [*bkd_verifiers(usulan), usulan.dibuat_oleh]


def _submitted(usulan, actor) -> None:
    UsulanPerubahan.objects.filter(pk=usulan.pk).update(diajukan_pada=timezone.now())


def _decided(usulan, actor) -> None:
    UsulanPerubahan.objects.filter(pk=usulan.pk).update(diputuskan_pada=timezone.now())


def _approved(usulan, actor) -> None:
    _decided(usulan, actor)
    apply_usulan(usulan, actor)


VERIFYING = (Status.MENUNGGU_OPD, Status.MENUNGGU_BKD)


# Notices, phrased for their reader: the proposer reads about "Usulan Anda", a verifier about
# the work now waiting for them.
def _what(usulan) -> str:
    return f"#{usulan.pk} ({usulan.jenis.nama})"


def _waiting_notice(usulan, reason, user) -> str:
    if user.pk == usulan.dibuat_oleh_id:
        return f"Usulan Anda {_what(usulan)} disetujui OPD dan diteruskan ke BKD."
    return f"Usulan {_what(usulan)} dari {usulan.pegawai.nama} menunggu verifikasi Anda."


def _approved_notice(usulan, reason, user) -> str:
    return f"Usulan Anda {_what(usulan)} disetujui; data Anda sudah diperbarui."


def _rejected_notice(usulan, reason, user) -> str:
    return f"Usulan Anda {_what(usulan)} ditolak{because(reason)}."


def _returned_notice(usulan, reason, user) -> str:
    return (
        f"Usulan Anda {_what(usulan)} dikembalikan{because(reason)}. Perbaiki lalu ajukan kembali."
    )


FLOW = Workflow(
    [
        Transition(
            "ajukan",
            "Ajukan",
            source=(Status.DRAF, Status.DIKEMBALIKAN),
            target=Status.MENUNGGU_OPD,
            allowed=_all(is_owner, lambda user, usulan: starts_at_opd(usulan)),
            requires=(document_problem,),
            effect=_submitted,
            recipients=opd_verifiers,
            notice=_waiting_notice,
        ),
        Transition(
            "ajukan_ke_bkd",
            "Ajukan",
            source=(Status.DRAF, Status.DIKEMBALIKAN),
            target=Status.MENUNGGU_BKD,
            allowed=_all(is_owner, lambda user, usulan: not starts_at_opd(usulan)),
            requires=(document_problem,),
            effect=_submitted,
            recipients=bkd_verifiers,
            notice=_waiting_notice,
        ),
        Transition(
            "teruskan",
            "Setujui dan teruskan ke BKD",
            source=(Status.MENUNGGU_OPD,),
            target=Status.MENUNGGU_BKD,
            allowed=_all(is_verifier_now, lambda user, usulan: goes_on_to_bkd(usulan)),
            requires=(document_problem,),
            recipients=_forwarded,
            notice=_waiting_notice,
        ),
        Transition(
            "setujui",
            "Setujui",
            source=VERIFYING,
            target=Status.DISETUJUI,
            allowed=_all(is_verifier_now, lambda user, usulan: not goes_on_to_bkd(usulan)),
            requires=(document_problem,),
            effect=_approved,
            recipients=proposer,
            notice=_approved_notice,
        ),
        Transition(
            "tolak",
            "Tolak",
            source=VERIFYING,
            target=Status.DITOLAK,
            allowed=is_verifier_now,
            needs_reason=True,
            effect=_decided,
            recipients=proposer,
            notice=_rejected_notice,
        ),
        Transition(
            "kembalikan",
            "Kembalikan untuk dilengkapi",
            source=VERIFYING,
            target=Status.DIKEMBALIKAN,
            allowed=is_verifier_now,
            needs_reason=True,
            recipients=proposer,
            notice=_returned_notice,
        ),
        Transition(
            "batalkan",
            "Batalkan usulan",
            source=(Status.DRAF, *VERIFYING, Status.DIKEMBALIKAN),
            target=Status.DIBATALKAN,
            allowed=is_owner,
        ),
    ],
    labels=dict(Status.choices),
)

# Transitions a verifier takes to approve, by whether the request goes on to BKD.
APPROVING = ("setujui", "teruskan")
