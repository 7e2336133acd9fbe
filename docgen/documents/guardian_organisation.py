"""Rules on an organisation as guardian (法定代理人).

A ward without a qualified person as guardian has an organisation: the 民政部门, or the
ward's 居民委员会/村民委员会 able to act (民法典 art. 32); one designated by those bodies or
the court (art. 31); or one willing to act with the consent of the ward's 居委会/村委会 or
民政部门 (arts. 27(2)(3), 28(4)). In a suit it is the 法定代理人 (民诉法解释 art. 83) and
acts through its 负责人, as any organisation does (民事诉讼法 art. 51(2)). Texts as
reproduced on public pages (m.appbook.qq.com 民法典释义, 110ask.com; searched 2026-12).
"""

from __future__ import annotations

from docgen.documents.problems import Assessment, Loc
from docgen.domain.parties import Guardian

CIVIL_CODE = "《中华人民共和国民法典》"


def check_organisation_guardian(result: Assessment, guardian: Guardian, at: Loc) -> None:
    """An organisation guardian has its USCC, its 负责人 and the basis it acts on, and
    none of a natural person's particulars; a willing one's consent is stated (warned
    if not). A natural guardian has no USCC."""
    if not guardian.is_organization:
        if guardian.uscc:
            result.error(
                (*at, "uscc"),
                "guardian_uscc_of_a_person",
                "自然人监护人没有统一社会信用代码；监护人为民政部门、居委会等组织的，"
                "请在「与被监护人的关系」中选择「组织」",
            )
        return
    for field, words in (
        ("uscc", "统一社会信用代码"),
        ("representative", "负责人（法定代表人）"),
        ("basis", "担任监护人的依据"),
    ):
        if not getattr(guardian, field):
            result.error((*at, field), "missing", f"组织担任监护人的，请填写{words}")
    for field in ("sex", "id_number"):
        if getattr(guardian, field):
            result.error(
                (*at, field),
                "guardian_organisation_person_field",
                "组织监护人没有性别、身份证件号码，请删除；组织以统一社会信用代码表明身份",
            )
    if guardian.basis == "willing" and not guardian.consent_by:
        result.warn(
            (*at, "consent_by"),
            "guardian_consent_missing",
            f"{guardian.name}作为愿意担任监护人的组织，须经被监护人住所地的居民委员会、"
            f"村民委员会或者民政部门同意（{CIVIL_CODE}第二十七条第二款第三项、"
            "第二十八条第四项），未写明同意的单位，其监护资格无从核对",
            hint="请填写同意其担任监护人的居民委员会、村民委员会或民政部门",
        )
