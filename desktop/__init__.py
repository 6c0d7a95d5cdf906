"""SelfCheck: social-network security and conduct self-assessment for Vietnamese officials."""

# The one place the version is written: pyproject.toml reads it from here. (Asking
# importlib.metadata at run time cost 30 ms of every start.)
__version__ = "0.1.0"
