//! The profile as written (format version 1): plain serde types, strict about keys.
//! Downstream code never sees these; `validate` turns them into [`crate::profile::model`].

use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A scalar the user may write as text or as a number (`id: 2041`, `joined: 2021`).
#[derive(Debug, Clone, PartialEq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl serde::de::Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text or a number")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            // a required field the structure check emptied (it reported why)
            fn visit_unit<E>(self) -> Result<Text, E> {
                Ok(Text(String::new()))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "number", "boolean"] })
    }
}

/// A whole profile.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook profile, version 1")]
pub struct RawProfile {
    /// Format version; 1 (the default).
    pub version: Option<i64>,
    /// Language of the workbook: `zh-CN` (default) or `en`.
    pub locale: Option<String>,
    /// Who the workbook is for. Only `name` is required.
    pub person: RawPerson,
    /// Current place on a career ladder and the target.
    pub career: Option<RawCareer>,
    /// Johari window adjectives: own picks and anonymous peer picks.
    pub johari: Option<RawJohari>,
    /// The needs questionnaire: 3 + 3 needs and extra ones.
    pub needs: Option<RawNeeds>,
    /// Answers to the questionnaire's questions 3–8.
    pub answers: Option<RawAnswers>,
    /// The four strategy questions.
    pub strategy: Option<RawStrategy>,
    /// The development plan.
    pub actions: Option<Vec<RawAction>>,
    /// When to review the plan.
    pub reviews: Option<RawReviews>,
    /// Self-ratings.
    pub self_check: Option<RawSelfCheck>,
    /// Optional service-mindset modules.
    pub service: Option<RawService>,
}

/// The person.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    /// Full name (required).
    pub name: Text,
    /// Employee id; output files are named from it.
    pub id: Option<Text>,
    /// Department.
    pub department: Option<Text>,
    /// Job title.
    pub role: Option<Text>,
    /// Year of birth (or give `age`).
    pub birth_year: Option<i64>,
    /// Age in years (or give `birth_year`).
    pub age: Option<i64>,
    /// Date joined: YYYY, YYYY-MM or YYYY-MM-DD.
    pub joined: Option<Text>,
    /// Manager's name.
    pub manager: Option<Text>,
}

/// Career position and target.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCareer {
    /// Ladder id: `administrative`, `technical` or a company ladder.
    pub track: Option<Text>,
    /// Current rung: id, zh title or en title.
    pub level: Option<Text>,
    /// Year the current rung was reached.
    pub since: Option<i64>,
    /// Where the person wants to be.
    pub target: Option<RawTarget>,
    /// Marks against the qualification standards of the current or the next rung,
    /// keyed by standard id (see `careerbook ladders show ID`).
    pub assessment: Option<BTreeMap<String, RawMark>>,
}

/// Self and manager marks against one standard.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMark {
    /// Own mark: `towards`, `meets` or `exceeds` (待提高 / 达到 / 超出).
    #[serde(rename = "self")]
    pub self_: Option<Text>,
    /// The manager's mark, the same words.
    pub manager: Option<Text>,
    /// What shows it: examples, results, documents.
    pub evidence: Option<Text>,
}

/// Target rung and when.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    /// Target rung on the same ladder.
    pub level: Option<Text>,
    /// Age by which to reach it.
    pub by_age: Option<i64>,
    /// Year by which to reach it.
    pub by_year: Option<i64>,
}

/// Johari window picks.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJohari {
    /// 5–6 adjectives the person picks for themselves.
    #[serde(rename = "self")]
    pub self_: Option<Vec<Text>>,
    /// Anonymous peer picks: one list of adjectives per peer.
    pub peers: Option<Vec<Vec<Text>>>,
}

/// Needs questionnaire, questions 1 and 2.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNeeds {
    /// The 3 most important needs.
    pub top: Option<Vec<Text>>,
    /// The next 3.
    pub next: Option<Vec<Text>>,
    /// Needs the list lacks, in your own words.
    pub extra: Option<Vec<Text>>,
}

/// Answers to questions 3–8.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAnswers {
    /// Q3: can the current job give what you need most next?
    pub current_job_fit: Option<Text>,
    /// Q4: will the next job meet your needs?
    pub next_job_expectation: Option<Text>,
    /// Q5: what you need most from the next job.
    pub most_needed: Option<Text>,
    /// Q6: at least 4 activities, no job titles.
    pub activities: Option<Vec<Text>>,
    /// Q7: skills to develop.
    pub skills_to_develop: Option<Vec<Text>>,
    /// Q8: summary.
    pub summary: Option<Text>,
}

/// The four strategy questions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStrategy {
    /// How to raise overall quality.
    pub quality: Option<Text>,
    /// How to raise skills.
    pub skills: Option<Text>,
    /// How to make up shortfalls.
    pub shortfalls: Option<Text>,
    /// How to create opportunities.
    pub opportunities: Option<Text>,
}

/// One action of the development plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// The goal.
    pub goal: Text,
    /// Steps to reach it.
    pub steps: Option<Text>,
    /// Due date: YYYY, YYYY-MM or YYYY-MM-DD.
    pub due: Option<Text>,
    /// Support needed.
    pub support: Option<Text>,
    /// How success is measured.
    pub measure: Option<Text>,
    /// `planned` (the default), `in_progress`, `done` or `dropped` (计划中 / 进行中 /
    /// 已完成 / 已放弃).
    pub status: Option<Text>,
    /// When it was done (only with `status: done`): YYYY, YYYY-MM or YYYY-MM-DD.
    pub done_on: Option<Text>,
    /// What happened.
    pub note: Option<Text>,
}

/// Review schedule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReviews {
    /// `month`, `quarter`, `half_year` or `year`.
    pub every: Option<Text>,
    /// First review: YYYY-MM or YYYY-MM-DD.
    pub start: Option<Text>,
    /// Reviews held: what was found and what was revised.
    pub log: Option<Vec<RawReviewEntry>>,
}

/// One review held.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReviewEntry {
    /// When: YYYY-MM or YYYY-MM-DD (not after today).
    pub date: Text,
    /// What was found.
    pub notes: Option<Text>,
    /// What was revised: one text or a list.
    pub changes: Option<TextOrList>,
}

/// One text or a list of texts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum TextOrList {
    /// A list.
    Many(Vec<Text>),
    /// One text.
    One(Text),
}

/// Self-check ratings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSelfCheck {
    /// The seven marks of the mediocre, each rated 1 (not me) … 5 (very me).
    pub mediocrity: Option<BTreeMap<String, i64>>,
    /// Burnout signs noticed lately (ids).
    pub burnout: Option<Vec<Text>>,
}

/// Service-mindset modules.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    /// Internal customers and what is owed to each.
    pub internal_customers: Option<Vec<RawCustomer>>,
    /// Self-rating on the two service axes, 1–5 each.
    pub service_style: Option<RawServiceStyle>,
    /// The five quality dimensions, 1–5 each.
    pub quality_dimensions: Option<BTreeMap<String, i64>>,
}

/// An internal customer.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCustomer {
    /// Who (a department or a person's role).
    pub who: Text,
    /// What I owe them, with deadlines.
    pub owe: Option<Vec<Text>>,
}

/// Service style axes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawServiceStyle {
    /// Procedure quality, 1–5.
    pub procedure: Option<i64>,
    /// Personal warmth, 1–5.
    pub warmth: Option<i64>,
}

/// The JSON Schema (draft-07) of the profile, for editors.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<RawProfile>();
    let mut v = serde_json::to_value(schema).unwrap_or_default();
    if let Some(obj) = v.as_object_mut() {
        obj.insert("$id".into(), "urn:careerbook:profile:1".into());
    }
    v
}
