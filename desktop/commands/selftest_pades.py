"""The self-test's line on PAdES signing with a USB token: are pyHanko and python-pkcs11
(with its compiled part) in this build, and which known token modules are installed."""


def pdf_signing() -> tuple[bool, str]:
    """Whether PKCS#11 signing is available, and what was found (desktop.commands.selftest
    prints it; not having it is a warning: the SSHSIG summary is signed all the same)."""
    import importlib

    # The compiled part of python-pkcs11 is what a frozen build can lose; pyHanko's
    # modules are imported inside functions, which a build's analysis can miss.
    needed = ("pkcs11._pkcs11", "pyhanko.sign.pkcs11", "pyhanko.sign.signers")
    try:
        for name in (*needed, "pyhanko.sign.validation", "pyhanko.pdf_utils.embed"):
            importlib.import_module(name)
    except ImportError as exc:
        return False, f"PKCS#11 signing not available ({exc})"
    from desktop.core.base.paths import data_home
    from desktop.core.signing.token_modules import FILE_NAME, installed_modules, shipped_list

    found = installed_modules(data_home() / FILE_NAME)
    modules = ", ".join(f"{m.name} ({m.path})" for m in found) or "no known token module here"
    return True, f"PKCS#11 signing available; list {shipped_list()}; {modules}"
