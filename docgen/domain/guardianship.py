"""How documents name a person's guardian, the legal representative (法定代理人).

A person without full capacity is addressed and acts through the guardian (民法典 art.
23): a letter names both and goes to the guardian's address; a court filing adds the
line courts write under the party, 「法定代理人：李四，男，…，系张三之父。」.
"""

from __future__ import annotations

from typing import Any

from docgen.domain.dates import format_cn
from docgen.domain.identity import number_label
from docgen.domain.parties import Guardian, Party, Person, birth_date_of, decoded_id

# the kinship term after 「系张三之」, as judgments write it; by the guardian's sex where
# the word depends on it
_KIN = {
    "father": ("父", "父"),
    "mother": ("母", "母"),
    "spouse": ("夫", "妻"),
    "child": ("子", "女"),
}
_KIN_UNKNOWN_SEX = {"spouse": "配偶", "child": "子女"}


def sex_of(guardian: Guardian) -> str | None:
    """The guardian's sex as stated, else as the resident ID number shows it; none for
    an organisation."""
    if guardian.is_organization:
        return None
    if guardian.sex is not None:
        return guardian.sex
    decoded = decoded_id(guardian)
    return decoded.sex if decoded is not None else None


def kinship(guardian: Guardian, ward: str) -> str:
    """「系张三之父」: the guardian's relation to the ward; an organisation, or another
    guardian whose word is not given, 「系张三之监护人」."""
    if guardian.relation == "organization":
        return f"系{ward}之监护人"
    if guardian.relation == "other":
        return f"系{ward}之{guardian.relation_text or '监护人'}"
    sex = sex_of(guardian)
    if sex is None and guardian.relation in _KIN_UNKNOWN_SEX:
        return f"系{ward}之{_KIN_UNKNOWN_SEX[guardian.relation]}"
    male, female = _KIN[guardian.relation]
    return f"系{ward}之{male if sex == '男' else female}"


def guardian_of(party: Party | None) -> Guardian | None:
    return party.guardian if isinstance(party, Person) else None


def addressee(party: Party) -> str:
    """The name a letter is addressed to: 「张三（法定代理人：李四）」 for a ward."""
    guardian = guardian_of(party)
    return f"{party.name}（法定代理人：{guardian.name}）" if guardian else party.name


def delivery_address(party: Party) -> str:
    """Where a letter to the party is sent: a ward's goes to the guardian."""
    guardian = guardian_of(party)
    return guardian.address if guardian and guardian.address else party.address


def delivery_fields(party: dict[str, Any]) -> dict[str, str]:
    """Name, address and phone for a mailing list, from a party as the case data holds
    it: a ward's letter is addressed through the guardian and goes to the guardian."""
    guardian = party.get("guardian")
    fields = {k: str(party.get(k) or "") for k in ("name", "address", "phone")}
    if not isinstance(guardian, dict) or not guardian.get("name"):
        return fields
    return {
        "name": f"{fields['name']}（法定代理人：{guardian['name']}）",
        "address": str(guardian.get("address") or fields["address"]),
        "phone": str(guardian.get("phone") or fields["phone"]),
    }


def guardian_line(guardian: Guardian, ward: str, *, full_id: bool = True) -> str:
    """The court's line under the party: 「法定代理人：李四，男，1960年5月1日出生，住…，
    公民身份号码：…，联系电话：…，系张三之父。」 (民事诉讼法 art. 60). A 法定代理人 is
    described as a party is (art. 124(1): sex, age, address, contact), with the relation
    to the ward; the birth date is the one the ID number states, where it states one.
    An organisation is described as an organisation party is, its 负责人 after it:
    「法定代理人：北京市东城区民政局，住所地…，统一社会信用代码：…，系张三之监护人。
    负责人：王五，局长。」 (民诉法解释 art. 83: the art. 32 organisation as 法定代理人)."""
    if guardian.is_organization:
        return _organisation_line(guardian, ward, full_id=full_id)
    parts = [guardian.name]
    sex = sex_of(guardian)
    if sex:
        parts.append(sex)
    birth = birth_date_of(guardian)
    if birth is not None:
        parts.append(f"{format_cn(birth)}出生")
    if guardian.address:
        parts.append(f"住{guardian.address}")
    if guardian.id_number and full_id:
        parts.append(f"{number_label(guardian.id_type)}：{guardian.id_number}")
    if guardian.phone:
        parts.append(f"联系电话：{guardian.phone}")
    parts.append(kinship(guardian, ward))
    return "法定代理人：" + "，".join(parts) + "。"


def representative_words(guardian: Guardian) -> str:
    """「负责人：王五，局长」: who acts for an organisation guardian."""
    words = f"{guardian.representative_title}：{guardian.representative or ''}"
    if guardian.representative_position:
        words += f"，{guardian.representative_position}"
    return words


def guardian_lines(guardian: Guardian, ward: str) -> list[str]:
    """:func:`guardian_line` as a filing lists it: an organisation's 负责人 on a line of
    its own, as an organisation party's 法定代表人 is."""
    if not guardian.is_organization:
        return [guardian_line(guardian, ward)]
    return [_organisation_head(guardian, ward, full_id=True), representative_words(guardian) + "。"]


def _organisation_line(guardian: Guardian, ward: str, *, full_id: bool) -> str:
    return (
        _organisation_head(guardian, ward, full_id=full_id) + representative_words(guardian) + "。"
    )


def _organisation_head(guardian: Guardian, ward: str, *, full_id: bool) -> str:
    parts = [guardian.name]
    if guardian.address:
        parts.append(f"住所地{guardian.address}")
    if guardian.uscc and full_id:
        parts.append(f"统一社会信用代码：{guardian.uscc}")
    if guardian.phone:
        parts.append(f"联系电话：{guardian.phone}")
    parts.append(kinship(guardian, ward))
    return "法定代理人：" + "，".join(parts) + "。"


_BASIS_ARTICLES = {
    "civil_affairs": "第三十二条",
    "committee": "第三十二条",
    "designated": "第三十一条",
}


def organisation_article(guardian: Guardian, *, minor: bool) -> str:
    """The 民法典 article an organisation is the guardian by: art. 32 (民政部门, or the
    ward's 居委会/村委会, where no one is qualified), art. 31 (designated), art. 27(2)(3)
    for a minor or art. 28(4) for an adult (willing, with consent); empty if not given."""
    if guardian.basis == "willing":
        return "第二十七条" if minor else "第二十八条"
    return _BASIS_ARTICLES.get(guardian.basis or "", "")
