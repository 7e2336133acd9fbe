"""The parties of a collection case: natural persons and organisations.

Identity numbers are checked by their checksum here; checks that relate two fields
(stated sex against the ID number) are rules in ``docgen.documents.parts`` so that
they report on the right field. A person without full capacity acts through a guardian,
its legal representative (法定代理人, 民法典 art. 23): :class:`Guardian`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from docgen.domain.disclosure import ADVANCED, shown_when
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.domain.identity import IdentityError, ResidentId, parse_resident_id, parse_uscc

CHECKSUMMED_ID_TYPES = ("居民身份证", "港澳台居民居住证")


def _identity_error(exc: IdentityError) -> PydanticCustomError:
    return PydanticCustomError(exc.code, exc.message)


IdType = Literal["居民身份证", "港澳台居民居住证", "护照", "其他"]

GUARDIAN_RELATIONS = {
    "father": "父亲",
    "mother": "母亲",
    "spouse": "配偶",
    "child": "子女",
    "other": "其他监护人",
    "organization": "组织（民政部门、居委会、村委会等）",
}
"""The guardians 民法典 arts. 27, 28 name first (parents of a minor; spouse, parents and
adult children of an adult), any other guardian, whose relation is written out, and an
organisation (arts. 27(2)(3), 28(4), 31, 32)."""

GUARDIAN_BASES = {
    "civil_affairs": "民政部门（民法典第三十二条）",
    "committee": "被监护人住所地的居民委员会、村民委员会（民法典第三十二条）",
    "designated": "依法被指定（民法典第三十一条）",
    "willing": "愿意担任监护人的组织，经同意（民法典第二十七条、第二十八条）",
}
"""Why an organisation is the guardian: 民法典 art. 32 (没有依法具有监护资格的人的，监护人
由民政部门担任，也可以由具备履行监护职责条件的被监护人住所地的居民委员会、村民委员会担任),
art. 31 (designated by the 居委会/村委会/民政部门 or the court), arts. 27(2)(3), 28(4)
(其他愿意担任监护人的个人或者组织，但是须经被监护人住所地的居民委员会、村民委员会或者民政部门
同意)."""


def _check_id_number(value: str | None, info: ValidationInfo) -> str | None:
    if value is None or info.data.get("id_type") not in CHECKSUMMED_ID_TYPES:
        return value
    try:
        return parse_resident_id(value).number
    except IdentityError as exc:
        raise _identity_error(exc) from None


def checked_uscc(value: object) -> object:
    """A typed USCC checked (GB 32100-2015 check character) and normalised, for a model's
    ``field_validator``; anything else passed on for the field's own type check."""
    if not isinstance(value, str):
        return value
    try:
        return parse_uscc(value).number
    except IdentityError as exc:
        raise _identity_error(exc) from None


NATURAL = ("father", "mother", "spouse", "child", "other")
_ORGANISATION = shown_when("relation", "organization")


class Guardian(CaseModel):
    """The guardian of a person without full capacity, who acts for the person as the
    法定代理人 (民法典 arts. 23, 27, 28; 民事诉讼法 art. 60): a natural person, or an
    organisation (``relation`` ``organization``: arts. 31, 32; 民诉法解释 art. 83), which
    has a USCC and acts through its 负责人 and whose ``basis`` says why it is the guardian."""

    name: Line = Field(title="姓名或名称", json_schema_extra={"former_titles": ["姓名"]})
    relation: Literal["father", "mother", "spouse", "child", "other", "organization"] = Field(
        title="与被监护人的关系",
        json_schema_extra={"enum_titles": list(GUARDIAN_RELATIONS.values())},
    )
    relation_text: ShortText | None = Field(
        default=None,
        title="其他关系",
        description="如 祖父、外祖母、兄、姐；按「系某某之祖父」的写法填写称谓",
        json_schema_extra=shown_when("relation", "other"),
    )
    sex: Literal["男", "女"] | None = Field(
        default=None, title="性别", json_schema_extra=shown_when("relation", *NATURAL)
    )
    id_type: IdType = Field(
        default="居民身份证",
        title="证件类型",
        json_schema_extra={**ADVANCED, **shown_when("relation", *NATURAL)},
    )
    id_number: ShortText | None = Field(
        default=None, title="证件号码", json_schema_extra=shown_when("relation", *NATURAL)
    )
    uscc: ShortText | None = Field(
        default=None, title="统一社会信用代码", json_schema_extra=_ORGANISATION
    )
    representative: ShortText | None = Field(
        default=None,
        title="负责人（法定代表人）",
        description="组织监护人由其负责人代表签字，如 民政局局长、居委会主任",
        json_schema_extra=_ORGANISATION,
    )
    representative_title: Literal["负责人", "法定代表人"] = Field(
        default="负责人", title="负责人称谓", json_schema_extra=_ORGANISATION
    )
    representative_position: ShortText | None = Field(
        default=None,
        title="负责人职务",
        description="如 局长、主任",
        json_schema_extra=_ORGANISATION,
    )
    basis: Literal["civil_affairs", "committee", "designated", "willing"] | None = Field(
        default=None,
        title="担任监护人的依据",
        json_schema_extra={**_ORGANISATION, "enum_titles": list(GUARDIAN_BASES.values())},
    )
    consent_by: Line | None = Field(
        default=None,
        title="同意其担任监护人的单位",
        description="愿意担任监护人的组织须经被监护人住所地的居民委员会、村民委员会或者民政部门"
        "同意（民法典第二十七条、第二十八条），如 北京市东城区民政局",
        json_schema_extra=shown_when("basis", "willing"),
    )
    phone: Phone | None = Field(default=None, title="联系电话")
    address: Text | None = Field(
        default=None, title="住所地", description="函件寄送至此地址；不填则寄往被监护人住所地"
    )

    _check_id = field_validator("id_number")(_check_id_number)

    @field_validator("uscc", mode="before")
    @classmethod
    def _check_uscc(cls, value: object) -> object:
        return checked_uscc(value)

    @property
    def is_organization(self) -> bool:
        return self.relation == "organization"


class Person(CaseModel):
    """A natural person (自然人)."""

    kind: Literal["person"] = Field(title="主体类型", json_schema_extra={"enum_titles": ["自然人"]})
    name: ShortText = Field(title="姓名")
    sex: Literal["男", "女"] = Field(title="性别")
    id_type: IdType = Field(default="居民身份证", title="证件类型", json_schema_extra=ADVANCED)
    id_number: ShortText | None = Field(default=None, title="证件号码")
    birth_date: date | None = Field(default=None, title="出生日期", json_schema_extra=ADVANCED)
    ethnicity: ShortText | None = Field(default=None, title="民族", json_schema_extra=ADVANCED)
    address: Text = Field(title="住所地", description="户籍所在地或经常居住地，用于送达")
    habitual_residence: Text | None = Field(
        default=None, title="经常居住地", json_schema_extra=ADVANCED
    )
    phone: Phone | None = Field(default=None, title="联系电话")
    employer: Line | None = Field(default=None, title="工作单位", json_schema_extra=ADVANCED)
    position: ShortText | None = Field(default=None, title="职务", json_schema_extra=ADVANCED)
    capacity: Literal["full", "limited", "none"] = Field(
        default="full",
        title="民事行为能力",
        description="经法院认定或依年龄属限制或无民事行为能力的，须由监护人代理（民法典第二十三条）",
        json_schema_extra={
            **ADVANCED,
            "enum_titles": ["完全民事行为能力", "限制民事行为能力", "无民事行为能力"],
        },
    )
    own_income: bool = Field(
        default=False,
        title="以自己的劳动收入为主要生活来源",
        description="十六周岁以上的未成年人以自己的劳动收入为主要生活来源的，视为完全民事行为能力人"
        "（民法典第十八条第二款）",
        json_schema_extra=ADVANCED,
    )
    guardian: Guardian | None = Field(
        default=None,
        title="法定代理人（监护人）",
        description="未成年人或无、限制民事行为能力人由其监护人作为法定代理人（民法典第二十三条）："
        "函件经其送达，协议、诉状等由其代为签字",
        json_schema_extra=ADVANCED,
    )

    _check_id = field_validator("id_number")(_check_id_number)


class Organization(CaseModel):
    """A company or other organisation (法人或非法人组织)."""

    kind: Literal["organization"] = Field(
        title="主体类型", json_schema_extra={"enum_titles": ["法人或其他组织"]}
    )
    name: Line = Field(title="名称")
    uscc: ShortText = Field(title="统一社会信用代码")
    address: Text = Field(title="住所地", description="主要办事机构所在地")
    legal_representative: ShortText = Field(title="法定代表人/主要负责人")
    representative_title: ShortText = Field(
        default="法定代表人", title="职务", json_schema_extra=ADVANCED
    )
    representative_position: ShortText | None = Field(
        default=None,
        title="法定代表人（负责人）的职务",
        description="如 执行董事、总经理",
        json_schema_extra=ADVANCED,
    )
    org_type: ShortText | None = Field(
        default=None, title="组织类型", description="如 有限责任公司", json_schema_extra=ADVANCED
    )
    ownership: Literal["state", "state_holding", "state_share", "private", "other"] | None = Field(
        default=None,
        title="所有制性质",
        json_schema_extra={
            **ADVANCED,
            "enum_titles": ["国有", "国有控股", "国有参股", "民营", "其他"],
        },
    )
    phone: Phone | None = Field(default=None, title="联系电话")

    @field_validator("uscc", mode="before")
    @classmethod
    def _check_uscc(cls, value: object) -> object:
        return checked_uscc(value)


Party = Annotated[Person | Organization, Field(discriminator="kind")]


def decoded_id(person: Person | Guardian) -> ResidentId | None:
    """What a checksummed ID number states (birth date, sex; GB 11643-1999, a 港澳台居民
    居住证 number built the same way), or None: another document, no number, or an invalid
    one (reported on the field itself)."""
    if person.id_number and person.id_type in CHECKSUMMED_ID_TYPES:
        try:
            return parse_resident_id(person.id_number)
        except IdentityError:
            return None
    return None


def birth_date_of(person: Person | Guardian) -> date | None:
    """The birth date as typed, else as the ID number encodes it (digits 7–14)."""
    typed: date | None = getattr(person, "birth_date", None)  # a guardian has none
    if typed is not None:
        return typed
    decoded = decoded_id(person)
    return decoded.birth_date if decoded is not None else None
