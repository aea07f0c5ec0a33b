"""The job lists at /kelola/ for admin BKD: the schedules, finished and failed jobs, and the
queue. django-q2's own admin classes, gated by role like every SIKAP admin.

Admin BKD changes when a shipped schedule runs (next run, interval, repeats; 0 pauses it), not
what it runs: a function path and its arguments are code, so they are read-only here and new
schedules come from `core/schedules.py`."""

from django.urls import reverse
from django.utils.html import format_html
from django_q import admin as q_admin
from django_q.models import Failure, OrmQ, Schedule, Success

from sikap.core.admin_site import RoleGate, site


class ScheduleAdmin(RoleGate, q_admin.ScheduleAdmin):
    readonly_fields = (
        *("name", "func", "hook", "args", "kwargs"),
        *("cluster", "cron", "task", "intended_date_kwarg"),
    )

    def has_add_permission(self, request, obj=None):
        return False

    @q_admin.admin.display(description="hasil terakhir")
    def get_last_run(self, obj):
        if obj.task_name is None:
            return None
        model = "success" if obj.task_success else "failure"
        url = reverse(f"{site.name}:django_q_{model}_change", args=(obj.task_id,))
        return format_html('<a href="{}">[{}]</a>', url, obj.task_name)


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
