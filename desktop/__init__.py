"""SelfCheck: social-network security and conduct self-assessment for Vietnamese officials."""

from importlib import metadata

try:
    __version__ = metadata.version("selfcheck")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
