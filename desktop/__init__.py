"""SelfCheck: social-network security and conduct self-assessment for Vietnamese officials."""

# The one place the version is written: pyproject.toml reads it from here. (Asking
# importlib.metadata at run time cost 30 ms of every start.)
__version__ = "0.1.0"

# The reverse-DNS id that names the .desktop entry, the AppStream metainfo and the icon
# (assets/linux/); the window says it to the desktop so that they are matched up.
APP_ID = "vn.selfcheck.SelfCheck"
