"""Records the checkout the package is installed from, so it finds src/Neuromorph.Interop's build output.

pip >= 21.3 builds in the source tree, so this file's folder is python/ of the checkout. The path is written into
neuromorph/_build_info.py of the built package (not into the source tree).
"""

import os

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        target = os.path.join(self.build_lib, "neuromorph", "_build_info.py")
        repo = REPOSITORY if os.path.isdir(os.path.join(REPOSITORY, "src", "Neuromorph.Interop")) else ""
        with open(target, "w", encoding="utf-8") as f:
            f.write(f'"""Written at install time."""\nREPOSITORY = {repo!r}\n')


setup(cmdclass={"build_py": BuildPy})
