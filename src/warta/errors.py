"""Errors a user can act on. A batch never dies for one page: readers and the
pipeline turn these into per-record results with the message attached."""


class WartaError(Exception):
    """Base class of every error warta raises on purpose."""


class InputError(WartaError):
    """An input could not be read or decoded (empty, binary, malformed record...)."""


class ConfigError(WartaError):
    """An option, lexicon or model file is missing or invalid."""


class ExtractionTimeout(WartaError):
    """A page took longer than `ExtractOptions.timeout_s`."""
