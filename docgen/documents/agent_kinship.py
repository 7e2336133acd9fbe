"""Who may act as a party's near relative (近亲属) in a suit, by the word the relation is
typed in.

民事诉讼法 art. 61(2)(二) lets a party appoint 「当事人的近亲属」; 民诉法解释 (法释〔2022〕11号)
art. 85 says who they are: 「与当事人有夫妻、直系血亲、三代以内旁系血亲、近姻亲关系以及其他
有抚养、赡养关系的亲属，可以当事人近亲属的名义作为诉讼代理人」 (text of the 2022 revision as
quoted on qqstock.cn; the 2015 text on dfrtw.com reads the same). A friend, a colleague or a
neighbour is none of these: the court does not admit such an agent, and the power of
attorney is void for its purpose. Such a person may act only as a citizen the party's
community or unit recommends (art. 61(2)(三)), or a party's staff as its 工作人员.

The relation is typed as a word (「父亲」, 「配偶」, 「表哥」); it is checked against the
circle of art. 85 read out in the common words for each degree. A relation of the last
kind is stated as such (「有赡养关系的继子」: any word naming 抚养, 扶养 or 赡养), and the
court checks it on the papers art. 88(3) asks (身份证件和与委托人有近亲属关系的证明材料).
"""

from __future__ import annotations

import unicodedata

from docgen.documents.guardian_kinship import KIN_WORDS

__all__ = ["CLOSE_RELATIVE_WORDS", "RELATIVE_HINT", "is_close_relative"]

_SPOUSE = ("配偶", "丈夫", "妻子", "夫", "妻", "爱人", "夫妻", "老公", "老婆")
# 直系血亲: parents, children, grandparents, grandchildren, great-grandparents
_LINEAL = (
    "父母",
    "子女",
    "祖父",
    "祖母",
    "祖父母",
    "外祖父",
    "外祖母",
    "外祖父母",
    "爷爷",
    "奶奶",
    "外公",
    "外婆",
    "姥爷",
    "姥姥",
    "孙子",
    "孙女",
    "孙子女",
    "外孙",
    "外孙子",
    "外孙女",
    "外孙子女",
    "曾祖父",
    "曾祖母",
    "曾外祖父",
    "曾外祖母",
    "曾孙",
    "曾孙女",
    "曾外孙",
    "曾外孙女",
    "儿女",
)
# 三代以内旁系血亲: siblings, the parents' siblings and their children, the siblings' children
_COLLATERAL = (
    "兄弟姐妹",
    "兄弟",
    "姐妹",
    "哥哥",
    "弟弟",
    "姐姐",
    "妹妹",
    "兄",
    "弟",
    "姐",
    "妹",
    "哥",
    "伯父",
    "伯母",
    "叔父",
    "叔叔",
    "姑母",
    "姑妈",
    "姑姑",
    "舅父",
    "舅舅",
    "姨母",
    "姨妈",
    "伯伯",
    "侄子",
    "侄女",
    "外甥",
    "外甥女",
    *(f"{side}{kin}" for side in ("堂", "表") for kin in ("兄", "弟", "姐", "妹", "哥")),
    *(f"{side}兄弟姐妹" for side in ("堂", "表")),
    *(f"{side}兄弟" for side in ("堂", "表")),
    *(f"{side}姐妹" for side in ("堂", "表")),
)
# 近姻亲: the spouse's parents and siblings, the spouses of the children, of the siblings
# and of the other blood relatives within three generations (art. 85 draws no finer line:
# the court reads it on the papers)
_IN_LAWS = (
    "姑父",
    "姑丈",
    "姨父",
    "姨夫",
    "舅妈",
    "舅母",
    "婶婶",
    "婶母",
    "侄媳",
    "侄女婿",
    "外甥媳",
    "外甥女婿",
    "岳父",
    "岳母",
    "公公",
    "婆婆",
    "儿媳",
    "儿媳妇",
    "女婿",
    "嫂子",
    "嫂嫂",
    "弟媳",
    "弟妹",
    "姐夫",
    "妹夫",
    "大伯子",
    "小叔子",
    "大姑子",
    "小姑子",
    "大舅子",
    "小舅子",
    "大姨子",
    "小姨子",
    "连襟",
    "妯娌",
)
# step- and adoptive relations: blood or not, the law treats them as parent and child
# (民法典 arts. 1072, 1111)
_STEP = tuple(f"{kind}{kin}" for kind in ("继", "养") for kin in ("父", "母", "子", "女", "父母"))
CLOSE_RELATIVE_WORDS = frozenset((*KIN_WORDS, *_SPOUSE, *_LINEAL, *_COLLATERAL, *_IN_LAWS, *_STEP))
"""The words for the degrees art. 85 names, as relations are commonly typed."""
# birth order and familiar prefixes typed before the word: 大哥, 二姐, 长子, 亲哥哥
_PREFIXES = ("长", "次", "大", "二", "三", "四", "五", "六", "小", "幼", "亲")
# the last kind of art. 85 is stated by the duty that makes it; it is still a relative's
_SUPPORT = ("抚养", "扶养", "赡养")
_NOT_KIN = ("朋友", "同事", "同学", "邻居", "老乡", "战友", "室友", "老板", "员工", "领导")
RELATIVE_HINT = (
    "近亲属包括配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女，三代以内"
    "旁系血亲（如 堂兄、表妹、侄子、外甥、舅舅），近姻亲（如 岳父、婆婆、儿媳、女婿、姐夫）"
    "以及其他有抚养、赡养关系的亲属（请写明，如 有赡养关系的继子）；朋友、同事、邻居等不是"
    "近亲属，可由当事人所在社区、单位或有关社会团体推荐后代理（代理人身份选「社区、单位或"
    "社会团体推荐的公民」），当事人单位的职工选「当事人的工作人员」"
)


def _plain(word: str) -> str:
    """The word without spaces and with full-width forms folded."""
    return "".join(unicodedata.normalize("NFKC", word).split())


def is_close_relative(relation: str) -> bool:
    """The relation names a near relative of 民诉法解释 art. 85: a word of its degrees,
    with or without a birth-order prefix (大哥, 二姐, 长子), or a relative stated to be
    supported or supporting (有赡养关系的…)."""
    word = _plain(relation).removeprefix("委托人的").removeprefix("当事人的")
    if word in CLOSE_RELATIVE_WORDS:
        return True
    if any(duty in word for duty in _SUPPORT):
        return not any(other in word for other in _NOT_KIN)
    stripped = word
    while stripped[:1] in _PREFIXES and len(stripped) > 1:
        stripped = stripped[1:]
        if stripped in CLOSE_RELATIVE_WORDS:
            return True
    return False
