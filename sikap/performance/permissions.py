"""The refusal SAKIP services raise; who may plan, read and verify is `sikap.accounts.access`."""

from sikap.accounts import access
from sikap.core.errors import tidak_berhak

NOT_A_PLANNER = "Hanya perencana dan admin BKD yang dapat mengubah data SAKIP."


def ensure_can_edit(actor) -> None:
    if not access.may_plan(actor):
        raise tidak_berhak(NOT_A_PLANNER)
