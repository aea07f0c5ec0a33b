"""axe-core in a Playwright page: the WCAG 2.1 A/AA rules, reported by impact.

axe-core is vendored (tests/vendor/axe-core/, version and licence there) rather than installed
with npm so that the suite needs no Node.js and no network, and the checked rules change only
when someone updates the file on purpose. It is evaluated through the DevTools protocol, which a
Content-Security-Policy does not block, so the check sees the pages exactly as they are served.
"""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def violations(page) -> list[dict]:
    """The serious and critical WCAG 2.1 AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def describe(found: list[dict], where: str) -> list[str]:
    """One readable line per violation and node: rule, page, element, axe's summary."""
    lines = []
    for v in found:
        for node in v["nodes"][:5]:
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"{where}: {v['id']} ({v['impact']}) at {node['target']}: {summary}")
    return lines
