"""Build warta's optional compiled parts; everything else is in pyproject.toml.

Each extension is optional: where Cython or a C compiler is missing, the build
goes on without it and warta runs the same code in pure Python (slower).
"""

from setuptools import Extension, setup

OPTIONAL_EXTENSIONS = [
    # The DOM walk of `segment_html` over lexbor's nodes (see its docstring).
    Extension("warta.segment._domwalk", ["src/warta/segment/_domwalk.pyx"], optional=True),
    # py3langid's automaton walk and feature counts (see `warta.meta.langid_dfa`).
    Extension("warta.meta._langid_walk", ["src/warta/meta/_langid_walk.pyx"], optional=True),
    # The per-code-point counts and line edges of the block features (see `warta.classify.features`).
    Extension("warta.classify._linescan", ["src/warta/classify/_linescan.pyx"], optional=True),
]


def extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError:  # the build still succeeds: pure Python
        return []
    return cythonize(OPTIONAL_EXTENSIONS, compiler_directives={"language_level": 3}, quiet=True)


setup(ext_modules=extensions())
