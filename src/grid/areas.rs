//! The categories of a grid (标准类别) onto the five areas of qualification standards:
//! the area's own names (基本条件 / 知识 / 技能 / 行为 / 绩效, basics … results), the
//! synonyms companies use (素质, 能力, 业绩, 贡献, competencies, impact, …), and a
//! longer name that ends in one of them (专业知识, 管理能力, technical skills).

use crate::profile::catalog::{nearest, normalise};

/// Every word taken for each area, besides the area's id and names.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "basics",
        &[
            "基本条件",
            "基本要求",
            "基本资格",
            "资格条件",
            "任职条件",
            "基础条件",
            "门槛条件",
            "条件",
            "basic",
            "basics",
            "basic conditions",
            "basic requirements",
            "conditions",
            "requirements",
            "qualifications",
            "eligibility",
        ],
    ),
    (
        "knowledge",
        &["知识", "知识要求", "专业知识", "knowledge", "expertise"],
    ),
    (
        "skills",
        &[
            "技能",
            "能力",
            "技能要求",
            "能力要求",
            "专业能力",
            "专业技能",
            "skills",
            "skill",
            "abilities",
            "ability",
            "capabilities",
            "competencies",
            "competence",
        ],
    ),
    (
        "behaviour",
        &[
            "行为",
            "素质",
            "素养",
            "职业素养",
            "行为要求",
            "关键行为",
            "价值观",
            "态度",
            "behaviour",
            "behavior",
            "behaviours",
            "behaviors",
            "conduct",
            "values",
            "attitude",
        ],
    ),
    (
        "results",
        &[
            "绩效",
            "业绩",
            "贡献",
            "成果",
            "绩效要求",
            "业绩贡献",
            "工作业绩",
            "results",
            "result",
            "performance",
            "impact",
            "contribution",
            "contributions",
            "outcomes",
            "achievements",
            "delivery",
        ],
    ),
];

/// The area a category names: its id, a synonym, or a longer name ending in one
/// (the last word in English).
pub fn area_of(category: &str) -> Option<&'static str> {
    if let Some(id) = crate::profile::ladder::area_id(category) {
        return Some(id);
    }
    let w = normalise(category);
    let exact = |w: &str| {
        SYNONYMS
            .iter()
            .find(|(_, words)| words.iter().any(|x| normalise(x) == w))
            .map(|(id, _)| *id)
    };
    if let Some(id) = exact(&w) {
        return Some(id);
    }
    if w.is_ascii() {
        let last = w.rsplit(['_', '/', '&']).find(|s| !s.is_empty())?;
        return exact(last);
    }
    // the longest Chinese synonym the name ends with
    SYNONYMS
        .iter()
        .flat_map(|(id, words)| words.iter().map(move |x| (*id, normalise(x))))
        .filter(|(_, x)| !x.is_ascii() && w.ends_with(x.as_str()))
        .max_by_key(|(_, x)| x.chars().count())
        .map(|(id, _)| id)
}

/// The nearest word taken for an area, and that area, for "did you mean".
pub fn nearest_category(category: &str) -> Option<(&'static str, &'static str)> {
    let words = SYNONYMS.iter().flat_map(|(_, words)| words.iter().copied());
    let near = nearest(category, words)?;
    Some((near, area_of(near)?))
}

/// "基本条件 (basics), 知识 (knowledge), …" for help lines.
/// What to say of a category that is none of the five areas: the nearest with its
/// area, or the list.
pub fn unknown_help(category: &str) -> String {
    match nearest_category(category) {
        Some((near, area)) => {
            crate::msg!(
                "grid.category.near",
                near = near,
                area = area,
                list = list()
            )
        }
        None => crate::msg!("grid.category.list", list = list()),
    }
}

pub fn list() -> String {
    crate::profile::ladder::AREAS
        .iter()
        .map(|(id, zh, _)| format!("{zh} ({id})"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_synonyms_and_longer_names() {
        assert_eq!(area_of("基本条件"), Some("basics"));
        assert_eq!(area_of("素质"), Some("behaviour"));
        assert_eq!(area_of("能力"), Some("skills"));
        assert_eq!(area_of("业绩"), Some("results"));
        assert_eq!(area_of("贡献"), Some("results"));
        assert_eq!(area_of("專業知識"), Some("knowledge"), "Traditional");
        assert_eq!(area_of("管理能力"), Some("skills"));
        assert_eq!(area_of("Technical skills"), Some("skills"));
        assert_eq!(area_of("Impact"), Some("results"));
        assert_eq!(area_of("results"), Some("results"));
        assert_eq!(area_of("爱好"), None);
        assert_eq!(area_of("Hobbies"), None);
    }

    #[test]
    fn a_near_miss_gets_a_suggestion() {
        assert_eq!(
            nearest_category("knowlege"),
            Some(("knowledge", "knowledge"))
        );
        assert_eq!(
            nearest_category("Behavour"),
            Some(("behaviour", "behaviour"))
        );
        assert_eq!(nearest_category("zzzz"), None);
    }
}
