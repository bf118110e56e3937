"""Runs the package tests with unittest (no pytest needed) and ends with the line "N passed, N failed"."""

import sys
import unittest
from pathlib import Path

if __name__ == "__main__":
    suite = unittest.defaultTestLoader.discover(str(Path(__file__).parent), pattern="test_*.py")
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    if skipped:
        print(f"{skipped} skipped: " + "; ".join(sorted({reason for _, reason in result.skipped})))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
