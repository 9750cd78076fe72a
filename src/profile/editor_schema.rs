//! The profile's JSON Schema for editors (`careerbook schema`, and beside every
//! profile `init` writes): the structure of [`super::raw`] plus what `check` knows
//! and an editor can use offline — the adjective, need, burnout, ladder and rung
//! words (ids and Chinese words), 1–5 ratings, date patterns, list lengths, and
//! descriptions in both languages.

use crate::profile::catalog::{self, Item};
use crate::profile::ladder::Ladders;
use serde_json::{json, Map, Value};

/// The schema file name `init` writes beside a profile.
pub const FILE_NAME: &str = "careerbook.schema.json";

/// A date as `check` reads it: YYYY, YYYY-MM or YYYY-MM-DD (also with `/` or `.`).
const DATE: &str = r"^\d{4}([-/.]\d{1,2}([-/.]\d{1,2})?)?$";

/// Every word `check` accepts for the items: id, Chinese word (Simplified, in
/// Traditional characters, and as the zh-TW workbook prints it), English word.
fn words(items: &[Item]) -> Vec<Value> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        let traditional = crate::text::zhtw::characters(i.zh);
        for w in [
            i.id,
            i.zh,
            &traditional,
            i.label(crate::base::locale::Locale::ZhTw),
            i.en,
        ] {
            if !out.iter().any(|x| x == w) {
                out.push(w.to_string());
            }
        }
    }
    out.into_iter().map(Value::String).collect()
}

fn nullable(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        match o.get("type").cloned() {
            Some(Value::String(t)) => {
                o.insert("type".into(), json!([t, "null"]));
            }
            None if o.contains_key("enum") => {
                if let Some(Value::Array(e)) = o.get_mut("enum") {
                    e.push(Value::Null);
                }
            }
            _ => {}
        }
    }
    v
}

fn rating(zh: &str, en: &str) -> Value {
    json!({ "type": ["integer", "null"], "minimum": 1, "maximum": 5, "description": format!("{en}, 1–5 / {zh}，1–5 分") })
}

/// Sets `definitions.<def>.properties.<prop>` to `schema`, keeping its description
/// (in both languages when `zh` is given).
fn put(root: &mut Value, def: Option<&str>, prop: &str, schema: Value, zh: Option<&str>) {
    let target = match def {
        Some(d) => root.pointer_mut(&format!("/definitions/{d}/properties")),
        None => root.pointer_mut("/properties"),
    };
    let Some(props) = target.and_then(Value::as_object_mut) else {
        return;
    };
    let old = props
        .get(prop)
        .and_then(|p| p.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let mut s = schema;
    if let Some(o) = s.as_object_mut() {
        if !o.contains_key("description") {
            let d = match zh {
                Some(zh) if !old.is_empty() => format!("{old} / {zh}"),
                Some(zh) => zh.to_string(),
                None => old,
            };
            if !d.is_empty() {
                o.insert("description".into(), Value::String(d));
            }
        }
    }
    props.insert(prop.to_string(), s);
}

/// Adds a Chinese description to a property, keeping its schema.
fn describe(root: &mut Value, def: &str, prop: &str, zh: &str) {
    if let Some(p) = root
        .pointer_mut(&format!("/definitions/{def}/properties/{prop}"))
        .and_then(Value::as_object_mut)
    {
        let old = p
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let d = if old.is_empty() {
            zh.to_string()
        } else {
            format!("{old} / {zh}")
        };
        p.insert("description".into(), Value::String(d));
    }
}

/// The editor schema, with the ladders (built-in and company) `check` would use.
pub fn schema(ladders: &Ladders) -> Value {
    let mut v = super::raw::schema();
    head(&mut v);
    person(&mut v);
    johari(&mut v);
    needs(&mut v);
    self_check(&mut v);
    career(&mut v, ladders);
    plan(&mut v);
    service(&mut v);
    v
}

/// The schema's own title and description, and the top-level `locale` and `version`.
fn head(v: &mut Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert("$id".into(), json!("urn:careerbook:profile:1"));
        o.insert(
            "title".into(),
            json!("careerbook profile / careerbook 档案"),
        );
        o.insert(
            "description".into(),
            json!("One employee's career-development profile; only person.name is required. / 一位员工的职业发展档案；只有 person.name 必填。"),
        );
    }
    put(
        v,
        None,
        "locale",
        nullable(json!({ "enum": ["zh-CN", "zh-TW", "en"] })),
        Some("手册的语言：zh-CN（简体）、zh-TW（繁体）或 en"),
    );
    put(
        v,
        None,
        "version",
        nullable(json!({ "type": "integer", "enum": [1] })),
        Some("格式版本，现在是 1"),
    );
}

/// The person: age or birth year, the day they joined, the text fields.
fn person(v: &mut Value) {
    put(
        v,
        Some("RawPerson"),
        "age",
        json!({ "type": ["integer", "null"], "minimum": 14, "maximum": 100 }),
        Some("年龄（周岁），14–100；与 birth_year 二选一"),
    );
    put(
        v,
        Some("RawPerson"),
        "birth_year",
        json!({ "type": ["integer", "null"], "minimum": 1900, "maximum": 2100 }),
        Some("出生年份，四位数字，例如 1996"),
    );
    put(
        v,
        Some("RawPerson"),
        "joined",
        json!({ "type": ["string", "integer", "null"], "pattern": DATE, "minimum": 1900, "maximum": 2100 }),
        Some("入职时间：YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2021-07"),
    );
    for (prop, zh) in [
        ("name", "姓名（必填）"),
        ("id", "工号，用作文件名"),
        ("department", "部门"),
        ("role", "岗位"),
        ("manager", "直属上级"),
    ] {
        describe(v, "RawPerson", prop, zh);
    }
}

/// The Johari picks: the 55 adjectives.
fn johari(v: &mut Value) {
    let adjectives = json!({ "enum": words(catalog::ADJECTIVES) });
    put(
        v,
        Some("RawJohari"),
        "self",
        json!({ "type": ["array", "null"], "items": adjectives, "maxItems": 10, "uniqueItems": true }),
        Some("自己选的 5–6 个形容词（55 个之一，英文 id 或中文词）"),
    );
    put(
        v,
        Some("RawJohari"),
        "peers",
        json!({ "type": ["array", "null"], "items": { "type": "array", "items": adjectives, "maxItems": 10 } }),
        Some("每位同事选的形容词，一人一个列表（匿名）"),
    );
}

/// The needs: the 20 of the catalogue.
fn needs(v: &mut Value) {
    let needs = json!({ "enum": words(catalog::NEEDS) });
    for (prop, zh) in [
        ("top", "最重要的 3 项需要"),
        ("next", "其次重要的 3 项需要"),
    ] {
        put(
            v,
            Some("RawNeeds"),
            prop,
            json!({ "type": ["array", "null"], "items": needs, "maxItems": 3, "uniqueItems": true }),
            Some(zh),
        );
    }
    describe(v, "RawNeeds", "extra", "清单里没有的、你自己的需要");
}

/// The self-check: the mediocrity ratings and the burnout signs.
fn self_check(v: &mut Value) {
    let mut mediocrity = Map::new();
    for i in catalog::MEDIOCRITY {
        mediocrity.insert(i.id.to_string(), rating(i.zh, i.en));
    }
    put(
        v,
        Some("RawSelfCheck"),
        "mediocrity",
        json!({ "type": ["object", "null"], "properties": mediocrity, "additionalProperties": { "type": ["integer", "null"], "minimum": 1, "maximum": 5 } }),
        Some("平庸的七种表现，每项 1–5 分"),
    );
    put(
        v,
        Some("RawSelfCheck"),
        "burnout",
        json!({ "type": ["array", "null"], "items": { "enum": words(catalog::BURNOUT_SIGNS) }, "uniqueItems": true }),
        Some("注意到的厌倦信号"),
    );
}

/// The plan: actions and the review schedule.
fn plan(v: &mut Value) {
    put(
        v,
        Some("RawAction"),
        "due",
        json!({ "type": ["string", "integer", "null"], "pattern": DATE, "minimum": 1900, "maximum": 2100 }),
        Some("完成时间：YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2027-06"),
    );
    put(
        v,
        Some("RawAction"),
        "done_on",
        json!({ "type": ["string", "integer", "null"], "pattern": DATE, "minimum": 1900, "maximum": 2100 }),
        Some("完成于（只在 status: done 时）"),
    );
    put(
        v,
        Some("RawAction"),
        "status",
        nullable(
            json!({ "enum": ["planned", "in_progress", "done", "dropped", "计划中", "进行中", "已完成", "已放弃", "計畫中", "計劃中", "進行中", "已放棄"] }),
        ),
        Some("状态：计划中 / 进行中 / 已完成 / 已放弃"),
    );
    for (prop, zh) in [
        ("goal", "目标"),
        ("steps", "步骤"),
        ("support", "需要的支持"),
        ("measure", "怎样衡量"),
    ] {
        describe(v, "RawAction", prop, zh);
    }
    put(
        v,
        Some("RawReviews"),
        "every",
        nullable(
            json!({ "enum": ["month", "quarter", "half_year", "year", "每月", "每季度", "每半年", "每年"] }),
        ),
        Some("复盘间隔"),
    );
    put(
        v,
        Some("RawReviews"),
        "start",
        json!({ "type": ["string", "integer", "null"], "pattern": DATE, "minimum": 1900, "maximum": 2100 }),
        Some("第一次复盘的日期"),
    );
}

/// The service modules' ratings.
fn service(v: &mut Value) {
    let mut dims = Map::new();
    for i in catalog::QUALITY_DIMENSIONS {
        dims.insert(i.id.to_string(), rating(i.zh, i.en));
    }
    put(
        v,
        Some("RawService"),
        "quality_dimensions",
        json!({ "type": ["object", "null"], "properties": dims, "additionalProperties": { "type": ["integer", "null"], "minimum": 1, "maximum": 5 } }),
        Some("客户评价服务的五个维度，每项 1–5 分"),
    );
    put(
        v,
        Some("RawServiceStyle"),
        "procedure",
        rating("程序特性", "Procedure quality"),
        None,
    );
    put(
        v,
        Some("RawServiceStyle"),
        "warmth",
        rating("个人特性", "Personal warmth"),
        None,
    );
}

/// The career: every ladder's and rung's id and names, in each script.
fn career(v: &mut Value, ladders: &Ladders) {
    let mut tracks: Vec<Value> = Vec::new();
    let mut rungs: Vec<Value> = Vec::new();
    let push = |list: &mut Vec<Value>, w: &str| {
        if !list.iter().any(|x| x == w) {
            list.push(Value::String(w.to_string()));
        }
    };
    for l in &ladders.all {
        let name = crate::text::zhtw::characters(&l.name.zh);
        for w in [&l.id, &l.name.zh, &name, l.name.tw(), &l.name.en] {
            push(&mut tracks, w);
        }
        for r in &l.rungs {
            let title = crate::text::zhtw::characters(&r.title.zh);
            for w in [&r.id, &r.title.zh, &title, r.title.tw(), &r.title.en] {
                push(&mut rungs, w);
            }
        }
    }
    put(
        v,
        Some("RawCareer"),
        "track",
        nullable(json!({ "enum": tracks })),
        Some("职业路线（阶梯）的 id 或名称"),
    );
    put(
        v,
        Some("RawCareer"),
        "level",
        nullable(json!({ "enum": rungs.clone() })),
        Some("现在所在的一级"),
    );
    put(
        v,
        Some("RawTarget"),
        "level",
        nullable(json!({ "enum": rungs })),
        Some("目标级别"),
    );
    describe(v, "RawCareer", "since", "到达现在这一级的年份");
    describe(v, "RawTarget", "by_age", "在多少岁时到达目标");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_schema_knows_the_words_ranges_and_dates() {
        let s = schema(&Ladders::builtin());
        let adj = s
            .pointer("/definitions/RawJohari/properties/self/items/enum")
            .and_then(Value::as_array)
            .unwrap();
        for w in ["dependable", "可靠", "patient", "耐心"] {
            assert!(adj.iter().any(|x| x == w), "{w}");
        }
        let rungs = s
            .pointer("/definitions/RawCareer/properties/level/enum")
            .and_then(Value::as_array)
            .unwrap();
        for w in ["manager", "经理", "associate_senior", "副高级"] {
            assert!(rungs.iter().any(|x| x == w), "{w}");
        }
        assert_eq!(
            s.pointer("/definitions/RawServiceStyle/properties/warmth/maximum"),
            Some(&json!(5))
        );
        assert_eq!(
            s.pointer("/definitions/RawAction/properties/due/pattern"),
            Some(&json!(DATE))
        );
        let d = s
            .pointer("/definitions/RawPerson/properties/name/description")
            .and_then(Value::as_str)
            .unwrap();
        assert!(d.contains("姓名"), "{d}");
    }
}
