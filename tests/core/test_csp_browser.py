"""Under the Content-Security-Policy the pages still work in a real browser: the workforce
statistics' charts draw from the static scripts and the browser reports no refused script or
style."""

import pytest

from tests.browser import log_in


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_draws_its_charts_without_a_csp_refusal(live_server, desktop, world):
    problems = []
    desktop.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    desktop.on("pageerror", lambda e: problems.append(str(e)))
    log_in(desktop, live_server, world.users["admin_bkd"].username, "rahasia-sikap-123")
    desktop.goto(live_server.url + "/statistik/")
    drawn = desktop.evaluate(
        "() => { const all = [...document.querySelectorAll('canvas')];"
        " return all.length > 0 && all.every(c => Chart.getChart(c)); }"
    )
    assert drawn
    assert problems == []
