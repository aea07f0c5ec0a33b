"""gunicorn's configuration for SIKAP in production (docs/deployment.md):

    SIKAP_DEBUG=false gunicorn -c deploy/gunicorn.conf.py

Every value can be changed by a SIKAP_WEB_* variable; nginx (or the load balancer) in front
terminates TLS, buffers slow clients and caps the request body (client_max_body_size).
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


wsgi_app = "sikap.wsgi:application"
bind = os.environ.get("SIKAP_WEB_BIND", "127.0.0.1:8000")
# Sync workers: SIKAP's requests are short database work; the few slow ones (PDF rendering,
# imports) run as jobs in `sikap worker`. Two per core plus one is gunicorn's advice.
workers = _int("SIKAP_WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1)
# More than one thread per worker switches to gthread workers (docs/deployment.md: measured, not
# the default).
threads = _int("SIKAP_WEB_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
# Long enough for the heaviest page (the LKj PDF of a large OPD), short enough that a stuck
# worker is replaced.
timeout = _int("SIKAP_WEB_TIMEOUT", 120)
graceful_timeout = _int("SIKAP_WEB_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# The application is imported once in the master, before the workers are forked: a worker
# replaced after max_requests starts by a fork instead of importing SIKAP again (seconds of CPU
# the other workers' requests wait for), and the workers share its memory pages. A new
# release therefore needs a restart of the service, not a HUP.
preload_app = True


def when_ready(server) -> None:
    """No database connection crosses a fork: one opened while importing would be shared by
    every worker (SIKAP opens none; this keeps it so)."""
    from django.db import connections

    connections.close_all()


# A worker is replaced after this many requests (with jitter, not all at once): bounds any slow
# memory growth of a long-running process (SIKAP's per-process memories are bounded). Not
# 1,000: at 100 requests/s over 5 workers each reached it every 50 s, in the middle of a peak,
# and the replacements stalled requests for seconds (measured with bench/attendance_load.py:
# p99 4.9 s in the run that met them against 0.4–0.6 s in the runs before and after).
max_requests = _int("SIKAP_WEB_MAX_REQUESTS", 10000)
max_requests_jitter = max_requests // 10
# Request line and headers: gunicorn's defaults, written down so that they are a decision.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# The proxy's address: X-Forwarded-Proto from it tells Django the request came over HTTPS
# (HSTS, secure cookies, the SSL redirect). Several app servers: the load balancer's addresses.
forwarded_allow_ips = os.environ.get("SIKAP_WEB_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("SIKAP_WEB_ACCESS_LOG", "-")
errorlog = "-"
# Temporary files of request bodies in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
