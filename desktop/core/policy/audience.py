"""Who the codes apply to, what kind of account they cover, and the programmes a summary
can be made under: the policy's own vocabularies."""

from enum import StrEnum


class Category(StrEnum):
    """Who the codes apply to (BNG-2.1 to BNG-2.3)."""

    OFFICIAL = "official"  # cán bộ, công chức
    PUBLIC_EMPLOYEE = "public_employee"  # viên chức
    RESERVE_PROBATIONARY = "reserve_probationary"  # công chức dự bị, viên chức tập sự
    CONTRACT = "contract"  # nhân viên hợp đồng
    SECONDED = "seconded"  # cán bộ biệt phái
    MISSION_MEMBER = "mission_member"  # thành viên cơ quan đại diện
    ACCOMPANYING_SPOUSE = "accompanying_spouse"  # phu nhân, phu quân hưởng sinh hoạt phí
    STUDYING_ABROAD = "studying_abroad"  # đang học tập, nghiên cứu ở nước ngoài


class AccountKind(StrEnum):
    PERSONAL = "personal"  # the person's own account or profile
    OFFICIAL_PAGE = "official_page"  # a page or channel of the agency that the person administers


class ProgrammeId(StrEnum):
    """The programmes a summary can be made under."""

    ONBOARDING = "onboarding"
    ANNUAL = "annual"
    PREDEPLOYMENT = "predeployment"
