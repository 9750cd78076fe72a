//! `careerbook init`: a commented starter profile that validates as it is.

use crate::base::locale::Locale;
use crate::profile::model::Profile;

/// The name the starter profile holds until its owner writes theirs, by language
/// (the zh-TW starter converts the zh one, which leaves these characters as they are).
pub const NAME_PLACEHOLDERS: &[&str] = &["你的名字", "Your Name"];

/// The starter's placeholders a profile still holds (`check` warns about them).
pub fn placeholders_left(p: &Profile) -> Vec<&'static str> {
    NAME_PLACEHOLDERS
        .iter()
        .copied()
        .filter(|n| p.person.name == *n)
        .collect()
}

/// The starter profile text for a locale and ladder id.
pub fn starter(locale: Locale, track: &str, first_rung: &str, schema: &str) -> String {
    match locale {
        // the zh text in Traditional characters; a Taiwan starter says so in `locale`
        Locale::ZhTw => crate::text::zhtw::convert(&starter(Locale::Zh, track, first_rung, schema))
            .replace(
                "locale: zh-CN                 # zh-CN、zh-TW 或 en",
                "locale: zh-TW                 # zh-TW、zh-CN 或 en",
            ),
        Locale::Zh => format!(
            r#"# yaml-language-server: $schema={schema}
# careerbook 档案（格式版本 1）。只有 person.name 是必填的；没写的内容会在手册里
# 留成空白练习，可以手写补上。改完后运行：careerbook check 本文件
version: 1
locale: zh-CN                 # zh-CN、zh-TW 或 en
person:
  name: {zh_name}               # 必填
  # id: E0001                 # 工号，输出文件以它命名
  # department: 部门
  # role: 岗位
  # birth_year: 1995          # 或 age: 31，用于在职业阶梯上定位
  # joined: 2022-03           # YYYY、YYYY-MM 或 YYYY-MM-DD
  # manager: 上级姓名
career:
  track: {track}              # administrative（行政路线）或 technical（技术路线）
  level: {first_rung}         # 当前职级：id、中文或英文名称都可以
  # since: 2022
  # target: {{ level: 经理, by_age: 35 }}
# johari:
#   self: [可靠, 耐心, 有条理, 热情, 害羞]      # 自己选 5–6 个形容词
#   peers:                                     # 同事匿名选的，每人一行
#     - [可靠, 乐于助人, 安静]
# needs:
#   top: [有兴趣的工作, 挑战, 与家庭在一起的时间]   # 最重要的 3 项
#   next: [金钱, 安全, 专业地位]                  # 其次的 3 项
#   extra: ["可以远程办公"]
# answers:
#   most_needed: 我最需要的是……
#   activities: [活动一, 活动二, 活动三, 活动四]
# strategy:
#   skills: 我打算这样提升技能……
# actions:
#   - goal: 目标
#     steps: 步骤
#     due: 2027-06
#     support: 需要的支持
#     measure: 衡量标准
# reviews: {{ every: quarter, start: 2027-01 }}   # month、quarter、half_year 或 year
"#,
            zh_name = NAME_PLACEHOLDERS[0]
        ),
        Locale::En => format!(
            r#"# yaml-language-server: $schema={schema}
# careerbook profile (format version 1). Only person.name is required; whatever you
# leave out becomes a blank exercise in the workbook. Check it with:
#   careerbook check THIS_FILE
version: 1
locale: en                    # zh-CN, zh-TW or en
person:
  name: {en_name}             # required
  # id: E0001                 # employee id; output files are named from it
  # department: Department
  # role: Job title
  # birth_year: 1995          # or age: 31; places you on the career ladder
  # joined: 2022-03           # YYYY, YYYY-MM or YYYY-MM-DD
  # manager: Manager's name
career:
  track: {track}              # administrative or technical
  level: {first_rung}         # current rung: id, English or Chinese title
  # since: 2022
  # target: {{ level: manager, by_age: 35 }}
# johari:
#   self: [dependable, patient, organised, warm, shy]   # pick 5–6 adjectives
#   peers:                                             # anonymous peer picks, one line each
#     - [dependable, helpful, quiet]
# needs:
#   top: [interesting_work, challenge, family_time]    # the 3 most important
#   next: [money, security, professional_status]       # the next 3
#   extra: ["remote work"]
# answers:
#   most_needed: What I need most is ...
#   activities: [one, two, three, four]
# strategy:
#   skills: I will raise my skills by ...
# actions:
#   - goal: Goal
#     steps: Steps
#     due: 2027-06
#     support: Support needed
#     measure: How I will know
# reviews: {{ every: quarter, start: 2027-01 }}   # month, quarter, half_year or year
"#,
            en_name = NAME_PLACEHOLDERS[1]
        ),
    }
}
