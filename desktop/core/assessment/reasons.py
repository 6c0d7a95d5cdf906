"""Why a finding has its status, in words: one entry per reason a rule or answer can give.

The rules return a reason key and parameters; the text lives here, once, in both
languages, so the GUI, the command line and (later) the PDF say the same thing.
"""

from collections.abc import Mapping

from desktop.core.assessment.findings import Finding
from desktop.core.base.i18n import Language, Text
from desktop.core.policy.model import Policy

REASONS: dict[str, Text] = {
    "unanswered": Text(
        "Chưa trả lời: mục này chưa được kiểm tra.", "Not answered: this item has not been checked."
    ),
    "declared": Text("Anh/chị khai báo: {label}.", "You declared: {label}."),
    "na-declared": Text("Không áp dụng: {reason}", "Not applicable: {reason}"),
    "name-matches": Text(
        "Tên hiển thị khớp với họ tên thật.", "The display name matches your real name."
    ),
    "name-extra-words": Text(
        "Tên hiển thị “{shown}” có từ không thuộc họ tên thật: {words}.",
        "The display name “{shown}” has words not in your real name: {words}.",
    ),
    "name-incomplete": Text(
        "Tên hiển thị “{shown}” thiếu: {missing}.", "The display name “{shown}” lacks: {missing}."
    ),
    "email-invalid": Text(
        "“{address}” không phải là địa chỉ thư điện tử hợp lệ.",
        "“{address}” is not a valid e-mail address.",
    ),
    "official-email-on-personal": Text(
        "Tài khoản cá nhân đăng ký bằng thư điện tử công vụ {address} (tên miền {domain}).",
        "The personal account is registered with the official address {address} (domain {domain}).",
    ),
    "email-not-official": Text(
        "Thư điện tử đăng ký không thuộc tên miền công vụ.",
        "The registration e-mail is not on an official domain.",
    ),
    "official-marks-shown": Text(
        "Trang cá nhân đang hiển thị {marks} của cơ quan.",
        "The profile shows the agency's {marks}.",
    ),
    "no-official-marks": Text(
        "Không dùng logo, địa chỉ, điện thoại của cơ quan.", "No agency logo, address or phone."
    ),
    "password-too-short": Text(
        "Mật khẩu có {length} ký tự, cần ít nhất {min}.",
        "The password has {length} characters; at least {min} are needed.",
    ),
    "password-guessable": Text(
        "Mật khẩu dễ đoán (điểm {score}/4).", "The password is easy to guess (score {score}/4)."
    ),
    "password-weak": Text(
        "Mật khẩu chưa đủ mạnh (điểm {score}/4).",
        "The password is not strong enough (score {score}/4).",
    ),
    "password-strong": Text(
        "Mật khẩu mạnh (điểm {score}/4, {length} ký tự).",
        "Strong password (score {score}/4, {length} characters).",
    ),
    "password-reused": Text(
        "Mật khẩu này cũng được dùng cho: {accounts}.",
        "This password is also used for: {accounts}.",
    ),
    "password-unique": Text(
        "Mật khẩu không trùng với tài khoản nào khác.",
        "The password is not shared with any other account.",
    ),
    "two-factor-security_key": Text("Khóa bảo mật: mức mạnh nhất.", "Security key: the strongest."),
    "two-factor-passkey": Text(
        "Khóa truy cập (passkey) là bước xác thực thứ hai: mạnh.",
        "A passkey as the second step: strong.",
    ),
    "two-factor-authenticator_app": Text("Ứng dụng xác thực: đạt.", "Authenticator app: good."),
    "two-factor-push": Text(
        "Xác nhận trên ứng dụng có đối chiếu số: đạt.", "App prompt with number matching: good."
    ),
    "two-factor-logged_in_device": Text(
        "Mã gửi đến thiết bị đang đăng nhập: đạt.",
        "A code sent to a device already signed in: good.",
    ),
    "two-factor-cloud_password": Text(
        "Mật khẩu hai bước được hỏi thêm sau mã đăng nhập: đạt.",
        "A Two-Step Verification password asked after the login code: good.",
    ),
    "two-factor-sms": Text(
        "Mã SMS chỉ đạt một phần: SIM có thể bị chiếm đoạt.",
        "SMS codes count only in part: a SIM can be hijacked.",
    ),
    "two-factor-voice": Text(
        "Mã qua cuộc gọi chỉ đạt một phần.", "Voice-call codes count only in part."
    ),
    "two-factor-whatsapp": Text(
        "Mã qua WhatsApp chỉ đạt một phần: nó đi theo số điện thoại, có thể bị chiếm đoạt.",
        "WhatsApp codes count only in part: they follow the phone number, which can be hijacked.",
    ),
    "two-factor-email": Text(
        "Mã qua thư điện tử không phải là yếu tố xác thực thứ hai.",
        "E-mail codes are not a second factor.",
    ),
    "two-factor-none": Text("Chưa bật xác thực hai yếu tố.", "Two-factor authentication is off."),
    "two-factor-sign-in-only": Text(
        "Trên {platform}, {method} chỉ là một cách đăng nhập, còn mật khẩu hoặc mã đăng nhập "
        "vẫn dùng được một mình: đó không phải là yếu tố xác thực thứ hai.",
        "On {platform}, {method} is only a way to sign in, and the password or login code still "
        "works alone: it is not a second factor.",
    ),
    "recovery-email-invalid": Text(
        "Thư điện tử khôi phục “{address}” không hợp lệ.",
        "The recovery e-mail “{address}” is not valid.",
    ),
    "recovery-official-email": Text(
        "Thư điện tử khôi phục {address} là thư công vụ (tên miền {domain}).",
        "The recovery e-mail {address} is an official address (domain {domain}).",
    ),
    "recovery-phone-invalid": Text(
        "Số điện thoại khôi phục không phải là một số điện thoại hợp lệ.",
        "The recovery phone is not a valid phone number.",
    ),
    "two-factor-not-offered": Text(
        "{platform} không được biết là có {method}; hãy kiểm tra lại cài đặt.",
        "{platform} is not known to offer {method}; please check the setting.",
    ),
    "recovery-confirmed": Text(
        "Đã có thông tin khôi phục và đã kiểm tra nhận mã.",
        "Recovery contacts are set and checked.",
    ),
    "recovery-unreachable": Text(
        "Thông tin khôi phục không còn nhận được mã.",
        "The recovery contacts no longer receive codes.",
    ),
    "recovery-unconfirmed": Text(
        "Đã có thông tin khôi phục nhưng chưa kiểm tra nhận mã.",
        "Recovery contacts are set but not checked.",
    ),
    "authenticated-id-number": Text(
        "Tài khoản được xác thực bằng số định danh cá nhân.",
        "The account is authenticated by the personal identification number.",
    ),
    "authenticated-vietnamese-number": Text(
        "Anh/chị khai tài khoản được xác thực bằng số di động Việt Nam.",
        "You declared the account authenticated by a Vietnamese mobile number.",
    ),
    "authenticated-foreign-number": Text(
        "Tài khoản xác thực bằng số nước ngoài, không đáp ứng Nghị định 147.",
        "The account is authenticated by a foreign number, which Decree 147 does not accept.",
    ),
    "authenticated-not-authenticated": Text(
        "Tài khoản chưa được xác thực: chưa thể đăng tin, bình luận hay chia sẻ.",
        "The account is not authenticated: it cannot post, comment or share.",
    ),
    "inventory-none-held": Text(
        "Anh/chị khai không có tài khoản mạng xã hội nào và không quản trị trang nào.",
        "You declared that you hold no social-network account and administer no page.",
    ),
    "inventory-empty": Text(
        "Chưa kê khai tài khoản nào, và anh/chị chưa khai là không có tài khoản nào.",
        "No account is listed, and you have not declared that you hold none.",
    ),
    "inventory-none-but-listed": Text(
        "Anh/chị khai không có tài khoản nào nhưng danh sách có {count} tài khoản.",
        "You declared you hold no account, yet {count} are listed.",
    ),
    "inventory-complete": Text(
        "Anh/chị khai đã kê khai đủ ({count} tài khoản).",
        "You declared the list complete ({count} accounts).",
    ),
    "inventory-incomplete": Text(
        "Còn tài khoản chưa được kê khai.", "Some accounts are not listed yet."
    ),
    "posting-accounts-unauthenticated": Text(
        "Giữ số di động Việt Nam không giúp được các tài khoản chưa xác thực bằng số đó: "
        "{accounts}.",
        "Keeping the Vietnamese number does not help the accounts not authenticated by it: "
        "{accounts}.",
    ),
    "posting-id-number": Text(
        "Mọi tài khoản được xác thực bằng số định danh cá nhân: không cần giữ số điện thoại.",
        "Every account is authenticated by the personal identification number: no number to keep.",
    ),
    "posting-id-number-but-phone": Text(
        "Anh/chị khai dùng số định danh cá nhân, nhưng các tài khoản này xác thực bằng số "
        "điện thoại: {accounts}.",
        "You declared the identification number, but these accounts are authenticated by a "
        "phone number: {accounts}.",
    ),
    "phone-vietnamese": Text(
        "Tài khoản được xác thực bằng số di động Việt Nam.",
        "The account is authenticated by a Vietnamese mobile number.",
    ),
    "phone-not-vietnamese": Text(
        "Số xác thực tài khoản không phải số di động Việt Nam.",
        "The authenticating number is not a Vietnamese mobile number.",
    ),
}


# The office details a personal profile must not show (BNG-5.6), as `official_marks` names them.
MARKS: dict[str, Text] = {
    "phone": Text("số điện thoại", "phone number"),
    "address": Text("địa chỉ", "address"),
    "logo": Text("logo", "logo"),
}


def describe(finding: Finding, policy: Policy, language: Language) -> str:
    """The finding's reason in words, with a declared choice shown by its label."""
    params = dict(finding.params)
    if "method" in params:  # a second factor, by the name the item gives it
        item = policy.items.get(finding.item_id)
        choice = item.answer.choice(params["method"]) if item else None
        if choice is not None:
            label = choice.label.get(language)
            params["method"] = label[:1].lower() + label[1:]  # it sits inside a sentence
    if "platform" in params:  # by its name in this language ("other" is "Nền tảng khác")
        platform = policy.platforms.get(params["platform"])
        if platform is not None:
            params["platform"] = platform.name.get(language)
    if "marks" in params:
        names = [MARKS[m].get(language) if m in MARKS else m for m in params["marks"].split(", ")]
        params["marks"] = ", ".join(names)
    if finding.reason == "declared":
        item = policy.items.get(finding.item_id)
        choice = item.answer.choice(params.get("choice", "")) if item else None
        params["label"] = choice.label.get(language) if choice else params.get("choice", "")
    return explain(finding.reason, params, language)


def explain(reason: str, params: Mapping[str, str], language: Language) -> str:
    template = REASONS.get(reason)
    if template is None:
        return reason
    try:
        return template.get(language).format_map(params)
    except (KeyError, IndexError, ValueError):
        return template.get(language)
