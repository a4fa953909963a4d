"""Running the per-page function over many pages: in-process or in a local process pool."""
