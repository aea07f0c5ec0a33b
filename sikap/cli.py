"""The `sikap` command: Django's management commands with SIKAP's settings preset.

`sikap demo`, `sikap import-siasn FILE`, `sikap stats --json`, `sikap serve`, `sikap migrate`, …
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikap.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
