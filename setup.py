"""Build warta's optional compiled parts; everything else is in pyproject.toml.

Each extension is optional: where Cython or a C compiler is missing, the build
goes on without it and warta runs the same code in pure Python (slower).
"""

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

OPTIONAL_EXTENSIONS = [
    # The DOM walk of `segment_html` over lexbor's nodes (see its docstring).
    Extension("warta.segment._domwalk", ["src/warta/segment/_domwalk.pyx"], optional=True),
    # The lines of flattened text made blocks (see `warta.segment.text.segment_text`).
    Extension("warta.segment._textlines", ["src/warta/segment/_textlines.pyx"], optional=True),
    # py3langid's automaton walk and feature counts (see `warta.meta.langid_dfa`).
    Extension("warta.meta._langid_walk", ["src/warta/meta/_langid_walk.pyx"], optional=True),
    # The per-code-point counts and line edges of the block features (see `warta.classify.features`).
    Extension("warta.classify._linescan", ["src/warta/classify/_linescan.pyx"], optional=True),
    # Groups of feature columns written in one pass each (see `warta.classify.features._kernels`).
    Extension("warta.classify._featcols", ["src/warta/classify/_featcols.pyx"], optional=True),
    # The body pass: fragments joined, repeats dropped (see `warta.assemble.body._body_parts`).
    Extension("warta.assemble._body", ["src/warta/assemble/_body.pyx"], optional=True),
    # The per-block passes of the labels stage (see `warta.classify._labelscan`).
    Extension("warta.classify._labelscan", ["src/warta/classify/_labelscan.pyx"], optional=True),
    # The per-character tests of `warta.strings` (see `warta._textscan`).
    Extension("warta._textscan", ["src/warta/_textscan.pyx"], optional=True),
]


def extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError:  # the build still succeeds: pure Python
        return []
    return cythonize(
        OPTIONAL_EXTENSIONS,
        compiler_directives={"language_level": 3},
        include_path=["src"],  # (warta/_slots.pxd)
        quiet=True,
    )


class OptionalBuildExt(build_ext):  # type: ignore[misc]
    """Builds each extension it can and leaves out one that fails (no compiler, no headers),
    with a warning: setuptools' own `optional` misses some compiler failures (a compiler
    that exits non-zero, in an editable install)."""

    def build_extensions(self) -> None:
        built = []
        for ext in self.extensions:
            try:
                self.build_extension(ext)
            except Exception as error:  # (whatever stopped it, the pure-Python code stays)
                self.warn(f"{ext.name} was not built ({error}); warta runs its pure-Python code instead")
            else:
                built.append(ext)
        self.extensions = built


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
