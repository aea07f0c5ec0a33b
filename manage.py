#!/usr/bin/env python
from sikap.cli import main

if __name__ == "__main__":
    main()
