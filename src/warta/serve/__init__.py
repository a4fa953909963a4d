"""Read and explore a corpus in the browser: `warta serve --db corpus.db` (needs `warta[serve]`)."""

from warta.serve.app import create_app

__all__ = ["create_app"]
