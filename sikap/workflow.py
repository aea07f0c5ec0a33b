"""The one workflow mechanism: a case moves between states by declared, permitted transitions.

Every approval flow in SIKAP (self-service change, KGB letter, promotion file, pension file,
leave request, SAKIP realisation) declares its transitions as data and runs them here:

    FLOW = Workflow([
        Transition("ajukan", "Ajukan", source=("draf",), target="diajukan", allowed=is_owner),
        Transition("tolak", "Tolak", source=("diajukan",), target="ditolak",
                   allowed=is_verifier, needs_reason=True),
    ])
    FLOW.run(case, "ajukan", actor=user)

`run` works in one transaction: it checks the transition exists from the case's current state,
that the actor may take it and that its requirements hold; it moves the state with a
compare-and-set on (state, version) so that of two concurrent transitions exactly one wins;
it records the step in the case's timeline (`CaseEvent`) and in the audit trail; its effect
runs inside the same transaction; notifications are sent only after commit.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast

from sikap.core import audit, kinds
from sikap.core.errors import Kode, SikapError
from sikap.core.models import AuditEntry, CaseEvent
from sikap.core.notifications import notify


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: tuple[str, ...]
    target: str
    allowed: Callable[[object, object], bool]
    # Each check returns None when satisfied, or the Indonesian reason it is not.
    requires: tuple[Callable[[object], str | None], ...] = ()
    needs_reason: bool = False
    effect: Callable[[object, object], None] | None = None
    recipients: Callable[[object], Iterable] | None = None
    # The notification as its reader should read it: (case, reason, recipient) → text, e.g.
    # "KTP Anda ditolak: foto buram. Unggah ulang." Without it, the case and its new state.
    notice: Callable[[object, str, object], str] | None = None


def because(reason: str) -> str:
    """ ": foto buram" for a notice's reason (no doubled full stop), "" without one."""
    reason = reason.strip().rstrip(".").strip()
    return f": {reason}" if reason else ""


@dataclass
class Workflow:
    transitions: list[Transition]
    labels: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        names = [t.name for t in self.transitions]
        if len(names) != len(set(names)):
            raise ValueError("transition names must be unique")

    def get(self, name: str) -> Transition:
        for t in self.transitions:
            if t.name == name:
                return t
        raise SikapError(Kode.DATA_TIDAK_VALID, f"Langkah '{name}' tidak dikenal.")

    def available(self, case, user) -> list[Transition]:
        return [t for t in self.transitions if case.state in t.source and t.allowed(user, case)]

    def state_label(self, state: str) -> str:
        return self.labels.get(state, state)

    def _notice(self, transition: Transition, case, reason: str, user) -> str:
        if transition.notice:
            return transition.notice(case, reason, user)
        text = f"{case}: {self.state_label(case.state)}"
        return f"{text}. Alasan: {reason}" if reason else f"{text}."

    def run(self, case, name: str, *, actor, reason: str = "", expected_version: int | None = None):
        """Take transition `name` on `case`. `expected_version` is the version the actor saw
        (from the form); without it, the version of the `case` object passed in is used."""
        transition = self.get(name)
        reason = reason.strip()
        seen_version = case.version if expected_version is None else expected_version
        with transaction.atomic():
            current = type(case).objects.select_for_update().get(pk=case.pk)
            if current.version != seen_version:
                raise SikapError(
                    Kode.KEDALUWARSA,
                    "Berkas ini sudah diubah orang lain sejak Anda membukanya "
                    f"(sekarang: {self.state_label(current.state)}). Muat ulang halaman.",
                )
            if current.state not in transition.source:
                raise SikapError(
                    Kode.LANGKAH_TIDAK_SAH,
                    f"'{transition.label}' tidak dapat dilakukan pada status "
                    f"'{self.state_label(current.state)}'.",
                )
            if not transition.allowed(actor, current):
                raise SikapError(
                    Kode.TIDAK_BERHAK, f"Anda tidak berhak melakukan '{transition.label}'."
                )
            if transition.needs_reason and not reason:
                raise SikapError(
                    Kode.DATA_TIDAK_VALID,
                    f"Alasan wajib diisi untuk '{transition.label}'.",
                    {"reason": ["Alasan wajib diisi."]},
                )
            problems = [msg for check in transition.requires if (msg := check(current))]
            if problems:
                raise SikapError(Kode.SYARAT_BELUM_LENGKAP, " ".join(problems))
            moved = (
                type(case)
                .objects.filter(pk=case.pk, state=current.state, version=current.version)
                .update(state=transition.target, version=F("version") + 1)
            )
            if moved != 1:  # another writer won the race between our read and our update
                raise SikapError(Kode.KEDALUWARSA, "Berkas ini baru saja diubah orang lain.")
            before_state = current.state
            current.refresh_from_db()
            _record(current, transition, before_state, actor, reason)
            if transition.effect:
                transition.effect(current, actor)
            if transition.recipients:
                recipients = [u for u in transition.recipients(current) if u is not None]
                texts = {u.pk: self._notice(transition, current, reason, u) for u in recipients}
                transaction.on_commit(
                    lambda: notify(recipients, lambda u: texts[u.pk], target=current)
                )
        case.state, case.version = current.state, current.version
        return current


def _record(case, transition: Transition, before_state: str, actor, reason: str) -> None:
    CaseEvent.objects.create(
        content_type=ContentType.objects.get_for_model(case),
        object_id=str(case.pk),
        transition=transition.name,
        label=transition.label,
        from_state=before_state,
        to_state=case.state,
        actor=actor if actor.is_authenticated else None,
        reason=reason,
    )
    audit.build_entry(
        case,
        actor=actor,
        action=AuditEntry.Aksi.UPDATE,
        kind=kinds.workflow(kinds.domain_of(case), transition.name),
        changes={"state": [before_state, case.state]},
        note=f"{transition.label}" + (f": {reason}" if reason else ""),
    ).save()


def last_step_at(model) -> Subquery:
    """When each case of `model` took its latest step (its latest timeline event), as an
    expression to annotate a queryset with: the moment it entered the state it waits in."""
    return Subquery(
        CaseEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        .order_by("-at", "-id")
        .values("at")[:1]
    )


class Case(models.Model):
    """Mixin for a model that moves through a workflow."""

    state = models.CharField("status", max_length=32, db_index=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def timeline(self):
        return CaseEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(self), object_id=str(self.pk)
        ).select_related("actor")
