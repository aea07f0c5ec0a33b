"""The job lists at /kelola/ for admin BKD: the schedules (editable), finished and failed jobs,
and the queue. django-q2's own admin classes, gated by role like every SIKAP admin."""

from django_q import admin as q_admin
from django_q.models import Failure, OrmQ, Schedule, Success

from sikap.core.admin_site import RoleGate, site


class ScheduleAdmin(RoleGate, q_admin.ScheduleAdmin):
    pass


class SuccessAdmin(RoleGate, q_admin.TaskAdmin):
    def has_add_permission(self, request, obj=None):
        return False


class FailureAdmin(RoleGate, q_admin.FailAdmin):
    def has_add_permission(self, request, obj=None):
        return False


class QueueAdmin(RoleGate, q_admin.QueueAdmin):
    def has_add_permission(self, request, obj=None):
        return False


site.register(Schedule, ScheduleAdmin)
site.register(Success, SuccessAdmin)
site.register(Failure, FailureAdmin)
site.register(OrmQ, QueueAdmin)
