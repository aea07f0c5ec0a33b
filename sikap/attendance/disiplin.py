"""PP 94/2021 proposals from the day statuses (RULES §8): the monthly job (and admin BKD on
demand) counts each pegawai's unexcused working days (TK) in the year up to a date and their
longest run, and files one proposal per threshold reached (`rules.status_hari.usulan_disiplin`)
with the days listed, through the workflow's case model, in the inbox of whoever must act: the
atasan for the light punishments (teguran), admin BKD for the medium and heavy ones (and when
a pegawai has no atasan). It never punishes. Its queries grow with the proposals filed (one
notification each), not with the number of pegawai."""

from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from sikap.accounts import access
from sikap.accounts.models import User
from sikap.attendance.models import StatusHarian, UsulanDisiplin
from sikap.core import audit, kinds
from sikap.core.errors import tidak_berhak
from sikap.core.jobs import enqueue, job
from sikap.core.models import AuditEntry
from sikap.core.notifications import notify
from sikap.people.models import Pegawai
from sikap.people.selectors import atasan_map
from sikap.rules.status_hari import Status, Usulan, berturut_terpanjang, usulan_disiplin

S = UsulanDisiplin.Status


def ajukan_usulan(sampai: date, *, actor) -> list[UsulanDisiplin]:
    """File the proposals due for the year of `sampai`, counting days up to `sampai`.
    Re-runnable: a threshold already proposed (in any state) is not proposed again."""
    start = date(sampai.year, 1, 1)
    days = StatusHarian.objects.filter(tanggal__range=(start, sampai)).exclude(status=Status.LIBUR)
    absent: dict[int, list[date]] = defaultdict(list)
    for pk, day in (
        days.filter(status=Status.TK)
        .order_by("pegawai_id", "tanggal")
        .values_list("pegawai_id", "tanggal")
    ):
        absent[pk].append(day)
    candidates = [pk for pk, found in absent.items() if len(found) >= 3]
    if not candidates:
        return []
    runs = _longest_runs(days, [pk for pk in candidates if len(absent[pk]) >= 10])
    filed: dict[int, list[Usulan]] = defaultdict(list)
    for row in UsulanDisiplin.objects.filter(tahun=sampai.year, pegawai_id__in=candidates):
        # A cancelled proposal still stands for its days while they are all still unexcused
        # (no new proposal for the same absences); once one is excused it no longer counts.
        still = {d.isoformat() for d in absent[row.pegawai_id]}
        if row.state == S.DIBATALKAN and not set(row.hari) <= still:
            continue
        filed[row.pegawai_id].append(Usulan(row.dasar, row.ambang, row.tingkat, row.hukuman))
    due = {}
    for pk in candidates:
        longest, run_days = runs.get(pk, (0, []))
        found = usulan_disiplin(len(absent[pk]), longest, filed[pk])
        if found is not None:
            due[pk] = (found, run_days if found.dasar == "berturut" else absent[pk], longest)
    if not due:
        return []
    people = list(Pegawai.objects.filter(pk__in=due).only("pk", "opd_id", "unit_id", "nama"))
    heads = atasan_map(people, sampai)
    rows = []
    for p in people:
        found, listed, longest = due[p.pk]
        head = heads.get(p.pk) if found.tingkat == "ringan" else None
        rows.append(
            UsulanDisiplin(
                pegawai_id=p.pk, tahun=sampai.year, dasar=found.dasar, ambang=found.ambang,
                tingkat=found.tingkat, hukuman=found.hukuman, sampai=sampai,
                kumulatif=len(absent[p.pk]), berturut=longest,
                hari=[d.isoformat() for d in listed], penindak=head, ke_bkd=head is None,
                state=S.MENUNGGU,
            )
        )  # fmt: skip
    with transaction.atomic():
        # A concurrent run may have filed some: the unique key skips them here.
        UsulanDisiplin.objects.bulk_create(rows, ignore_conflicts=True)
        saved = [
            row
            for row in UsulanDisiplin.objects.filter(
                tahun=sampai.year, sampai=sampai, pegawai_id__in=due, state=S.MENUNGGU
            ).select_related("pegawai")
            if (row.dasar, row.ambang)
            == (due[row.pegawai_id][0].dasar, due[row.pegawai_id][0].ambang)
            and not row.version
        ]
        AuditEntry.objects.bulk_create(
            audit.build_entry(
                row,
                actor=actor,
                action=AuditEntry.Aksi.CREATE,
                kind=kinds.of(UsulanDisiplin, AuditEntry.Aksi.CREATE),
                changes=audit.diff({}, audit.snapshot(row)),
                note=f"{row.kumulatif} hari tanpa keterangan; {row.hukuman}",
            )
            for row in saved
        )
        transaction.on_commit(lambda: _notify(saved))
    return saved


def _longest_runs(days, pegawai_ids: list[int]) -> dict[int, tuple[int, list[date]]]:
    """pegawai → (longest run of TK working days, its dates), for those with ≥10 TK days."""
    if not pegawai_ids:
        return {}
    seq: dict[int, list[tuple[date, bool]]] = defaultdict(list)
    for pk, day, status in (
        days.filter(pegawai_id__in=pegawai_ids)
        .order_by("pegawai_id", "tanggal")
        .values_list("pegawai_id", "tanggal", "status")
    ):
        seq[pk].append((day, status == Status.TK))
    found = {}
    for pk, rows in seq.items():
        longest = berturut_terpanjang(tk for _, tk in rows)
        found[pk] = (longest, _run_dates(rows, longest))
    return found


def _run_dates(rows: list[tuple[date, bool]], longest: int) -> list[date]:
    """The dates of the (first) longest run."""
    run: list[date] = []
    for day, tk in rows:
        run = [*run, day] if tk else []
        if longest and len(run) == longest:
            return run
    return []


def _notify(rows: list[UsulanDisiplin]) -> None:
    bkd = list(access.admin_bkd_accounts())
    heads = {
        u.pegawai_id: u
        for u in User.objects.filter(
            pegawai_id__in={r.penindak_id for r in rows if r.penindak_id}, is_active=True
        )
    }
    for row in rows:
        readers = (
            bkd if row.ke_bkd else [heads[row.penindak_id]] if row.penindak_id in heads else []
        )
        readers = [u for u in readers if u.pegawai_id != row.pegawai_id]
        notify(
            readers,
            f"{row.pegawai.nama}: {row.kumulatif} hari tanpa keterangan pada {row.tahun}; "
            f"usulan {row.hukuman} (PP 94/2021) menunggu tindak lanjut Anda.",
            target=row,
        )


@job
def usulan_bulanan(*, actor) -> int:
    """The monthly schedule: the year's count up to the end of last month."""
    last = timezone.localdate().replace(day=1) - timedelta(days=1)
    return len(ajukan_usulan(last, actor=actor))


@job
def usulan_sampai(day: str, *, actor) -> int:
    return len(ajukan_usulan(date.fromisoformat(day), actor=actor))


def hitung_sekarang(*, actor) -> None:
    """Admin BKD asks for the count up to yesterday now (queued as a job)."""
    if not access.may_configure_attendance(actor):
        raise tidak_berhak("Hanya admin BKD yang dapat menghitung usulan disiplin.")
    enqueue(usulan_sampai, (timezone.localdate() - timedelta(days=1)).isoformat())
