"""What is wrong with a field, in both languages: the words every checked file's errors
share (base.fields for checklists, answers files and rosters; records.summary_refusal for
summary.json). Each says what the field is or must be, after its name:
"field 'name': is missing" / "trường 'name': còn thiếu".
"""

from desktop.core.base.i18n import Text

MISSING = Text("còn thiếu", "is missing")
EMPTY = Text("không được để trống", "must not be empty")
UNKNOWN_FIELD = Text("không phải là trường được phép có", "is not a known field")
NOT_UNICODE = Text("không phải là văn bản Unicode hợp lệ", "is not valid Unicode text")
INVALID_FORM = Text("không đúng định dạng", "has an invalid form")
NOT_A_DATE = Text("không phải là một ngày có thật", "is not a real date")
NOT_A_TIME = Text("không phải là một thời điểm có thật", "is not a real time")
TWICE = Text("bị liệt kê hai lần", "is listed twice")

# A kind of value, as a message names what a field is or must be.
KINDS = {
    "text": Text("văn bản", "text"),
    "a number": Text("một số", "a number"),
    "true/false": Text("giá trị đúng/sai", "true/false"),
    "a list": Text("một danh sách", "a list"),
    "a table": Text("một bảng", "a table"),
    "a whole number": Text("một số nguyên", "a whole number"),
    "true or false": Text("giá trị đúng/sai (true hoặc false)", "true or false"),
    "a list of tables": Text("một danh sách các bảng", "a list of tables"),
}


def kind(label: str) -> Text:
    """One of KINDS; another type by its name (a TOML date and time: "datetime")."""
    return KINDS.get(label) or Text(f"kiểu {label}", label)


def must_be(expected: str, got: str) -> Text:
    want, have = kind(expected), kind(got)
    return Text(f"phải là {want.vi}, nhưng là {have.vi}", f"must be {want.en}, got {have.en}")


def longer_than(limit: object) -> Text:
    return Text(f"dài hơn {limit} ký tự", f"is longer than {limit} characters")


def more_entries(limit: object) -> Text:
    return Text(f"có hơn {limit} mục", f"has more than {limit} entries")


def between(low: object, high: object) -> Text:
    return Text(f"phải nằm trong khoảng từ {low} đến {high}", f"must be between {low} and {high}")


def one_of(allowed: str) -> Text:
    return Text(f"phải là một trong các giá trị {allowed}", f"must be one of {allowed}")


def with_value(message: Text, value: object) -> Text:
    """`message` quoting the bad value, shortened."""
    shown = repr(str(value)[:40])
    return Text(f"{message.vi} (giá trị: {shown})", f"{message.en} (got {shown})")
