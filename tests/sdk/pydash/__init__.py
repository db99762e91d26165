"""A minimal stand-in for pydash, which Debian does not package: only what azure-ai-ml 1.4.0 calls
(pydash.get, pydash.omit, pydash.objects.set_), with pydash's dotted-path semantics."""
from .objects import get, omit, set_  # noqa: F401
