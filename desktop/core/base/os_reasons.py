"""Why the operating system refused, in both languages.

The system's own words (`strerror`) are English on most machines and stay the English
text; the Vietnamese is chosen by the error number, never by those words. A refusal of
SelfCheck's own (reading.RefusedFileError: a link, a pipe, a file too large) carries its
words in both languages already.
"""

import errno

from desktop.core.base.errors import said
from desktop.core.base.i18n import Text

_VI: dict[int, str] = {
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép thực hiện thao tác này",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã dùng hết dung lượng được cấp trên ổ đĩa",
    errno.EIO: "lỗi đọc/ghi thiết bị (ổ đĩa có thể bị hỏng hoặc đã bị rút ra)",
    errno.EISDIR: "là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EEXIST: "đã tồn tại",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EBUSY: "đang được sử dụng",
    errno.EMFILE: "có quá nhiều tệp đang mở",
    errno.ENFILE: "có quá nhiều tệp đang mở",
    errno.EFBIG: "tệp quá lớn",
    errno.ELOOP: "có quá nhiều liên kết tượng trưng lồng nhau",
    errno.EXDEV: "không chuyển được sang ổ đĩa khác",
    errno.ENODEV: "thiết bị không tồn tại hoặc đã bị tháo ra",
    errno.ENXIO: "thiết bị không tồn tại hoặc đã bị tháo ra",
    errno.ENOMEM: "không đủ bộ nhớ",
    errno.EAGAIN: "tạm thời chưa thực hiện được; hãy thử lại",
    errno.EINVAL: "thao tác không hợp lệ với tệp này",
    errno.ETIMEDOUT: "quá thời gian chờ",
}


def reason(exc: OSError) -> Text:
    """Why `exc` happened, without the file's name: "ổ đĩa đã đầy" / "No space left on
    device"."""
    own = said(exc)
    if own is not None:
        return own
    english = exc.strerror or str(exc) or type(exc).__name__
    vietnamese = _VI.get(exc.errno) if exc.errno is not None else None
    if vietnamese is None:
        code = errno.errorcode.get(exc.errno, str(exc.errno)) if exc.errno else None
        vietnamese = f"hệ điều hành báo lỗi {code}" if code else "lỗi hệ điều hành"
    return Text(vietnamese, english)


def unreadable(exc: OSError) -> Text:
    """A file that cannot be read, and why: "không đọc được (ổ đĩa đã đầy)" /
    "cannot be read (No space left on device)"."""
    why = reason(exc)
    return Text(f"không đọc được ({why.vi})", f"cannot be read ({why.en})")


def located(exc: OSError) -> Text:
    """The file's name and why: "/data/history.db: ổ đĩa đã đầy"."""
    why = reason(exc)
    if not exc.filename:
        return why
    return Text(f"{exc.filename}: {why.vi}", f"{exc.filename}: {why.en}")
