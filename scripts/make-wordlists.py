"""Make the Vietnamese frequency lists for zxcvbn in assets/wordlists/.

zxcvbn knows English words and names only, so "matkhau123" or "Quangninh2024" pass for
stronger than they are. These lists give it Vietnamese: `zxcvbn.matching.add_frequency_lists`
takes each file as one ranked dictionary, the line number being the rank (1 = tried first).

Where each list comes from (assets/wordlists/README.md says the same, with the licences):

- vi_syllables.txt: derived from the Vietnamese word frequencies of the `wordfreq` package
  (data CC BY-SA 4.0): every token that is a Vietnamese syllable once its accents are
  removed, the frequencies of the accented forms that fold together added up, most frequent
  first. Pinned to wordfreq 3.1.1 (its data is frozen; another version may rank otherwise).
- every other list: compiled by hand for SelfCheck from general knowledge (administrative
  units, common name inventories, agency names, common words and phrases), kept in this
  file as the source of truth. The .txt files are generated: edit the lists here and run
  the script again.

No leaked passwords and no personal data of anyone were used.

Every entry is folded the way the app folds a password: lower case, accents removed
(đ -> d), and everything but a-z and 0-9 dropped, so "Thừa Thiên Huế" becomes
"thuathienhue". Entries are deduplicated within a list (the first place counts) and
entries of one character are left out (zxcvbn gains nothing from them).

Run from the repository's root:

    python3 scripts/make-wordlists.py            # writes assets/wordlists/*.txt
    python3 scripts/make-wordlists.py --check    # exit 1 if the files differ from the lists

The script needs wordfreq==3.1.1. When that cannot be imported it makes a temporary
virtual environment, installs wordfreq there with pip (PyPI must be reachable) and runs
itself with it; --no-bootstrap turns that off. It never touches the project's .venv.
"""

import argparse
import importlib.metadata
import re
import subprocess
import sys
import tempfile
import unicodedata
import venv
from collections.abc import Iterable
from pathlib import Path

WORDFREQ_VERSION = "3.1.1"
OUT_DIR = Path(__file__).resolve().parents[1] / "assets" / "wordlists"

# --- folding -------------------------------------------------------------------------------

# đ/Đ are letters of their own, not d plus a mark; ð (eth) stands in for đ in some texts.
_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_NOT_KEPT = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """ "Thừa Thiên Huế" -> "thuathienhue": lower case, no accents, only a-z and 0-9."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_KEPT.sub("", bare.lower())


def entries(*blocks: str) -> list[str]:
    """The folded entries of text blocks: entries are separated by commas or new lines."""
    return [fold(item) for block in blocks for item in re.split(r"[,\n]", block)]


def ranked(items: Iterable[str]) -> list[str]:
    """Deduplicated in order (first place counts), one-character entries dropped."""
    return [item for item in dict.fromkeys(items) if len(item) > 1]


# --- syllables from wordfreq ---------------------------------------------------------------

# A Vietnamese syllable without its accents: an optional initial consonant and a rhyme. The
# rhymes are the folded forms of Vietnamese rhymes (ươ -> uo, ê -> e, ...); the check keeps
# loanwords, abbreviations, numbers and foreign names out of the syllable list.
_ONSETS = re.findall(r"\w+", "ngh ng nh ch gh gi kh ph qu th tr b c d g h k l m n p q r s t v x")
_RHYMES = re.findall(
    r"\w+",
    """
a ac ach ai am an ang anh ao ap at au ay
e ec ech em en eng enh eo ep et eu
i ia ich iec iem ien ieng iep iet ieu im in inh ip it iu
o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong ooc oong op ot
u ua uan uang uat uay uc ue uech uen uenh uet ui um un ung uo uoc uoi uom uon uong uop uot uou
up ut uu uy uya uych uyen uyet uynh uyp uyt uyu
y yem yen yet yeu
""",
)
# Used with fullmatch, so the order of the alternatives does not matter.
SYLLABLE = re.compile(f"(?:{'|'.join(_ONSETS)})?(?:{'|'.join(_RHYMES)})")
# Spellings Vietnamese does not use: c before e/i/y (k is written), k before anything else,
# q without u, gh/ngh before anything but e/i, g/ng before e or ng before i (gh/ngh are
# written), and p without h (only in loanwords). What SYLLABLE lets through of English or
# French ("ci", "qa", "pong") stops here.
MISSPELT = re.compile(r"c[eiy]|k[^eihy]|q[^u]|n?gh[^ei]|n?ge|ngi|p[^h]")


def syllables() -> list[str]:
    """Vietnamese syllables, unaccented, most frequent first, from wordfreq's 'vi' data."""
    import wordfreq  # only this list needs it

    found = importlib.metadata.version("wordfreq")
    if found != WORDFREQ_VERSION:
        sys.exit(
            f"make-wordlists: wordfreq {found} is installed; the lists are made with "
            f"{WORDFREQ_VERSION} (pip install wordfreq=={WORDFREQ_VERSION})"
        )
    totals: dict[str, float] = {}
    for token, frequency in wordfreq.get_frequency_dict("vi", wordlist="small").items():
        folded = fold(token)
        if folded and SYLLABLE.fullmatch(folded) and not MISSPELT.match(folded):
            totals[folded] = totals.get(folded, 0.0) + frequency
    # Ties (the rarest tokens share a frequency) are broken alphabetically, so the order is
    # the same on every run.
    return ranked(sorted(totals, key=lambda s: (-totals[s], s)))


# --- hand-compiled lists -------------------------------------------------------------------
# Written with their accents, as a person would spell them; fold() makes the entries. Order
# is the rank: what an attacker would try first comes first.

FAMILY_NAMES = """
Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý
Đào, Đoàn, Đinh, Trương, Trịnh, Lâm, Mai, Lương, Hà, Cao, Tô, Lưu, Phùng, Vương, Tạ, Châu
Thái, Quách, Chu, Kiều, Triệu, La, Mạc, Tăng, Từ, Nông, Hứa, Khổng, Thân, Diệp, Tôn, Tống
Lục, Ông, Bạch, Đàm, Giang, Hầu, Âu, Khúc, Kim, Lại, Lã, Lạc, Mã, Nghiêm, Nhữ, Ninh, Phí
Phó, Phương, Quan, Sầm, Sơn, Tiêu, Trình, Ưng, Văn, Vi, Viên, Yên, Đồng, Cù, Cung, Hàn
Khuất, Khương, Mẫn, Nhan, Ôn, Quang, Thạch, Thiều, Tiết, Trà, Vy, Đậu, Đới, Bế, Bành, Cầm
Chế, Chử, Công, Cấn, Dư, Giáp, Kha, Khiếu, Khưu, Lò, Lữ, Lường, Mông, Nhâm, Phù, Sái, Hán
Doãn, Đường, Lỗ, Quàng, Ma, Tòng, Nghiêm, Ngọ, Mạch, Ngạc, Âu Dương, Tôn Thất, Tôn Nữ
Nguyễn Phúc, Ksor, Niê, Siu, Rơ Châm, Kpă, Y
"""

MIDDLE_NAMES = """
Văn, Thị, Hữu, Đức, Minh, Ngọc, Thanh, Quốc, Xuân, Hoàng, Thu, Hồng, Kim, Anh, Bảo, Gia
Quang, Thành, Trung, Công, Mạnh, Tuấn, Hải, Phương, Khánh, Đình, Thế, Bá, Duy, Tiến
Trọng, Như, Mỹ, Thùy, Diệu, Hoài, Nhật, Đăng, Tấn, Phúc, Thiên, Huy, Việt, Nam, Long
Hà, Lan, Linh, Thúy, Cẩm, Bích, Thảo, Tường, Khắc, Chí, Sỹ, Viết, Trường, Vĩnh, Phước
Quỳnh, Tuyết, Thục, Uyên, Thiện, Hạnh, Ánh, Yến, Hiền, Tố, Mai, Hương, Phi, Kiều, Tú
Đắc, Khải, Lâm, Phú, Sơn, Thái, Thuận, Trí, Tùng, Vũ, Hoa, Châu, Cao, Lệ, Diễm, Bội
Hiếu, Hòa, Hùng, Kiến, Lương, Nguyên, Nhân, Quý, Tâm, Thiết, Toàn, Tài, Tiểu, Vân
Thị Thu, Thị Thanh, Thị Ngọc, Thị Minh, Thị Kim, Thị Hồng, Thị Thùy, Thị Mai, Thị Lan
Văn Minh, Văn Thanh, Văn Đức, Văn Quang, Văn Hoàng, Văn Hữu, Đức Minh, Ngọc Minh
"""

GIVEN_NAMES = """
Anh, Linh, Trang, Hương, Hà, Hùng, Dũng, Tuấn, Nam, Minh, Thảo, Hoa, Lan, Mai, Ngọc, Hải
Long, Đức, Huy, Thu, Phương, Hằng, Thanh, Quang, Sơn, Hiếu, Trung, Khánh, Vy, Nhung
Thủy, Thúy, Giang, Hiền, Yến, Nga, Tâm, Hạnh, Vân, Nhi, Quân, Đạt, Cường, Bình, An
Hoàng, Phong, Thắng, Tùng, Vinh, Việt, Khoa, Kiên, Thịnh, Toàn, Tiến, Lộc, Phúc, Chi, My
Uyên, Quỳnh, Huyền, Ly, Châu, Ngân, Trinh, Trâm, Tú, Tài, Thái, Hậu, Loan, Dung, Duyên
Hưng, Hòa, Hân, Hiệp, Hoài, Lâm, Mạnh, Nghĩa, Nguyên, Phát, Phú, Quý, Thiện, Thông
Trọng, Tuyết, Vũ, Vương, Đông, Khang, Khôi, Kiệt, Lợi, Luân, Nhật, Oanh, Phượng, Sang
Tín, Trúc, Tuệ, Tường, Bảo, Bích, Cúc, Diệp, Hường, Kim, Lệ, Liên, Liễu, Mỹ, Ngà
Nguyệt, Nhàn, Thắm, Thơ, Thoa, Thư, Thương, Tiên, Trà, Vi, Ánh, Diễm, Đào, Giao, Hảo
Khuê, Lam, Như, Phụng, Quyên, Sen, Tuyền, Xuân, Bằng, Cảnh, Chiến, Công, Danh, Dân
Điệp, Định, Hào, Hiển, Hoan, Khải, Khiêm, Lập, Lực, Lượng, Ninh, Phi, Quyết, Sáng
Tấn, Thạch, Thăng, Thế, Thuận, Thức, Tiệp, Toản, Trường, Tư, Tuyên, Vĩnh, Vượng, Bách
Đăng, Hiệu, Kha, Lĩnh, Lương, Nhân, Quảng, Tạo, Triều, Trực, Uy, Vỹ, Hạ, Hồng, Huệ
Khanh, Khuyên, Lành, Liên, Loan, Lụa, Mơ, Nhiên, Sương, Thêu, Trầm, Xuyến, Dương, Đan
Hạnh, Kỳ, Nhã, Phấn, Quế, Thục, Tình, Tố, Ước, Vàng, Bắc, Chính, Dự, Đoan, Hợp, Ích
Kế, Lạc, Mẫn, Ngôn, Phước, Quyền, Sinh, Sỹ, Tân, Thành, Thịnh, Tĩnh, Trí, Tuân, Tuyến
Minh Anh, Ngọc Anh, Phương Anh, Tuấn Anh, Đức Anh, Hoàng Anh, Việt Anh, Quốc Anh, Bảo Anh
Lan Anh, Mai Anh, Vân Anh, Quỳnh Anh, Thùy Linh, Khánh Linh, Hoài Linh, Mỹ Linh, Diệu Linh
Thu Trang, Thùy Trang, Huyền Trang, Quỳnh Trang, Thu Hà, Thanh Hà, Ngọc Hà, Việt Hà
Thu Hương, Thanh Hương, Lan Hương, Mai Hương, Phương Thảo, Thanh Thảo, Ngọc Mai, Tuyết Mai
Hồng Nhung, Kim Ngân, Yến Nhi, Thảo Vy, Tường Vi, Gia Huy, Gia Bảo, Minh Khôi, Minh Quân
Anh Thư, Minh Thư, Ngọc Lan, Bảo Ngọc, Hồng Ngọc, Thanh Tâm, Minh Tâm, Thanh Tùng, Xuân Mai
Quốc Bảo, Đức Minh, Hoàng Nam, Thanh Nam, Minh Đức, Minh Hiếu, Trung Kiên, Mạnh Hùng
Quang Huy, Đức Huy, Minh Tuấn, Anh Tuấn, Văn Nam, Thanh Hải, Minh Hải, Ngọc Ánh, Kim Anh
Hải Yến, Hoàng Yến, Bảo Châu, Minh Châu, Thanh Thủy, Thu Thủy, Ngọc Diệp, Thanh Huyền
Khánh Huyền, Thu Hằng, Thúy Hằng, Minh Hằng, Thanh Xuân, Hương Giang, Trà My, Diễm My
"""

# Provinces and centrally governed cities, as they were until June 2025 (63) and as they
# are from 1 July 2025 (34, after the National Assembly's merger of provincial units).
# Only used to check that the places list holds them all; the order is set in PLACES.
PROVINCES_2024 = """
Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, An Giang, Bà Rịa Vũng Tàu, Bắc Giang
Bắc Kạn, Bạc Liêu, Bắc Ninh, Bến Tre, Bình Định, Bình Dương, Bình Phước, Bình Thuận, Cà Mau
Cao Bằng, Đắk Lắk, Đắk Nông, Điện Biên, Đồng Nai, Đồng Tháp, Gia Lai, Hà Giang, Hà Nam
Hà Tĩnh, Hải Dương, Hậu Giang, Hòa Bình, Hưng Yên, Khánh Hòa, Kiên Giang, Kon Tum, Lai Châu
Lâm Đồng, Lạng Sơn, Lào Cai, Long An, Nam Định, Nghệ An, Ninh Bình, Ninh Thuận, Phú Thọ
Phú Yên, Quảng Bình, Quảng Nam, Quảng Ngãi, Quảng Ninh, Quảng Trị, Sóc Trăng, Sơn La
Tây Ninh, Thái Bình, Thái Nguyên, Thanh Hóa, Thừa Thiên Huế, Tiền Giang, Trà Vinh
Tuyên Quang, Vĩnh Long, Vĩnh Phúc, Yên Bái
"""
PROVINCES_2025 = """
Hà Nội, Huế, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ, Lai Châu, Điện Biên, Sơn La
Lạng Sơn, Quảng Ninh, Thanh Hóa, Nghệ An, Hà Tĩnh, Cao Bằng, Tuyên Quang, Lào Cai
Thái Nguyên, Phú Thọ, Bắc Ninh, Hưng Yên, Ninh Bình, Quảng Trị, Quảng Ngãi, Gia Lai
Khánh Hòa, Lâm Đồng, Đắk Lắk, Đồng Nai, Tây Ninh, Vĩnh Long, Đồng Tháp, Cà Mau, An Giang
"""

PLACES = (
    # The names people put in passwords most, then the provinces the app's users serve
    # (Quảng Ninh; the Ministry of Foreign Affairs in Hà Nội).
    """
    Việt Nam, Hà Nội, Sài Gòn, Hồ Chí Minh, Quảng Ninh, Hạ Long, Đà Nẵng, Hải Phòng, Huế
    Nha Trang, Đà Lạt, Vũng Tàu, Cần Thơ, HCM, TPHCM, Thành phố Hồ Chí Minh, TP Hồ Chí Minh
    HCMC, Sapa, Sa Pa, Phú Quốc, Hội An, Vịnh Hạ Long, Thủ Đức, Nghệ An, Thanh Hóa, Hà Tĩnh
    Nam Định, Thái Bình, Hải Dương, Bắc Ninh, Hưng Yên, Ninh Bình, Quảng Nam, Quảng Ngãi
    Bình Dương, Đồng Nai, Biên Hòa, Buôn Ma Thuột, Pleiku, Quy Nhơn, Phan Thiết, Mũi Né
    Thủ đô, Hà Thành, Thủ đô Hà Nội, Thành phố Hà Nội, Tràng An, Thăng Long, Kẻ Chợ, Gia Định
    Cẩm Phả, Uông Bí, Móng Cái, Quảng Yên, Đông Triều, Vân Đồn, Cô Tô, Bãi Cháy, Tuần Châu
    Yên Tử, Tiên Yên, Hải Hà, Đầm Hà, Bình Liêu, Ba Chẽ, Hoành Bồ, Bái Tử Long, Quan Lạn
    Hòn Gai, Hồng Gai, Cửa Ông, Trà Cổ, Minh Châu, Vân Đồn, Ngọc Vừng
    """,
    # The rest of the 63 provinces and cities before July 2025, most populous first.
    """
    Thừa Thiên Huế, An Giang, Đắk Lắk, Kiên Giang, Tiền Giang, Bắc Giang, Long An, Đồng Tháp
    Gia Lai, Bình Định, Phú Thọ, Thái Nguyên, Lâm Đồng, Bến Tre, Sơn La, Khánh Hòa, Bình Thuận
    Tây Ninh, Sóc Trăng, Cà Mau, Vĩnh Phúc, Bà Rịa Vũng Tàu, Bà Rịa, Vĩnh Long, Bình Phước
    Trà Vinh, Quảng Bình, Phú Yên, Hòa Bình, Hà Nam, Bạc Liêu, Lạng Sơn, Yên Bái, Tuyên Quang
    Hà Giang, Hậu Giang, Lào Cai, Quảng Trị, Đắk Nông, Điện Biên, Ninh Thuận, Kon Tum
    Cao Bằng, Lai Châu, Bắc Kạn, Bắc Cạn, Đắc Lắc, Daklak, Đắk Lắc
    """,
    # Cities, towns and districts that are well known (Hà Nội's and Sài Gòn's first).
    """
    Hoàn Kiếm, Ba Đình, Cầu Giấy, Đống Đa, Hai Bà Trưng, Tây Hồ, Long Biên, Hoàng Mai
    Thanh Xuân, Hà Đông, Bắc Từ Liêm, Nam Từ Liêm, Từ Liêm, Gia Lâm, Đông Anh, Sóc Sơn
    Sơn Tây, Ba Vì, Mỹ Đình, Hồ Tây, Phố cổ, Quận 1, Quận 2, Quận 3, Quận 4, Quận 5, Quận 6
    Quận 7, Quận 8, Quận 9, Quận 10, Quận 11, Quận 12, Bình Thạnh, Phú Nhuận, Tân Bình
    Tân Phú, Gò Vấp, Bình Tân, Nhà Bè, Củ Chi, Hóc Môn, Bình Chánh, Cần Giờ, Chợ Lớn
    Thủ Dầu Một, Dĩ An, Thuận An, Long Thành, Nhơn Trạch, Hải Châu, Sơn Trà, Ngũ Hành Sơn
    Liên Chiểu, Hòa Vang, Tam Kỳ, Điện Bàn, Đồng Hới, Đông Hà, Vinh, Cửa Lò, Sầm Sơn
    Thanh Hóa, Việt Trì, Hòa Bình, Mộc Châu, Mai Châu, Điện Biên Phủ, Lai Châu, Hạ Lang
    Móng Cái, Lạng Sơn, Đồng Đăng, Hữu Nghị, Lào Cai, Bát Xát, Sa Đéc, Cao Lãnh, Mỹ Tho
    Châu Đốc, Long Xuyên, Rạch Giá, Hà Tiên, Bạc Liêu, Sóc Trăng, Cà Mau, Năm Căn, Côn Đảo
    Phan Rang, Tuy Hòa, Cam Ranh, Bảo Lộc, Di Linh, Kon Tum, Đồng Xoài, Tây Nguyên
    Đồ Sơn, Cát Bà, Cát Hải, Thủy Nguyên, Kiến An, Lê Chân, Ngô Quyền, Hồng Bàng
    Từ Sơn, Chí Linh, Phúc Yên, Tam Đảo, Tam Cốc, Tràng An, Hoa Lư, Bái Đính, Phủ Lý
    """,
    # Regions, rivers, seas and islands, landmarks.
    """
    Miền Bắc, Miền Trung, Miền Nam, Miền Tây, Bắc Bộ, Trung Bộ, Nam Bộ, Bắc Kỳ, Nam Kỳ
    Đông Bắc, Tây Bắc, Đồng bằng sông Hồng, Đồng bằng sông Cửu Long, Cửu Long, Mê Kông
    Mekong, Sông Hồng, Sông Hương, Sông Hàn, Sông Sài Gòn, Sông Đà, Sông Cầu, Biển Đông
    Hoàng Sa, Trường Sa, Phú Quý, Lý Sơn, Cù Lao Chàm, Côn Sơn, Bạch Long Vĩ, Cồn Cỏ
    Hồ Gươm, Hồ Hoàn Kiếm, Tháp Rùa, Văn Miếu, Quốc Tử Giám, Lăng Bác, Lăng Chủ tịch
    Quảng trường Ba Đình, Chùa Một Cột, Hồ Tây, Cầu Long Biên, Nhà hát Lớn, Chợ Bến Thành
    Bến Thành, Nhà thờ Đức Bà, Dinh Độc Lập, Bến Nhà Rồng, Bitexco, Landmark 81, Cầu Vàng
    Cầu Rồng, Bà Nà, Bà Nà Hills, Mỹ Sơn, Phong Nha, Phong Nha Kẻ Bàng, Sơn Đoòng, Fansipan
    Mẫu Sơn, Tam Đảo, Bạch Mã, Núi Bà Đen, Bà Đen, Cúc Phương, Cát Tiên, Pù Mát, Ba Bể
    Hồ Ba Bể, Thác Bản Giốc, Bản Giốc, Đèo Hải Vân, Hải Vân, Mã Pí Lèng, Hồ Xuân Hương
    Chùa Hương, Yên Tử, Chùa Bái Đính, Địa đạo Củ Chi, Kinh thành Huế, Đại Nội, Thiên Mụ
    Lăng Cô, Ghềnh Ráng, Tháp Bà, Núi Ngự, Cửa Việt, Vĩnh Mốc, Thành cổ Quảng Trị, Dốc Lết
    """,
)

AGENCIES = (
    # Acronyms first: they are short and they are what people type.
    """
    UBND, HĐND, Tỉnh ủy, Công an, BNG, MOFA, Sở TTTT, STTTT, STT&TT, UBNDTinh, UBMTTQ
    MTTQ, Thành ủy, Huyện ủy, Đảng ủy, BTTTT, BTT&TT, MIC, Bộ Ngoại giao, Ngoại giao
    Sở Thông tin và Truyền thông, Bộ Thông tin và Truyền thông, Thông tin và Truyền thông
    Ủy ban nhân dân, Hội đồng nhân dân, Ủy ban nhân dân tỉnh, UBND tỉnh, UBND thành phố
    UBNDTP, UBND huyện, UBND xã, UBND phường, HĐND tỉnh, Công an tỉnh, Công an nhân dân
    CAND, CATP, Bộ Công an, BCA, Công an xã, Công an phường, Cảnh sát
    Quốc hội, QH, ĐBQH, Đại biểu Quốc hội, Chính phủ, Thủ tướng, VPCP, Văn phòng Chính phủ
    Văn phòng, VPUB, VPUBND, Văn phòng UBND, VPTU, VPHĐND, Văn phòng Tỉnh ủy, VPĐBQH
    Đảng, Đảng bộ, Chi bộ, Đảng Cộng sản Việt Nam, ĐCSVN, Đảng Cộng sản, Trung ương, TW
    TƯ, BCH, BCHTW, Ban Chấp hành, Ban Chấp hành Trung ương, Bộ Chính trị, BCT, Ban Bí thư
    Ban Tuyên giáo, BTG, Ban Tổ chức, BTC, Ban Dân vận, BDV, Ban Nội chính, BNC, UBKT
    Ủy ban Kiểm tra, Ban Đối ngoại, BĐN, Ban Kinh tế, Mặt trận, Mặt trận Tổ quốc
    Mặt trận Tổ quốc Việt Nam, UBMTTQVN, MTTQVN
    """,
    # Ministries and provincial departments (Bộ, Sở), with their Vietnamese and English
    # acronyms, including the ones formed by the 2025 mergers.
    """
    Bộ Quốc phòng, BQP, Quân đội, Quân đội nhân dân, QĐND, Bộ đội, Biên phòng, BĐBP
    Bộ đội Biên phòng, Bộ Nội vụ, BNV, Sở Nội vụ, SNV, Bộ Tài chính, Sở Tài chính, STC
    Bộ Kế hoạch và Đầu tư, BKHĐT, Sở Kế hoạch và Đầu tư, SKHĐT, Bộ Giáo dục và Đào tạo
    BGDĐT, Sở Giáo dục và Đào tạo, SGDĐT, Sở Giáo dục, Phòng Giáo dục, Bộ Y tế, BYT, Sở Y tế
    SYT, Bộ Giao thông vận tải, BGTVT, Sở Giao thông vận tải, SGTVT, Bộ Xây dựng, BXD
    Sở Xây dựng, SXD, Bộ Tài nguyên và Môi trường, BTNMT, Sở Tài nguyên và Môi trường, STNMT
    Bộ Nông nghiệp và Phát triển nông thôn, BNNPTNT, Sở Nông nghiệp và Phát triển nông thôn
    SNNPTNT, Bộ Nông nghiệp và Môi trường, BNNMT, Sở Nông nghiệp và Môi trường, SNNMT
    Bộ Lao động Thương binh và Xã hội, BLĐTBXH, Sở Lao động Thương binh và Xã hội, SLĐTBXH
    Bộ Công Thương, Sở Công Thương, SCT, Bộ Văn hóa Thể thao và Du lịch, BVHTTDL
    Sở Văn hóa Thể thao và Du lịch, SVHTTDL, Sở Văn hóa, Sở Du lịch, Bộ Tư pháp, BTP
    Sở Tư pháp, STP, Bộ Khoa học và Công nghệ, BKHCN, Sở Khoa học và Công nghệ, SKHCN
    Bộ Dân tộc và Tôn giáo, Ủy ban Dân tộc, UBDT, Ban Dân tộc, Sở Ngoại vụ, SNgV, SNV
    Ngân hàng Nhà nước, NHNN, Thanh tra Chính phủ, TTCP, Thanh tra, Thanh tra tỉnh
    Kiểm toán Nhà nước, KTNN, Tòa án, Tòa án nhân dân, TAND, TANDTC, Viện kiểm sát
    Viện kiểm sát nhân dân, VKSND, VKSNDTC, Cục Thuế, Tổng cục Thuế, Thuế, Hải quan
    Tổng cục Hải quan, Kho bạc, Kho bạc Nhà nước, KBNN, Bảo hiểm xã hội, BHXH, BHYT
    Chi cục, Trung tâm, Học viện Ngoại giao, HVNG, DAV
    Đại sứ quán, ĐSQ, Tổng Lãnh sự quán, TLSQ, Lãnh sự quán, Cục Lãnh sự, Cục Lễ tân
    Vụ Thông tin Báo chí, Ủy ban Nhà nước về người Việt Nam ở nước ngoài
    MPS, MOD, MOHA, MOF, MPI, MOET, MOH, MOT, MOC, MONRE, MARD, MAE, MOLISA, MOIT, MOCST
    MOJ, MOST, SBV, GSO, DOST, DOIC, DONRE, DPI, DOF, DOH, DOET
    """,
    # Mass organisations, e-government, state companies and media.
    """
    Đoàn Thanh niên, Đoàn TN, ĐTN, Đoàn viên, TNCS, Đoàn Thanh niên Cộng sản Hồ Chí Minh
    Hội Liên hiệp Phụ nữ, HLHPN, Hội Phụ nữ, Phụ nữ, Hội Nông dân, HND, Hội Cựu chiến binh
    HCCB, Công đoàn, Liên đoàn Lao động, LĐLĐ, Tổng Liên đoàn Lao động Việt Nam, TLĐLĐVN
    Cổng thông tin điện tử, CTTĐT, Cổng thông tin, Dịch vụ công, DVC, DVCQG, Dịch vụ công
    Một cửa, Bộ phận một cửa, Trung tâm Phục vụ hành chính công, TTPVHCC, Hành chính công
    eGov, Chính quyền điện tử, Chính phủ điện tử, Chuyển đổi số, CĐS, VNeID, VNeGov
    GovVN, ChinhPhuVN, QuangNinhGovVN, MOFAGovVN, MICGovVN, MPSGovVN
    VNPT, Viettel, EVN, PVN, Petrolimex, VNPost, Bưu điện, MobiFone, VinaPhone, TKV
    Vinacomin, Than Việt Nam, Than Quảng Ninh, VTV, VOV, TTXVN, Nhân Dân, Báo Nhân Dân
    Báo Quảng Ninh, QTV, Trung tâm Truyền thông tỉnh, Báo Chính phủ, VTC, Vietnam News
    UBND Quảng Ninh, UBND tỉnh Quảng Ninh, Tỉnh ủy Quảng Ninh, HĐND Quảng Ninh
    Sở TTTT Quảng Ninh, STTTTQN, Công an Quảng Ninh, UBNDQN, QN, UBND Hà Nội, UBNDHN
    UBND TPHCM, Công an Hà Nội, CATPHN, BNGVN, MOFAVN
    """,
)

WORDS = (
    # What Vietnamese passwords are most often built on.
    """
    mật khẩu, anh yêu em, em yêu anh, yêu em, yêu anh, iloveyou, Việt Nam, Hà Nội, Sài Gòn
    Hồ Chí Minh, mật khẩu mới, anh yêu, em yêu, tình yêu, hạnh phúc, gia đình, xin chào
    yêu em nhiều, anh yêu em nhiều, em yêu anh nhiều, yêu thương, thương em, thương anh
    nhớ em, nhớ anh, mãi yêu em, yêu em mãi mãi, anh yêu em mãi mãi, mãi mãi, bên nhau
    mãi bên nhau, mãi mãi bên nhau, người yêu, vợ yêu, chồng yêu, con yêu, bé yêu, em bé
    iu em, iu anh, em iu, anh iu, yêu, thương, nhớ, anh, em, admin, quản trị, tài khoản
    đăng nhập, bí mật, bảo mật, không biết, không có, mặc định, quên mật khẩu, đổi mật khẩu
    mật mã, mk, pass, hihi, haha, hehe, hoho, huhu, kaka, keke
    hic, hixhix, chào em, chào anh, chào bạn, xin chào Việt Nam, cảm ơn, xin lỗi, tạm biệt
    Việt Nam vô địch, Việt Nam muôn năm, Việt Nam ơi, Bác Hồ, cute, kute, dễ thương, đẹp trai
    xinh gái, xinh đẹp, thiên thần, công chúa, hoàng tử, bé bỏng, cục cưng, bé con, cưng
    """,
    # Family, friends and nicknames.
    """
    bố, mẹ, bố mẹ, ba mẹ, cha mẹ, ba, má, ba má, cha, ông bà, ông, bà, con, con trai, con gái
    anh trai, em gái, chị gái, em trai, chị, vợ, chồng, vợ chồng, gia đình nhỏ
    gia đình là tất cả, gia đình hạnh phúc, bạn bè, bạn thân, tri kỷ, tình bạn, anh em
    chị em, người thương, người ấy, nửa kia, crush, nhóc, nhóc con, cún, cún con, mèo con
    heo con, gấu con, gấu yêu, thỏ con, chuột con, bé heo, bé mèo, bé bi, bé na, bống
    bin, bon, bi, bo, bi bo, tôm, tép, su, na, ku, cu, tí, tèo, tũn, tít, bông, sóc, mít
    nấm, bơ, bắp, cốm, gạo, kem, mochi, sữa, mít ướt, xu, xuxu, bống bang, cò, bông bông
    """,
    # Feelings, wishes and values.
    """
    vui vẻ, vui, buồn, cô đơn, nhớ nhung, yêu đời, hy vọng, niềm tin, ước mơ, giấc mơ
    tự do, độc lập, hòa bình, bình an, bình yên, yên bình, an nhiên, may mắn, thành công
    thành đạt, phát tài, phát lộc, tài lộc, phúc lộc thọ, phúc lộc, phú quý, thịnh vượng
    an khang thịnh vượng, vạn sự như ý, giàu có, tiền, tiền bạc, vàng, kim cương, đô la
    sức khỏe, trường thọ, chúc mừng năm mới, năm mới, tết, tết nguyên đán, mùa xuân
    mùa hạ, mùa hè, mùa thu, mùa đông, xuân, hạ, thu, đông, độc lập tự do hạnh phúc
    cộng hòa xã hội chủ nghĩa Việt Nam, chủ nghĩa xã hội, vì nhân dân phục vụ
    trung với nước hiếu với dân, quyết thắng, vô địch, chiến thắng, anh hùng, tổ quốc
    quê hương, đất nước, nhân dân, dân tộc, đồng bào, con rồng cháu tiên, yêu nước
    """,
    # Common words of everyday life, two syllables and more.
    """
    cuộc sống, thời gian, con người, cuộc đời, tuổi trẻ, thanh xuân, kỷ niệm, quá khứ
    tương lai, hiện tại, ký ức, số phận, định mệnh, duyên phận, nhân duyên, nụ cười
    nước mắt, trái tim, con tim, linh hồn, tâm hồn, yêu đương, hẹn hò, đám cưới, tổ ấm
    mái ấm, ngôi nhà, nhà tôi, nhà mình, quê nhà, về quê, bình minh, hoàng hôn, ánh sáng
    bóng tối, sức mạnh, huyền thoại, siêu nhân, vô cực, vĩnh cửu, vĩnh viễn, trọn đời
    suốt đời, một đời, trăm năm, thiên đường, địa ngục, ác quỷ, ma quỷ, sát thủ, chiến binh
    hiệp sĩ, thủ lĩnh, vua, hoàng đế, nữ hoàng, đại ca, đại gia, tiểu thư, công tử, thiếu gia
    học tập, làm việc, học hành, trường học, lớp học, đại học, thầy cô, bạn học, công việc
    cơ quan, văn phòng, cán bộ, công chức, viên chức, công an, bộ đội, chiến sĩ, lãnh đạo
    giám đốc, trưởng phòng, phó phòng, chuyên viên, văn thư, kế toán, thủ quỹ, bí thư
    chủ tịch, phó chủ tịch, đảng viên, đoàn viên, hội viên, nhân viên, sinh viên, học sinh
    giáo viên, thầy giáo, cô giáo, bác sĩ, y tá, kỹ sư, luật sư, nhà báo, phóng viên
    nông dân, công nhân, quân đội, cảnh sát, an ninh, nhà nước, chính phủ, ngoại giao
    """,
    # Nature, colours, animals.
    """
    mặt trời, mặt trăng, ngôi sao, bầu trời, biển, biển xanh, trời xanh, mây trắng, mây
    hoa hồng, hoa mai, hoa đào, hoa sen, hoa cúc, hoa lan, hoa sữa, hoa phượng, hoa, cỏ
    lá, cây, rừng, sông, núi, suối, nắng, mưa, gió, bão, sương, tuyết, trăng, sao, trời
    đất, nước, lửa, xanh, đỏ, vàng, trắng, đen, tím, hồng, xanh lá, xanh dương, màu xanh
    màu đỏ, màu tím, màu hồng, màu đen, màu trắng, con mèo, con chó, con gà, con heo
    con lợn, con trâu, con bò, con ngựa, con hổ, con rồng, con rắn, con khỉ, con dê
    con chuột, con cá, con chim, con voi, con gấu, mèo, chó, gà, vịt, trâu, bò, ngựa, hổ
    cọp, rồng, rắn, khỉ, dê, chuột, cá, chim, voi, gấu, thỏ, sói, heo, lợn, cáo, đại bàng
    phượng hoàng, kỳ lân, chim én, bồ câu, cá heo, cá mập, bướm, ong, kiến, rùa
    """,
    # Numbers, days, months, the lunar calendar (the 60 year names follow this list).
    """
    một, hai, ba, bốn, năm, sáu, bảy, tám, chín, mười, một hai ba, một hai ba bốn
    một hai ba bốn năm sáu, không một hai ba, trăm, nghìn, ngàn, triệu, tỷ, số một
    thứ hai, thứ ba, thứ tư, thứ năm, thứ sáu, thứ bảy, chủ nhật, tháng giêng, tháng một
    tháng hai, tháng ba, tháng tư, tháng năm, tháng sáu, tháng bảy, tháng tám, tháng chín
    tháng mười, tháng mười một, tháng mười hai, tháng chạp, hôm nay, ngày mai, hôm qua
    sáng, trưa, chiều, tối, đêm, buổi sáng, buổi tối, ban đêm, sinh nhật, ngày sinh
    tý, sửu, dần, mão, mẹo, thìn, tỵ, ngọ, mùi, thân, dậu, tuất, hợi
    giáp, ất, bính, đinh, mậu, kỷ, canh, tân, nhâm, quý, âm lịch, dương lịch
    """,
    # Food and drink.
    """
    phở, phở bò, phở gà, bánh mì, bún bò, bún bò Huế, bún chả, bún riêu, bún đậu, cơm tấm
    cơm, cà phê, cà phê sữa, cà phê đen, cafe, cà phê sữa đá, trà sữa, trà đá, trà, bia
    rượu, bánh chưng, bánh tét, nem, nem rán, chả giò, gỏi cuốn, bánh xèo, hủ tiếu, mì tôm
    mì Quảng, cao lầu, chè, xôi, trứng, gà rán, sữa chua, bánh cuốn, bánh bao, lẩu, chả cá
    """,
    # Brands, services and media that people in Việt Nam use every day.
    """
    Zalo, Zing, Zing Me, Facebook, Gmail, FPT, Viettel, VNPT, MobiFone, VinaPhone
    Vietcombank, VCB, VietinBank, BIDV, Agribank, Techcombank, MBBank, VPBank, Sacombank
    ACB, TPBank, MoMo, VNPay, ZaloPay, Shopee, Tiki, Lazada, Grab, Be, VinFast, Vingroup
    Vinamilk, Vietjet, Vietnam Airlines, VTV, VTV3, VnExpress, Dân trí, Tuổi trẻ, Thanh niên
    VietnamNet, Kênh 14, 24h, Võ Lam, Võ Lâm Truyền Kỳ, Gunny, Audition, Liên Quân
    Liên Quân Mobile, Free Fire, Đột Kích, Đế Chế, PUBG
    """,
    # Stories, religion, football and school.
    """
    Truyện Kiều, Thúy Kiều, Kim Trọng, Thánh Gióng, Sơn Tinh, Thủy Tinh, Lạc Long Quân
    Âu Cơ, Thạch Sanh, Tấm Cám, cô Tấm, Chí Phèo, Thị Nở, Lão Hạc, Dế Mèn, Đôrêmon, Doraemon
    Nobita, Tôn Ngộ Không, Tây Du Ký, Phật, Đức Phật, A Di Đà Phật, Nam mô A Di Đà Phật
    Phật tổ, Quan Âm, Quán Thế Âm, Chúa, Chúa Giêsu, Thiên Chúa, Đức Mẹ, Amen, Alleluia
    bóng đá, đội tuyển, đội tuyển Việt Nam, U23, U23 Việt Nam, HAGL, Hoàng Anh Gia Lai
    Thể Công, Viettel FC, Hà Nội FC, cổ động viên, vô địch AFF, AFF Cup, SEA Games
    học giỏi, chăm ngoan, thi đỗ, điểm mười, lớp trưởng, hội học sinh, trường chuyên
    """,
    # Slang and everyday words.
    """
    chất, đỉnh, xịn, pro, vip, gà, trẻ trâu, sống ảo, thả thính, cảm nắng, tán gái
    dân chơi, đại bàng, ngầu, chảnh, kool, cool ngầu, bá đạo, siêu cấp, vô đối, hết sảy
    quá đỉnh, tuyệt vời, tuyệt, số zách, đẳng cấp, vô đối, cao thủ, thần đồng, bất bại
    máy tính, điện thoại, mạng, wifi, internet, email, thư điện tử, mã số, số điện thoại
    """,
)


def can_chi() -> list[str]:
    """The 60 names of the lunar years (Giáp Tý, Ất Sửu, ... Quý Hợi): "canhngo", ..."""
    stems = entries("Giáp, Ất, Bính, Đinh, Mậu, Kỷ, Canh, Tân, Nhâm, Quý")
    branches = entries("Tý, Sửu, Dần, Mão, Thìn, Tỵ, Ngọ, Mùi, Thân, Dậu, Tuất, Hợi")
    return [stems[year % 10] + branches[year % 12] for year in range(60)]


def build() -> dict[str, list[str]]:
    """Every list, by file name (without .txt), in rank order."""
    lists = {
        "vi_syllables": syllables(),
        "vi_words": ranked([*entries(*WORDS), *can_chi()]),
        "vi_family_names": ranked(entries(FAMILY_NAMES)),
        "vi_middle_names": ranked(entries(MIDDLE_NAMES)),
        "vi_given_names": ranked(entries(GIVEN_NAMES)),
        "vi_places": ranked(entries(*PLACES)),
        "vi_agencies": ranked(entries(*AGENCIES)),
    }
    places = set(lists["vi_places"])
    for name, block, count in (
        ("PROVINCES_2024", PROVINCES_2024, 63),
        ("PROVINCES_2025", PROVINCES_2025, 34),
    ):
        units = ranked(entries(block))
        assert len(units) == count, f"{name}: {len(units)} units, not {count}"
        missing = [unit for unit in units if unit not in places]
        assert not missing, f"vi_places lacks {missing} of {name}"
    for name, items in lists.items():
        bad = [item for item in items if not re.fullmatch(r"[a-z0-9]{2,}", item)]
        assert not bad, f"{name}: malformed entries {bad[:5]}"
        assert len(items) == len(set(items)), f"{name}: duplicates"
    return lists


def text_of(items: list[str]) -> str:
    return "".join(f"{item}\n" for item in items)


def bootstrap(argv: list[str]) -> int:
    """Run this script again with wordfreq installed in a throw-away virtual environment."""
    print(f"make-wordlists: installing wordfreq=={WORDFREQ_VERSION} in a temporary venv")
    with tempfile.TemporaryDirectory(prefix="make-wordlists-") as tmp:
        venv.create(tmp, with_pip=True)
        python = str(Path(tmp) / ("Scripts" if sys.platform == "win32" else "bin") / "python")
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", f"wordfreq=={WORDFREQ_VERSION}"],
            check=True,
        )
        return subprocess.run([python, __file__, *argv, "--no-bootstrap"], check=False).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder of the .txt files")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument(
        "--no-bootstrap", action="store_true", help="fail instead of installing wordfreq"
    )
    args = parser.parse_args()
    try:
        import wordfreq  # noqa: F401 - only checks that it is there
    except ImportError:
        if args.no_bootstrap:
            sys.exit(f"make-wordlists: needs wordfreq=={WORDFREQ_VERSION} (pip install it)")
        return bootstrap(sys.argv[1:])

    lists = build()
    stale = []
    for name, items in lists.items():
        path = args.out / f"{name}.txt"
        text = text_of(items)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"{path}: {len(items)} entries, {len(text.encode())} bytes")
    if stale:
        print(f"make-wordlists: out of date: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
