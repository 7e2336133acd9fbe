"""A sender profile: the letterhead and details of a law firm or a creditor, stored once.

Letters reference a profile by id instead of retyping the firm's name, address, lawyer
and license number each time; the profile's letter-number prefix ("京某") names the
firm's series of letter numbers "（2026）京某律函字第12号".
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from docgen.documents.part_models import BankAccount, LetterAccount
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.domain.identity import IdentityError, parse_uscc

KIND_TITLES = {"law_firm": "律师事务所", "creditor": "债权人"}


def _license_number(value: str) -> str:
    digits = value.replace(" ", "")
    if len(digits) != 17 or not digits.isdigit():
        raise PydanticCustomError(
            "license_number_format", "律师执业证号应为17位数字（见律师执业证）"
        )
    return digits


def _uscc(value: str) -> str:
    try:
        return parse_uscc(value).number
    except IdentityError as exc:
        raise PydanticCustomError(exc.code, exc.message) from None


Uscc = Annotated[str, Field(max_length=30), AfterValidator(_uscc)]
"""统一社会信用代码, checked by its check character (GB 32100-2015)."""

LicenseNumber = Annotated[str, Field(max_length=30), AfterValidator(_license_number)]
"""律师执业证号: 17 digits."""

LetterPrefix = Annotated[
    str,
    Field(
        min_length=1,
        max_length=10,
        pattern=r"^[\u4e00-\u9fffA-Za-z0-9]+$",
        title="函号前缀",
        description="律师函编号中年份之后的字样，如 京某（编号形如（2026）京某律函字第1号）",
    ),
]


class ProfileAccount(LetterAccount):
    """A profile's bank account. Only a creditor's is where a debtor pays, so only a
    creditor's may be held by someone else, whose relation the letter states (民法典 art.
    522(1)); a law firm's account is its own and is never the payment account."""

    holder_relation: ShortText | None = Field(
        default=None,
        title="收款人与债权人的关系",
        description="仅债权人：收款账户不是债权人本人的账户时必填，如 法定代表人",
        # the profile's kind, one level up: drawn for a creditor's profile only
        json_schema_extra=shown_when("../kind", "creditor"),
    )
    payee_authorization: bool = Field(
        default=False,
        title="附收款授权书",
        description="仅债权人：收款账户不是债权人本人的账户时，随函附收款授权书",
        json_schema_extra=shown_when("../kind", "creditor"),
    )


class FirmAccount(BankAccount):
    """A law firm's own account, as a lawyer letter's inline firm gives it: no holder."""


class SenderProfile(CaseModel):
    """The stored details of who sends letters (a law firm or the creditor itself)."""

    name: Line = Field(title="名称", description="如 北京某某律师事务所")
    kind: Literal["law_firm", "creditor"] = Field(
        default="law_firm",
        title="类型",
        json_schema_extra={"enum_titles": list(KIND_TITLES.values())},
    )
    uscc: Uscc | None = Field(
        default=None,
        title="统一社会信用代码",
        description="债权人为单位时填写，套用后填入文书的债权人；律师事务所填写执业许可证上的"
        "统一社会信用代码，用于律师事务所函",
    )
    address: Text = Field(title="地址")
    legal_representative: ShortText | None = Field(
        default=None,
        title="法定代表人/主要负责人",
        json_schema_extra=shown_when("kind", "creditor"),
    )
    signatory: ShortText | None = Field(
        default=None,
        title="签署人",
        description="代表债权人在函件上签字的人",
        json_schema_extra=shown_when("kind", "creditor"),
    )
    signatory_title: ShortText | None = Field(
        default=None, title="签署人职务", json_schema_extra=shown_when("kind", "creditor")
    )
    contact_person: ShortText | None = Field(
        default=None, title="联系人", description="债务人联系付款事宜的人；不填则为承办律师或名称"
    )
    phone: Phone = Field(title="电话")
    email: ShortText | None = Field(
        default=None, title="电子邮箱", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )
    lawyer_name: ShortText | None = Field(default=None, title="承办律师")
    license_number: LicenseNumber | None = Field(default=None, title="律师执业证号")
    letter_prefix: LetterPrefix | None = Field(default=None)
    bank_account: ProfileAccount | None = Field(default=None, title="收款账户")
    letterhead: Line | None = Field(
        default=None, title="信头", description="函件顶部的一行，如 北京某某律师事务所 · 律师函"
    )

    @field_validator("bank_account")
    @classmethod
    def _holder_of_a_creditors_account(cls, account: Any, info: ValidationInfo) -> Any:
        # a law firm's account is its own, never where a debtor pays (demand_letter.resolve)
        if info.data.get("kind") != "law_firm" or account is None:
            return account
        if getattr(account, "holder_relation", None) or getattr(
            account, "payee_authorization", False
        ):
            raise PydanticCustomError(
                "holder_relation_of_a_firm",
                "律师事务所的发件人资料中的账户是律所自己的账户，不作为付款账户，无需填写收款人与债权人的关系"
                "或附收款授权书",
            )
        return account

    @field_validator("uscc", mode="before")
    @classmethod
    def _check_uscc(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            return parse_uscc(value).number
        except IdentityError as exc:
            raise PydanticCustomError(exc.code, exc.message) from None


class FirmSender(SenderProfile):
    """A law firm's details given in a lawyer letter: its account is its own (no holder
    other than the firm, :class:`FirmAccount`)."""

    bank_account: FirmAccount | None = Field(  # type: ignore[assignment]
        default=None, title="律所账户", description="律所自己的账户，不作为付款账户"
    )
