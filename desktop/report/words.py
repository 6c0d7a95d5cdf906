"""The report's own words, in both languages.

A report is written in the language its summary names, whatever language the app shows,
and the command line writes reports without Qt's translators: so these words are pairs,
as the checklists' are, not Qt translations.
"""

from desktop.core.base.i18n import Language, Text

WORDS: dict[str, Text] = {
    "title": Text(
        "Bản khai tự kiểm tra tài khoản mạng xã hội",
        "Social-network account self-check declaration",
    ),
    "full_name": Text("Họ và tên", "Full name"),
    "staff_id": Text("Mã cán bộ", "Staff id"),
    "unit": Text("Đơn vị", "Unit"),
    "position": Text("Chức vụ, chức danh", "Position"),
    "category": Text("Đối tượng", "Category"),
    "profile": Text("Quy tắc áp dụng", "Code that applies"),
    "destination": Text("Nước đến", "Destination country"),
    "mission": Text("Cơ quan đại diện", "Mission"),
    "departure_date": Text("Ngày lên đường", "Departure date"),
    "programme": Text("Chương trình", "Programme"),
    "issued": Text("Ngày ký", "Signed on"),
    "declaration": Text("Bản khai số", "Declaration no."),
    "fingerprint": Text("Dấu vân tay khóa ký", "Signing key fingerprint"),
    "sha256": Text("Mã băm SHA-256 của summary.json", "SHA-256 of summary.json"),
    "next_due": Text("Lần kê khai tiếp theo", "Next declaration due"),
    "follow_up": Text("kiểm tra lại việc khắc phục", "a check that the findings were fixed"),
    "verdict": Text("Kết luận", "Verdict"),
    "policy": Text("Bộ tiêu chí đã dùng để đánh giá", "Policy assessed against"),
    "policy_signed": Text(
        "gói {pack}, phiên bản {version}, có chữ ký của khóa {signer}",
        "pack {pack}, version {version}, signed by {signer}",
    ),
    "policy_unsigned": Text(
        "KHÔNG phải gói bộ tiêu chí có chữ ký; người rà soát sẽ không công nhận",
        "NOT a signed policy pack; a reviewer will not accept it",
    ),
    "compliant": Text("Đạt", "Compliant"),
    "action-required": Text("Cần khắc phục", "Action required"),
    # A review's verdict for a declaration assessed against a policy the unit does not accept.
    "policy-not-accepted": Text(
        "Không công nhận: bộ tiêu chí không được chấp nhận",
        "Not accepted: assessed against a policy the unit does not accept",
    ),
    "open_items": Text("{n} mục cần khắc phục", "{n} items to fix"),
    "open_items.one": Text("{n} mục cần khắc phục", "{n} item to fix"),  # n == 1: word()
    "qr": Text(
        "Mã QR chứa mã băm SHA-256 của summary.json và dấu vân tay khóa ký.",
        "The QR code holds the SHA-256 of summary.json and the signing key's fingerprint.",
    ),
    "changes": Text(
        "Thay đổi kể từ bản khai số {seq} ({date})", "Changes since declaration {seq} ({date})"
    ),
    "no_changes": Text("Không có thay đổi nào.", "Nothing changed."),
    "first": Text(
        "Đây là bản khai đầu tiên trên máy này.", "This is the first declaration on this computer."
    ),
    "fixed": Text("Đã khắc phục", "Fixed"),
    "newly-failing": Text("Mới không đạt", "Newly failing"),
    "changed": Text("Thay đổi", "Changed"),
    "new-account": Text("Tài khoản mới", "New account"),
    "removed-account": Text("Tài khoản đã bỏ", "Removed account"),
    "accounts": Text("Tài khoản và kết quả", "Accounts and findings"),
    "no_accounts": Text(
        "Danh sách không có tài khoản nào, và người khai chưa xác nhận là không có tài khoản nào.",
        "No account is listed, and the declarant has not confirmed holding none.",
    ),
    "no_accounts_declared": Text(
        "Người khai xác nhận không có tài khoản mạng xã hội nào và không quản trị trang, kênh nào.",
        "The declarant confirms holding no social-network account and administering no page or "
        "channel.",
    ),
    "item": Text("Nội dung", "Item"),
    "status": Text("Kết quả", "Result"),
    "evidence": Text("Căn cứ kết quả", "How known"),
    "severity": Text("Mức độ", "Severity"),
    "provisions": Text("Điều khoản", "Provisions"),
    "plan": Text("Kế hoạch khắc phục", "Fix-it plan"),
    "nothing_to_fix": Text("Không có mục nào cần khắc phục.", "Nothing needs fixing."),
    "pledges": Text("Các cam kết", "Pledges"),
    "programme_items": Text("Các mục của chương trình", "Programme items"),
    "verify": Text("Cách kiểm tra bản khai này", "How to verify this declaration"),
    "verify_text": Text(
        "Tệp PDF này được tạo từ summary.json, là tệp được ký. Để kiểm tra chữ ký, trong thư "
        "mục của gói bản khai (có summary.json, summary.json.sig và allowed_signers), chạy lệnh "
        'sau bằng OpenSSH 8.1 trở lên; kết quả đúng là dòng “Good "selfcheck-summary-v1" '
        "signature”. Người rà soát nên dùng tệp allowed_signers của đơn vị thay cho tệp "
        "đi kèm bản khai.",
        "This PDF is made from summary.json, the file that is signed. To check the signature, "
        "run this in the bundle's folder (with summary.json, summary.json.sig and "
        "allowed_signers), with OpenSSH 8.1 or later; a good bundle prints “Good "
        '"selfcheck-summary-v1" signature”. A reviewer should use the unit\'s own '
        "allowed_signers file instead of the one in the bundle.",
    ),
    "footer": Text(
        "Tạo bởi SelfCheck {version}. Bản khai chỉ có giá trị khi chữ ký của summary.json hợp lệ.",
        "Made by SelfCheck {version}. The declaration counts only if the signature of "
        "summary.json verifies.",
    ),
    # Statuses, evidence, severities, kinds, categories
    "pass": Text("Đạt", "Pass"),
    "fail": Text("Không đạt", "Fail"),
    "partial": Text("Đạt một phần", "Partial"),
    "na": Text("Không áp dụng", "Not applicable"),
    "not-verified": Text("Chưa kiểm tra", "Not verified"),
    "measured": Text("đo trên máy", "measured"),
    "declared": Text("tự khai", "declared"),
    "none": Text("—", "—"),
    "critical": Text("nghiêm trọng", "critical"),
    "high": Text("cao", "high"),
    "medium": Text("trung bình", "medium"),
    "low": Text("thấp", "low"),
    "personal": Text("tài khoản cá nhân", "personal account"),
    "official_page": Text("trang chính thức", "official page"),
    "official": Text("Cán bộ, công chức", "Official"),
    "public_employee": Text("Viên chức", "Public employee"),
    "reserve_probationary": Text(
        "Công chức dự bị, viên chức tập sự", "Reserve official or probationer"
    ),
    "contract": Text("Nhân viên hợp đồng", "Contract staff"),
    "seconded": Text("Cán bộ biệt phái", "Seconded staff"),
    "mission_member": Text(
        "Thành viên cơ quan đại diện ở nước ngoài", "Member of an overseas mission"
    ),
    "accompanying_spouse": Text(
        "Phu nhân, phu quân hưởng sinh hoạt phí", "Accompanying spouse receiving an allowance"
    ),
    "studying_abroad": Text("Đang học tập, nghiên cứu ở nước ngoài", "Studying abroad"),
}


def word(key: str, language: Language, **params: object) -> str:
    """The word for `key`; an unknown key (a newer summary's value) is shown as it is.
    A count n of one reads `key.one` where there is one ("1 item", "2 items")."""
    text = WORDS.get(f"{key}.one") if params.get("n") == 1 else None
    text = text or WORDS.get(key)
    if text is None:
        return key
    return text.get(language).format(**params) if params else text.get(language)
