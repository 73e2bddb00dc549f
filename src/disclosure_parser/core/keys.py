"""The contract keys of SPEC §1 and the two official templates they come from.

Everything here is data: the names users' code relies on (row, column, item, group and
outcome keys), in template order, with the Chinese wording each stands for.
"""

from __future__ import annotations

from typing import Final, Literal

Template = Literal["2019", "2021"]
TEMPLATES: Final[tuple[Template, ...]] = ("2019", "2021")

# ---------------------------------------------------------------------------------------------
# Table A: 第二十条 blocks
# ---------------------------------------------------------------------------------------------

#: item key -> (clause, canonical label)
ITEMS: Final[dict[str, tuple[str, str]]] = {
    "regulations": ("一", "规章"),
    "normative_documents": ("一", "规范性文件"),
    "licensing": ("五", "行政许可"),
    "other_services": ("五", "其他对外管理服务事项"),
    "penalties": ("六", "行政处罚"),
    "coercive_measures": ("六", "行政强制"),
    "fees": ("八", "行政事业性收费"),
    "procurement": ("九", "政府集中采购"),
}

#: the columns each item has under each template, as printed in the official header
ITEM_COLUMNS: Final[dict[Template, dict[str, tuple[str, ...]]]] = {
    "2019": {
        "regulations": ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        "normative_documents": ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        "licensing": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "other_services": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "penalties": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "coercive_measures": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "fees": ("上一年项目数量", "本年增/减"),
        "procurement": ("采购项目数量", "采购总金额"),
    },
    "2021": {
        "regulations": ("本年制发件数", "本年废止件数", "现行有效件数"),
        "normative_documents": ("本年制发件数", "本年废止件数", "现行有效件数"),
        "licensing": ("本年处理决定数量",),
        "penalties": ("本年处理决定数量",),
        "coercive_measures": ("本年处理决定数量",),
        "fees": ("本年收费金额（单位：万元）",),
    },
}

# ---------------------------------------------------------------------------------------------
# Table B: applicant-by-outcome matrix
# ---------------------------------------------------------------------------------------------

APPLICANT_COLUMNS: Final = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other",
    "total",
)
APPLICANTS: Final = APPLICANT_COLUMNS[:6]

COLUMN_LABELS: Final[dict[str, str]] = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social_welfare": "社会公益组织",
    "legal_services": "法律服务机构",
    "other": "其他",
    "total": "总计",
}

WITHHELD: Final = (
    "withheld.state_secret",
    "withheld.prohibited_by_law",
    "withheld.security_stability",
    "withheld.third_party_rights",
    "withheld.internal_affairs",
    "withheld.process_information",
    "withheld.enforcement_files",
    "withheld.administrative_query",
)
UNAVAILABLE: Final = (
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.unclear_after_correction",
)
NOT_PROCESSED: Final = (
    "not_processed.complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.confirmation",
)
OTHER_HANDLING_2021: Final = (
    "other_handling.no_correction",
    "other_handling.unpaid_fee",
    "other_handling.other",
)

_OUTCOMES_HEAD: Final = ("granted", "partially_granted", *WITHHELD, *UNAVAILABLE, *NOT_PROCESSED)

#: the outcome rows whose sum is the 总计 row, per template
OUTCOME_ROWS: Final[dict[Template, tuple[str, ...]]] = {
    "2019": (*_OUTCOMES_HEAD, "other_handling"),
    "2021": (*_OUTCOMES_HEAD, *OTHER_HANDLING_2021),
}

#: all rows of table B in template order
APPLICATION_ROWS: Final[dict[Template, tuple[str, ...]]] = {
    t: ("new_received", "carried_over", *OUTCOME_ROWS[t], "total", "carried_forward")
    for t in ("2019", "2021")
}

ROW_LABELS: Final[dict[str, str]] = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld.state_secret": "1.属于国家秘密",
    "withheld.prohibited_by_law": "2.其他法律行政法规禁止公开",
    "withheld.security_stability": "3.危及“三安全一稳定”",
    "withheld.third_party_rights": "4.保护第三方合法权益",
    "withheld.internal_affairs": "5.属于三类内部事务信息",
    "withheld.process_information": "6.属于四类过程性信息",
    "withheld.enforcement_files": "7.属于行政执法案卷",
    "withheld.administrative_query": "8.属于行政查询事项",
    "unavailable.not_held": "1.本机关不掌握相关政府信息",
    "unavailable.needs_creation": "2.没有现成信息需要另行制作",
    "unavailable.unclear_after_correction": "3.补正后申请内容仍不明确",
    "not_processed.complaint": "1.信访举报投诉类申请",
    "not_processed.duplicate": "2.重复申请",
    "not_processed.publication": "3.要求提供公开出版物",
    "not_processed.excessive": "4.无正当理由大量反复申请",
    "not_processed.confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_handling": "（六）其他处理",
    "other_handling.no_correction": (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    ),
    "other_handling.unpaid_fee": (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    ),
    "other_handling.other": "3.其他",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}

#: the group heading printed before the first row of a group (used when rendering)
ROW_GROUPS: Final[dict[str, str]] = {
    "granted": "三、本年度办理结果",
    "withheld.state_secret": "（三）不予公开",
    "unavailable.not_held": "（四）无法提供",
    "not_processed.complaint": "（五）不予处理",
    "other_handling.no_correction": "（六）其他处理",
}

# ---------------------------------------------------------------------------------------------
# Table C: 行政复议、行政诉讼
# ---------------------------------------------------------------------------------------------

REVIEW_GROUPS: Final = ("review", "direct_suit", "post_review_suit")
REVIEW_OUTCOMES: Final = ("upheld", "corrected", "other", "pending", "total")

GROUP_LABELS: Final[dict[str, str]] = {
    "review": "行政复议",
    "direct_suit": "未经复议直接起诉",
    "post_review_suit": "复议后起诉",
}
OUTCOME_LABELS: Final[dict[str, str]] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------

SECTION_TITLES: Final[dict[int, str]] = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}

CHINESE_NUMERALS: Final = "一二三四五六七八九十"
