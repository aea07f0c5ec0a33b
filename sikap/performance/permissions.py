"""Who may do what in SAKIP. Plans and realisation are changed by perencana and admin BKD only;
pimpinan reads; a realisation is verified by a perencana other than its submitter, or by an
admin BKD."""

from sikap.accounts.models import Peran
from sikap.core.errors import tidak_berhak

EDITORS = (Peran.PERENCANA, Peran.ADMIN_BKD)
READERS = (*EDITORS, Peran.PIMPINAN)


def may_read(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.peran in READERS)


def may_edit(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.peran in EDITORS)


def may_verify(user, case) -> bool:
    """`case` records who submitted it (`diajukan_oleh`): nobody verifies their own work,
    except an admin BKD, who answers for the whole agency."""
    if not may_edit(user):
        return False
    return user.is_admin_bkd or user.pk != case.diajukan_oleh_id


def ensure_can_edit(actor) -> None:
    if not may_edit(actor):
        raise tidak_berhak("Hanya perencana dan admin BKD yang dapat mengubah data SAKIP.")
