"""warta: clean, structured, searchable news data from raw pages.

>>> import warta
>>> article = warta.extract(page_text_or_html, url="https://example.com/news/1")  # doctest: +SKIP
"""

from warta.errors import ConfigError, ExtractionTimeout, InputError, WartaError
from warta.model import Article, Block, Label, Page
from warta.options import ExtractOptions
from warta.pipeline import Extractor, PageResult, extract

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "ConfigError",
    "ExtractOptions",
    "ExtractionTimeout",
    "Extractor",
    "InputError",
    "Label",
    "Page",
    "PageResult",
    "WartaError",
    "__version__",
    "extract",
]
