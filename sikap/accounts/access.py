"""Who may do what: the one place for every role decision (docs/access.md has the URL table).

Predicates take the user (and the record, where the answer depends on it) and return a bool;
they never raise. `get_<thing>_for_user(user, pk, *, write=False)` fetch and authorise in one
call: what the user may not see is a 404 (`Http404`), so guessing an id reveals nothing; what
they may see but not change is a `PermissionDenied` whose message the 403 page shows.

Which records a user sees stays with each model's `visible_to` / `editable_by` querysets; this
module calls them and never restates them. Nobody verifies their own work: not the record's
owner, not its submitter or uploader, whatever their role (superuser included).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from sikap.accounts.models import Peran

# Roles that see every OPD's personnel data. Pimpinan and perencana only read it.
_SEES_ALL_OPD = (Peran.VERIFIKATOR, Peran.ADMIN_BKD, Peran.PIMPINAN, Peran.PERENCANA)
_EDITS_PERSONNEL = (Peran.ADMIN_OPD, Peran.ADMIN_BKD)
_BKD_STAFF = (Peran.VERIFIKATOR, Peran.ADMIN_BKD)
_PLANNERS = (Peran.PERENCANA, Peran.ADMIN_BKD)
_SAKIP_READERS = (*_PLANNERS, Peran.PIMPINAN)
# Read every pegawai's audit trail; an admin OPD reads its own OPD's, anyone their own.
_TRAIL_READERS = (Peran.ADMIN_BKD, Peran.VERIFIKATOR, Peran.PIMPINAN)
# Manage something at /kelola/.
_KELOLA_ROLES = _PLANNERS
# Read aggregates; personal files only where SIKAP_READERS_SEE_PERSONAL_FILES grants it.
_AGGREGATE_READERS = (Peran.PIMPINAN, Peran.PERENCANA)


def _has_role(user, roles) -> bool:
    """Superusers hold every role; inactive or anonymous users none."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.peran in roles


# --- roles ------------------------------------------------------------------------------------


def is_admin_bkd(user) -> bool:
    return _has_role(user, (Peran.ADMIN_BKD,))


def is_admin_opd(user) -> bool:
    """An admin of the OPDs in `opd_scope` (not a superuser: the role is scoped)."""
    return user.is_authenticated and user.is_active and user.peran == Peran.ADMIN_OPD


def is_system(user) -> bool:
    """The system actor (`accounts.system`): jobs and commands run without `--user`. It logs in
    nowhere; the predicates below name the few things it does."""
    return user.is_authenticated and user.is_system


def is_bkd_staff(user) -> bool:
    """Verifikator and admin BKD: the agency's own staff who verify and issue."""
    return _has_role(user, _BKD_STAFF)


def sees_all_opd(user) -> bool:
    return _has_role(user, _SEES_ALL_OPD)


def opds_to_filter_by(user):
    """The OPDs a list may be narrowed to (the OPD filter of the inbox, the change-request
    queue, the KGB, pension and e-Pangkat lists): every OPD for a role that sees all of them
    (it wins over also being an admin OPD), an admin OPD's own, none for anyone else. By
    name."""
    from sikap.org.models import Opd

    if sees_all_opd(user):
        return Opd.objects.order_by("nama")
    if is_admin_opd(user):
        return user.opd_scope.order_by("nama")
    return Opd.objects.none()


def manages_opd_data(user) -> bool:
    """Reads OPD-wide figures (workforce dashboard, completeness, IP ASN): every role that sees
    all OPDs, and an admin OPD for their own."""
    return sees_all_opd(user) or is_admin_opd(user)


def may_edit_personnel(user) -> bool:
    """Changes master data directly for some OPDs (which ones: `Pegawai.objects.editable_by`)."""
    return _has_role(user, _EDITS_PERSONNEL)


def may_manage_master_data(user) -> bool:
    """Organisation, users, document types, IP ASN configuration, change-request types."""
    return is_admin_bkd(user)


def may_use_kelola(user) -> bool:
    """Opens /kelola/; each model admin then asks its own predicate."""
    return _has_role(user, _KELOLA_ROLES)


def may_read_sakip(user) -> bool:
    return _has_role(user, _SAKIP_READERS)


def may_plan(user) -> bool:
    """Enters and changes SAKIP plans, realisation and LKj text."""
    return _has_role(user, _PLANNERS)


def may_import_sakip(user) -> bool:
    """A year's SAKIP tables: the planners, and the system actor (`sikap sakip import`, the
    demo)."""
    return may_plan(user) or is_system(user)


def may_publish_lkj(user) -> bool:
    """Admin BKD (the office of the head of BKD) issues the LKj; perencana write it; the
    system actor for `sikap lkj --publish` without `--user`."""
    return is_admin_bkd(user) or is_system(user)


def may_issue_documents(user) -> bool:
    """Numbered letters in the registry: BKD staff, and the jobs that draft them."""
    return is_bkd_staff(user) or is_system(user)


def may_define_indicators(user) -> bool:
    """User-defined IP ASN indicators."""
    return may_plan(user)


def may_work_usulan_queue(user) -> bool:
    """Sees the change-request queue: admin OPD at the OPD step, BKD staff at the BKD step."""
    return is_bkd_staff(user) or is_admin_opd(user)


def may_use_inbox(user) -> bool:
    """Decides waiting items of some kind as a role: the verifier desks and the planners. Anyone
    else (a superior, for items addressed to them) sees the inbox when something waits."""
    return may_work_usulan_queue(user) or may_plan(user)


def manages_opd(user, opd_id) -> bool:
    """An admin OPD of `opd_id`. Uses `.all()` so a page of many records prefetches once."""
    return is_admin_opd(user) and opd_id in {opd.pk for opd in user.opd_scope.all()}


# --- the account itself -----------------------------------------------------------------------


def is_admin_role(user) -> bool:
    """The roles that manage accounts, master data or an OPD's personnel: shorter sessions
    (SIKAP_SESSION_ADMIN_HOURS) and the optional second factor (docs/security.md)."""
    return is_admin_bkd(user) or is_admin_opd(user)


def may_change_own_password(user) -> bool:
    """Every person with an account; the system actor has no password to change."""
    return user.is_authenticated and user.is_active and not user.is_system


def may_issue_reset_code(user, target) -> bool:
    """An admin OPD gives a one-time log-in code to a pegawai of an OPD they manage; never to
    their own account, nor to another staff account (admin BKD resets those at /kelola/)."""
    if target.pk == user.pk or target.is_superuser or target.is_system:
        return False
    if target.peran != Peran.PEGAWAI or target.pegawai_id is None or not target.is_active:
        return False
    if _is_own(user, target.pegawai_id):
        return False
    return manages_opd(user, target.pegawai.opd_id)


# --- records ----------------------------------------------------------------------------------


def _is_own(user, pegawai_id) -> bool:
    return user.pegawai_id is not None and user.pegawai_id == pegawai_id


OWN_RECORD_REFUSAL = (
    "Data Anda sendiri hanya dapat diubah melalui usulan perubahan (Layanan Mandiri), "
    "supaya diperiksa orang lain — apa pun peran Anda."
)


def is_own_record(user, pegawai_id) -> bool:
    """The pegawai record linked to the user's account: changed only through self-service."""
    return user.is_authenticated and _is_own(user, pegawai_id)


def refuse_own_row(user, obj) -> None:
    """A configuration row about one pegawai (an ujian dinas record, a temporary location, an
    approved absence, a shift) is never written by that pegawai, whatever their role."""
    pegawai_id = getattr(obj, "pegawai_id", None)
    if pegawai_id is not None and is_own_record(user, pegawai_id):
        from sikap.core.errors import tidak_berhak

        raise tidak_berhak(OWN_RECORD_REFUSAL)


def may_edit_pegawai(user, pegawai) -> bool:
    """Direct changes (not one's own record: `Pegawai.objects.editable_by`)."""
    from sikap.people.models import Pegawai

    return Pegawai.objects.editable_by(user).filter(pk=pegawai.pk).exists()


# Identity and employment status: admin BKD only; an admin OPD sees them but cannot change them.
BKD_ONLY_FIELDS = ("nip", "status", "tanggal_lahir", "tmt_cpns", "kedudukan")


def may_change_identity(user) -> bool:
    """Changes NIP, status, birth date, TMT CPNS and kedudukan (`BKD_ONLY_FIELDS`)."""
    return is_admin_bkd(user)


def may_read_trail(user, pegawai) -> bool:
    """The trail is for BKD-wide readers, the pegawai themself and whoever manages the record —
    not for a superior, who sees a subordinate's data but not its history."""
    if _has_role(user, _TRAIL_READERS) or _is_own(user, pegawai.pk):
        return True
    return may_edit_pegawai(user, pegawai)


def may_read_personal_files(user, pegawai) -> bool:
    """Document files (KTP, KK, diplomas, decrees) and the DRH — full profile or PDF — of a
    pegawai the user already sees: the pegawai themself, the BKD desk, the admin OPD managing
    them; pimpinan and perencana only if `SIKAP_READERS_SEE_PERSONAL_FILES`. A superior sees the
    profile summary, not these (least privilege, UU 27/2022)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if _is_own(user, pegawai.pk) or is_bkd_staff(user) or manages_opd(user, pegawai.opd_id):
        return True
    return settings.SIKAP_READERS_SEE_PERSONAL_FILES and _has_role(user, _AGGREGATE_READERS)


PERSONAL_FILES_REFUSAL = (
    "Berkas pribadi (dokumen dan DRH) hanya dibuka oleh pegawai yang bersangkutan, admin OPD-nya "
    "dan petugas BKD. Anda melihat ringkasan profil saja."
)


def may_check_kependudukan(user, pegawai=None) -> bool:
    """Looks a pegawai and their family up in the population registry ("Cek data
    kependudukan"): the BKD desk, and the system actor for the pension file's jobs — never on
    one's own record, which another officer checks."""
    if is_system(user):
        return True
    if not is_bkd_staff(user):
        return False
    return pegawai is None or not _is_own(user, pegawai.pk)


KEPENDUDUKAN_REFUSAL = "Cek data kependudukan hanya untuk petugas BKD (verifikator, admin BKD)."
KEPENDUDUKAN_OWN_REFUSAL = "Data kependudukan Anda sendiri diperiksa oleh petugas BKD yang lain."


def may_read_access_log(user) -> bool:
    """Searches who opened which personal file (the pegawai sees their own: `is_own_record`)."""
    return is_admin_bkd(user)


def may_upload_dokumen(user, pegawai) -> bool:
    """The pegawai themself, admin OPD for the OPDs they manage, admin BKD."""
    if not user.is_authenticated:
        return False
    return _is_own(user, pegawai.pk) or may_edit_pegawai(user, pegawai)


def may_verify_dokumen(user, dokumen) -> bool:
    """BKD staff verify a document, never one of their own record or one they uploaded."""
    return (
        is_bkd_staff(user)
        and not _is_own(user, dokumen.pegawai_id)
        and user.pk != dokumen.uploaded_by_id
    )


def may_verify_usulan(user, usulan) -> bool:
    """The admin OPD of the pegawai's OPD at the OPD step, BKD staff at the BKD step; never the
    pegawai or whoever made the request."""
    from sikap.selfservice.models import Status

    if _is_own(user, usulan.pegawai_id) or user.pk == usulan.dibuat_oleh_id:
        return False
    if usulan.state == Status.MENUNGGU_OPD:
        return manages_opd(user, usulan.pegawai.opd_id)
    if usulan.state == Status.MENUNGGU_BKD:
        return is_bkd_staff(user)
    return False


def may_verify_realisasi(user, case) -> bool:
    """A SAKIP realisation or correction (`diajukan_oleh`) is verified by a planner other than
    its submitter — an admin BKD included."""
    return may_plan(user) and user.pk != case.diajukan_oleh_id


def may_verify_kgb(user, kgb) -> bool:
    """BKD staff check a drafted KGB letter, never one of their own."""
    return is_bkd_staff(user) and not _is_own(user, kgb.pegawai_id)


def is_kgb_signer(user) -> bool:
    """The head of BKD or a delegate: an account of a role that sees every OPD with an active
    signer entry configured at /kelola/ (so other pages never ask the database)."""
    if not sees_all_opd(user):
        return False
    signer = getattr(user, "penandatangan_kgb", None)
    return signer is not None and signer.aktif


def may_sign_kgb(user, kgb) -> bool:
    """A configured signer signs a verified letter, never their own nor one they verified."""
    return (
        is_kgb_signer(user)
        and not _is_own(user, kgb.pegawai_id)
        and user.pk != kgb.diverifikasi_oleh_id
    )


def may_work_kgb(user) -> bool:
    """Opens the KGB due list: BKD-wide readers (signers among them) and admin OPD (their
    OPDs only)."""
    return sees_all_opd(user) or is_admin_opd(user)


def may_use_kgb_calculator(user) -> bool:
    return may_work_kgb(user)


def may_configure_attendance(user) -> bool:
    """Office locations, schedules, shifts, holidays, temporary locations and the attendance
    settings (rates, bands, accuracy) at /kelola/."""
    return is_admin_bkd(user)


def may_import_jadwal_shift(user) -> bool:
    """A month's shift roster from XLSX: admin OPD for the pegawai of their OPDs, admin BKD for
    everyone's (which rows: `attendance/jadwal_shift_import.py`); never one's own roster."""
    return is_admin_bkd(user) or is_admin_opd(user)


def may_approve_attendance_device(user, pegawai_id) -> bool:
    """A pegawai's new check-in device: admin BKD, never for their own record."""
    return is_admin_bkd(user) and not _is_own(user, pegawai_id)


def ketidakhadiran_to_decide(user) -> Q:
    """The leave requests `user` may decide, as one filter (the inbox lists them, and
    `may_decide_ketidakhadiran` asks it of one request): the pegawai's atasan now at the first
    step (admin BKD when the pegawai has none, as `atasan_case_q`), admin BKD at the BKD step;
    never the pegawai or whoever made the request."""
    from sikap.attendance.models import PengajuanKetidakhadiran as P

    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    q = Q(state=P.Status.DIAJUKAN) & atasan_case_q(user)
    if is_admin_bkd(user):
        q |= Q(state=P.Status.MENUNGGU_BKD)
    q &= ~Q(dibuat_oleh_id=user.pk)
    if user.pegawai_id is not None:
        q &= ~Q(pegawai_id=user.pegawai_id)
    return q


def may_decide_ketidakhadiran(user, pengajuan) -> bool:
    from sikap.attendance.models import PengajuanKetidakhadiran as P

    if pengajuan.pk is None:
        return False
    return (
        P.objects.filter(ketidakhadiran_to_decide(user))
        .filter(pk=pengajuan.pk, state=pengajuan.state)
        .exists()
    )


def may_monitor_attendance(user) -> bool:
    """Today's attendance and the monthly recap of others: OPD-wide readers and admin OPD for
    their OPD; a superior for their subordinates (which ones: `Pegawai.objects.visible_to`)."""
    return manages_opd_data(user) or may_check_in(user)


def may_check_in(user) -> bool:
    """Every account tied to a pegawai record checks in for themself."""
    return user.is_authenticated and user.is_active and user.pegawai_id is not None


def bukti_presensi_q(user) -> Q:
    """Whose attendance evidence (check-in selfies, daily activities' evidence files) `user`
    opens, as one filter on pegawai: their own, those they are the atasan langsung of now
    (`bawahan_q`), an admin OPD's OPDs, everyone's for admin BKD. Not a colleague, pimpinan or
    the verifikator desk: the photos are personal (UU 27/2022)."""
    from sikap.people.selectors import bawahan_q

    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if is_admin_bkd(user):
        return Q()
    q = Q(pk__in=[])
    if user.pegawai_id is not None:
        q |= Q(pk=user.pegawai_id) | bawahan_q(user.pegawai)
    if is_admin_opd(user):
        q |= Q(opd__in=user.opd_scope.all())
    return q


def may_see_bukti_presensi(user, pegawai_id) -> bool:
    """One pegawai's attendance evidence (`bukti_presensi_q`)."""
    from sikap.people.models import Pegawai

    return Pegawai.objects.filter(bukti_presensi_q(user), pk=pegawai_id).exists()


def may_see_pension_projection(user) -> bool:
    """Who retires when: BKD-wide readers and planners, an admin OPD for their OPDs."""
    return sees_all_opd(user) or is_admin_opd(user)


def may_use_pension_calculator(user) -> bool:
    """Anyone with an account: a pegawai works out their own TMT, staff anyone's."""
    return user.is_authenticated and user.is_active and not user.is_system


def may_set_bup(user, pegawai) -> bool:
    """A per-pegawai BUP with its legal basis: admin BKD, never for their own record."""
    return is_admin_bkd(user) and not _is_own(user, pegawai.pk)


def may_open_pension_file(user, pegawai) -> bool:
    """The admin OPD of the pegawai's OPD (and admin BKD) opens a file of any type; the daily
    job opens BUP files and a death record a janda/duda file. Never one's own."""
    if _is_own(user, pegawai.pk):
        return False
    return is_system(user) or is_admin_bkd(user) or manages_opd(user, pegawai.opd_id)


def may_assemble_pension_file(user, berkas) -> bool:
    """Attaches and uploads the documents and submits the file to the BKD."""
    if _is_own(user, berkas.pegawai_id):
        return False
    return is_admin_bkd(user) or manages_opd(user, berkas.pegawai.opd_id)


def may_confirm_dpcp(user, berkas) -> bool:
    """The pegawai checks and confirms their own DPCP; for a death case the heir signs on paper
    and the admin OPD confirms with the signed scan attached."""
    from sikap.pension.models import JenisPensiun

    if berkas.jenis == JenisPensiun.JANDA_DUDA:
        return may_assemble_pension_file(user, berkas)
    return _is_own(user, berkas.pegawai_id)


def may_verify_pension_file(user, berkas) -> bool:
    """BKD staff verify a file and carry it to the SK, never their own nor one they submitted."""
    return (
        is_bkd_staff(user)
        and not _is_own(user, berkas.pegawai_id)
        and user.pk != berkas.diajukan_oleh_id
    )


def may_cancel_pension_file(user, berkas) -> bool:
    return is_admin_bkd(user) and not _is_own(user, berkas.pegawai_id)


def may_work_pension_files(user) -> bool:
    """Opens the list of pension files: BKD-wide readers and admin OPD (their OPDs)."""
    return sees_all_opd(user) or is_admin_opd(user)


def may_work_kp(user) -> bool:
    """Opens e-Pangkat (periods, eligibility lists, proposals, dashboard): BKD-wide readers and
    admin OPD (their OPDs only)."""
    return sees_all_opd(user) or is_admin_opd(user)


def may_propose_kp(user, pegawai) -> bool:
    """The admin OPD managing the pegawai opens and completes a KP proposal; never their own."""
    return not _is_own(user, pegawai.pk) and manages_opd(user, pegawai.opd_id)


def may_complete_usulan_kp(user, usulan) -> bool:
    """The admin OPD of the proposal's OPD submits it, fixes returned documents, hands the SK
    over; never on their own proposal."""
    return not _is_own(user, usulan.pegawai_id) and manages_opd(user, usulan.opd_id)


def may_verify_usulan_kp(user, usulan) -> bool:
    """BKD staff verify a KP file, never their own nor one they opened."""
    return (
        is_bkd_staff(user)
        and not _is_own(user, usulan.pegawai_id)
        and user.pk != usulan.dibuat_oleh_id
    )


def may_record_kp_sk(user, usulan) -> bool:
    """Admin BKD records the SK into the rank history (a direct personnel change)."""
    return is_admin_bkd(user) and not _is_own(user, usulan.pegawai_id)


def may_configure_kp(user) -> bool:
    """Periods, types, document checklists and ujian dinas records at /kelola/."""
    return is_admin_bkd(user)


def may_manage_competency_tests(user) -> bool:
    """SIJI KOMANDO: the competency dictionary, standards, question banks, tests, every
    attempt and its focus log, the training catalogue."""
    return is_admin_bkd(user)


def may_take_competency_test(user) -> bool:
    """Every account tied to a pegawai record takes competency self-tests for themself."""
    return user.is_authenticated and user.is_active and user.pegawai_id is not None


def may_read_competency_results_of_opd(user) -> bool:
    """An admin OPD reads the competency results of the pegawai in their OPD scope."""
    return is_admin_opd(user)


def may_answer_percobaan(user, percobaan) -> bool:
    """Only its taker answers, moves through or submits an attempt (an admin reads it)."""
    return may_take_competency_test(user) and percobaan.pegawai_id == user.pegawai_id


def may_read_competency_recap(user) -> bool:
    """The results per OPD and jabatan: admin BKD for every OPD, an admin OPD for their scope
    (the attempts counted are those `Percobaan.visible_to` gives them)."""
    return may_manage_competency_tests(user) or may_read_competency_results_of_opd(user)


def may_record_self_assessment(user, percobaan) -> bool:
    """Only the taker records their own scored attempt in their history, as a self-assessment
    (never an official assessment, so no four-eyes rule applies)."""
    return (
        may_take_competency_test(user)
        and percobaan.pegawai_id == user.pegawai_id
        and percobaan.dinilai is not None
    )


# --- accounts to notify -----------------------------------------------------------------------


def admin_opd_accounts(opd_id):
    from sikap.accounts.models import User

    return User.objects.filter(is_active=True, peran=Peran.ADMIN_OPD, opd_scope=opd_id)


def may_decide_lokasi_sementara(user, pengajuan) -> bool:
    """A temporary place a pegawai proposed: their atasan langsung now (not whoever it was when
    proposed), or admin BKD when the pegawai has no atasan in service, so it cannot get stuck;
    never the pegawai or whoever proposed it."""
    if user.pk == pengajuan.dibuat_oleh_id:
        return False
    return _acts_for_atasan(user, pengajuan.pegawai_id)


def may_act_on_usulan_disiplin(user, usulan) -> bool:
    """A PP 94/2021 proposal: for the light punishments the pegawai's atasan langsung now (the
    one it was filed to may have moved on), or admin BKD when there is none; medium and heavy
    ones (and whatever went to BKD) admin BKD; never on one's own record."""
    if usulan.ke_bkd:
        return is_admin_bkd(user) and not _is_own(user, usulan.pegawai_id)
    return _acts_for_atasan(user, usulan.pegawai_id)


def _acts_for_atasan(user, pegawai_id) -> bool:
    """The decision of a case that goes to the pegawai's atasan: the current atasan, admin BKD
    as the fallback when the pegawai has none; never the pegawai themself."""
    from sikap.people.models import Pegawai
    from sikap.people.selectors import atasan_ids

    if not (user.is_authenticated and user.is_active) or _is_own(user, pegawai_id):
        return False
    head = atasan_ids(Pegawai.objects.filter(pk=pegawai_id)).get(pegawai_id)
    if head is None:
        return is_admin_bkd(user)
    return user.pegawai_id == head


def atasan_case_q(user) -> Q:
    """Of the cases that wait for the pegawai's atasan (light discipline proposals, temporary
    places, leave requests at the first step), those `user` decides, as one filter on `pegawai`
    for the inbox: their subordinates' now (`bawahan_of`, the same rule), and for admin BKD
    those of pegawai without an atasan. Never their own."""
    from sikap.people.selectors import bawahan_of

    q = Q(pk__in=[])
    if not (user.is_authenticated and user.is_active):
        return q
    if user.pegawai_id is not None:
        q |= Q(pegawai__in=bawahan_of(user.pegawai))
    if is_admin_bkd(user):
        q |= Q(pegawai_id__in=sorted(_waiting_without_atasan()))
    return q & ~Q(pegawai_id=user.pegawai_id) if user.pegawai_id else q


def _waiting_without_atasan() -> set[int]:
    """The pegawai with a case waiting for their atasan who have none now (admin BKD decides
    those): once per request, 1 query, 3 more when some case waits."""
    from sikap.attendance.models import PengajuanKetidakhadiran, PengajuanLokasi, UsulanDisiplin
    from sikap.core.request_memo import remembered
    from sikap.people.models import Pegawai
    from sikap.people.selectors import atasan_ids

    def compute() -> set[int]:
        usulan = UsulanDisiplin.objects.filter(state=UsulanDisiplin.Status.MENUNGGU, ke_bkd=False)
        lokasi = PengajuanLokasi.objects.filter(state=PengajuanLokasi.Status.DIAJUKAN)
        cuti = PengajuanKetidakhadiran.objects.filter(state=PengajuanKetidakhadiran.Status.DIAJUKAN)
        waiting = Pegawai.objects.filter(
            Q(pk__in=usulan.values("pegawai_id"))
            | Q(pk__in=lokasi.values("pegawai_id"))
            | Q(pk__in=cuti.values("pegawai_id"))
        )
        return {p for p, head in atasan_ids(waiting).items() if head is None}

    return remembered("waiting_without_atasan", compute)


def atasan_accounts(pegawai):
    """Who is told that a case of `pegawai` waits for their atasan: the atasan's accounts, admin
    BKD's (never the pegawai's own) when there is none, as `_acts_for_atasan` decides."""
    from sikap.accounts.models import User
    from sikap.people.selectors import atasan_of

    head = atasan_of(pegawai)
    if head is None:
        return admin_bkd_accounts().exclude(pegawai=pegawai)
    return User.objects.filter(pegawai=head, is_active=True)


def admin_bkd_accounts():
    from sikap.accounts.models import User

    return User.objects.filter(is_active=True, peran=Peran.ADMIN_BKD)


def verifikator_accounts():
    """The verifikator desk works the BKD queue (admin BKD may verify too, but is not paged)."""
    from sikap.accounts.models import User

    return User.objects.filter(is_active=True, peran=Peran.VERIFIKATOR)


def may_see_every_operasi(user) -> bool:
    """Long operations (imports, exports): their owner sees each, admin BKD all of them."""
    return is_admin_bkd(user)


# --- fetch and authorise ----------------------------------------------------------------------


def get_pegawai_for_user(user, nip: str, *, write=False, queryset=None):
    """`write`: the user changes the record's master data directly."""
    from sikap.people.models import Pegawai

    queryset = queryset if queryset is not None else Pegawai.objects.all()
    pegawai = (
        queryset.visible_to(user)
        .select_related("opd", "unit", "jabatan")
        .filter(nip="".join(nip.split()))
        .first()
    )
    if pegawai is None:
        raise Http404("Pegawai tidak ditemukan.")
    if write and is_own_record(user, pegawai.pk):
        raise PermissionDenied(OWN_RECORD_REFUSAL)
    if write and not may_edit_pegawai(user, pegawai):
        raise PermissionDenied("Anda tidak berhak mengubah data pegawai ini.")
    return pegawai


def get_dokumen_for_user(user, pk, *, write=False, file=False):
    """`write`: the user verifies or rejects the document; `file`: they open its file."""
    from sikap.documents.models import Dokumen

    dokumen = (
        Dokumen.objects.visible_to(user).select_related("pegawai", "jenis").filter(pk=pk).first()
    )
    if dokumen is None:
        raise Http404("Dokumen tidak ditemukan.")
    if file and not may_read_personal_files(user, dokumen.pegawai):
        raise PermissionDenied(PERSONAL_FILES_REFUSAL)
    if write and not may_verify_dokumen(user, dokumen):
        raise PermissionDenied(
            "Dokumen ini diverifikasi oleh verifikator atau admin BKD, "
            "tidak oleh pemiliknya atau pengunggahnya."
        )
    return dokumen


def get_usulan_for_user(user, pk, *, write=False):
    """`write`: the pegawai edits their own open request."""
    from sikap.selfservice.models import TERBUKA, UsulanPerubahan

    usulan = (
        UsulanPerubahan.objects.visible_to(user)
        .select_related("pegawai__opd", "jenis", "dibuat_oleh")
        .filter(pk=pk)
        .first()
    )
    if usulan is None:
        raise Http404("Usulan tidak ditemukan.")
    if write and not (_is_own(user, usulan.pegawai_id) and usulan.state in TERBUKA):
        raise PermissionDenied("Usulan ini tidak dapat Anda ubah lagi.")
    return usulan


def get_berkas_pensiun_for_user(user, pk):
    from sikap.pension.models import BerkasPensiun

    berkas = (
        BerkasPensiun.objects.visible_to(user)
        .select_related("pegawai__opd", "pegawai__unit", "pegawai__jabatan", "sk_dokumen")
        .filter(pk=pk)
        .first()
    )
    if berkas is None:
        raise Http404("Berkas pensiun tidak ditemukan.")
    return berkas


def get_usulan_kp_for_user(user, pk):
    from sikap.promotion.models import UsulanKp

    usulan = (
        UsulanKp.objects.visible_to(user)
        .select_related("pegawai__opd", "periode", "jenis", "opd", "dibuat_oleh")
        .filter(pk=pk)
        .first()
    )
    if usulan is None:
        raise Http404("Usul kenaikan pangkat tidak ditemukan.")
    return usulan
