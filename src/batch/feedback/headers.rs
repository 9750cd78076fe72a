//! What a feedback table's headers can tell — and only ever to break a tie between
//! columns the values leave open: the survey tool that wrote the export (from its own
//! metadata columns), the columns that identify whoever answered, the tool's metadata
//! (time stamps, response numbers, IPs) that never name a colleague, and questions that
//! ask who is being rated.

/// A header folded for matching: no numbering or type marks, Traditional characters
/// as Simplified, lower case, spaces and dashes as `_`.
pub fn norm(h: &str) -> String {
    crate::text::zhtw::fold(&super::words::clean_header(h))
        .to_lowercase()
        .replace([' ', '-', '\u{3000}'], "_")
}

/// The survey tools whose exports are recognised by their metadata columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Microsoft Forms (ID, Start time, Completion time, Email, Name).
    MicrosoftForms,
    /// Google Forms (Timestamp, Email Address).
    GoogleForms,
    /// 问卷星 (序号, 提交答卷时间, 所用时间, 来源, 来自IP).
    Wenjuanxing,
    /// 腾讯问卷 (编号, 开始答题时间, 结束答题时间, 答题时长).
    Tencent,
    /// 飞书问卷 (提交时间, 提交人).
    Feishu,
    /// Anything else: an in-house form, a hand-made table.
    Generic,
}

impl Tool {
    /// The tool's name as the mapping shows it.
    pub fn name(self) -> String {
        match self {
            Tool::MicrosoftForms => "Microsoft Forms".into(),
            Tool::GoogleForms => "Google Forms".into(),
            Tool::Wenjuanxing => "问卷星".into(),
            Tool::Tencent => "腾讯问卷".into(),
            Tool::Feishu => "飞书问卷".into(),
            Tool::Generic => crate::msg!("fb.tool.generic"),
        }
    }
}

/// The tool that wrote a header row, from its metadata columns.
pub fn tool(headers: &[String]) -> Tool {
    let has = |names: &[&str]| {
        names
            .iter()
            .filter(|n| headers.iter().any(|h| h == *n))
            .count()
    };
    if has(&["开始答题时间", "结束答题时间", "答题时长"]) >= 2 {
        Tool::Tencent
    } else if has(&["提交答卷时间", "所用时间", "来自ip", "来源详情", "序号"]) >= 3
    {
        Tool::Wenjuanxing
    } else if has(&["start_time", "completion_time", "开始时间", "完成时间"]) >= 2
        && has(&[
            "id",
            "email",
            "name",
            "电子邮件",
            "名称",
            "last_modified_time",
        ]) >= 1
    {
        Tool::MicrosoftForms
    } else if has(&["timestamp", "时间戳记", "时间戳"]) >= 1 {
        Tool::GoogleForms
    } else if has(&["提交人", "提交时间", "填写人", "用户名"]) >= 2 {
        Tool::Feishu
    } else {
        Tool::Generic
    }
}

/// Headers of the survey tool's own columns about the response: never a colleague,
/// never an identity (an IP is many colleagues behind one office router).
const META: &[&str] = &[
    "id",
    "序号",
    "编号",
    "答卷编号",
    "response_id",
    "respondent_id_(system)",
    "start_time",
    "completion_time",
    "last_modified_time",
    "timestamp",
    "时间戳记",
    "时间戳",
    "开始时间",
    "完成时间",
    "提交时间",
    "提交答卷时间",
    "所用时间",
    "开始答题时间",
    "结束答题时间",
    "答题时长",
    "来源",
    "来源详情",
    "来自ip",
    "ip",
    "ip地址",
    "ip_address",
    "总分",
    "score",
    "total_score",
    "地理位置",
    "国家",
    "省份",
    "城市",
    "设备",
    "浏览器",
    "操作系统",
];

/// Whether a header is the tool's metadata about the response.
pub fn is_meta(h: &str) -> bool {
    META.contains(&h)
        || h.contains("ip地址")
        || h.starts_with("来自ip")
        || h.starts_with("地理位置")
        || h.ends_with("时间")
        || h.ends_with("_time")
        || h.ends_with("时长")
}

/// Headers that identify whoever answered, exactly (after [`norm`]).
const IDENTITY_EXACT: &[&str] = &[
    "email",
    "e_mail",
    "email_address",
    "电子邮件",
    "电子邮件地址",
    "邮箱",
    "name",
    "名称",
    "full_name",
    "姓名",
    "user",
    "username",
    "user_name",
    "user_id",
    "userid",
    "用户",
    "用户名",
    "用户id",
    "用户标识",
    "用户昵称",
    "昵称",
    "微信昵称",
    "提交人",
    "填写人",
    "答题者",
    "答题人",
    "respondent",
    "rater",
    "reviewer",
    "qq",
    "qq号",
    "手机",
    "手机号",
    "手机号码",
    "企业微信账号",
    "企业微信",
    "钉钉账号",
    "飞书账号",
    "openid",
    "微信openid",
    "unionid",
];

/// Words that make a header an identity of whoever answered.
const IDENTITY_WORDS: &[&str] = &[
    "email",
    "邮箱",
    "昵称",
    "手机",
    "账号",
    "openid",
    "提交人",
    "填写人",
    "答题者",
    "答题人",
    "评价人",
    "rater",
    "reviewer",
    "respondent",
    "your_name",
    "your_email",
    "your_id",
    "your_employee",
    "你的",
    "您的",
    "本人",
    "自己的",
    "我的",
];

/// Whether a header names whoever answered (never a colleague being rated).
pub fn is_identity(h: &str) -> bool {
    // an IP address is metadata, many colleagues behind one office router
    if is_meta(h) || is_subject_word(h) {
        return false;
    }
    IDENTITY_EXACT.contains(&h)
        || IDENTITY_WORDS.iter().any(|w| {
            if w.contains('_') {
                h.contains(w)
            } else {
                holds(h, w)
            }
        })
}

/// Words that make a header about the colleague being rated.
const SUBJECT_WORDS: &[&str] = &[
    "被评价",
    "被评",
    "被考评",
    "评价对象",
    "评价谁",
    "要评价",
    "评价的",
    "同事",
    "对象",
    "subject",
    "colleague",
    "person",
    "ratee",
    "reviewee",
    "peer",
    "coworker",
    "co_worker",
    "teammate",
    "他/她",
    "他她",
    "ta的",
];

/// Whether `h` holds `word`: a Chinese word anywhere, a Latin one as a whole word
/// (`id` in `colleague_id`, not in `ideas`; `colleagues` holds `colleague`).
fn holds(h: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return h.contains(word);
    }
    h.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| t == word || t.strip_suffix('s') == Some(word))
}

fn is_subject_word(h: &str) -> bool {
    SUBJECT_WORDS.iter().any(|w| holds(h, w))
}

/// Words that make a header ask for an id or a name.
const WHO_WORDS: &[&str] = &[
    "工号", "编号", "编码", "代码", "姓名", "名字", "谁", "哪位", "id", "name", "who", "which",
    "code", "number",
];

/// Whether a header asks who the colleague being rated is (`被评价同事的工号`,
/// `Colleague name`, `你要评价谁？`) — not merely mentions them
/// (`对这位同事还有什么建议？`).
pub fn asks_subject(h: &str) -> bool {
    matches!(
        h,
        "subject" | "subject_id" | "被评价人" | "ratee" | "reviewee"
    ) || (is_subject_word(h) && WHO_WORDS.iter().any(|w| holds(h, w)))
}

/// Values of an identity column that identify nobody (an anonymous form).
pub fn is_placeholder(v: &str) -> bool {
    let v = v.trim().to_lowercase();
    matches!(
        v.as_str(),
        "" | "anonymous"
            | "anon"
            | "匿名"
            | "匿名用户"
            | "n/a"
            | "na"
            | "none"
            | "null"
            | "-"
            | "—"
            | "unknown"
            | "未知"
            | "(空)"
            | "（空）"
            | "(跳过)"
            | "（跳过）"
            | "guest"
            | "游客"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: &[&str]) -> Vec<String> {
        v.iter().map(|h| norm(h)).collect()
    }

    #[test]
    fn tools_by_their_metadata() {
        assert_eq!(
            tool(&n(&[
                "ID",
                "Start time",
                "Completion time",
                "Email",
                "Name",
                "Q"
            ])),
            Tool::MicrosoftForms
        );
        assert_eq!(
            tool(&n(&["Timestamp", "Email Address", "Q"])),
            Tool::GoogleForms
        );
        assert_eq!(
            tool(&n(&[
                "序号",
                "提交答卷时间",
                "所用时间",
                "来源",
                "来源详情",
                "来自IP",
                "1、Q"
            ])),
            Tool::Wenjuanxing
        );
        assert_eq!(
            tool(&n(&[
                "编号",
                "开始答题时间",
                "结束答题时间",
                "答题时长",
                "Q"
            ])),
            Tool::Tencent
        );
        assert_eq!(tool(&n(&["提交人", "提交时间", "Q"])), Tool::Feishu);
        assert_eq!(tool(&n(&["工号", "形容词"])), Tool::Generic);
        // time stamps alone are no Microsoft Forms
        assert_eq!(
            tool(&n(&["Start time", "Completion time", "Q"])),
            Tool::Generic
        );
        assert_eq!(Tool::Wenjuanxing.name(), "问卷星");
    }

    #[test]
    fn identity_subject_and_meta_headers() {
        for h in [
            "Email",
            "Name",
            "微信昵称",
            "昵称",
            "答题者",
            "QQ号",
            "手机号",
            "企业微信账号",
            "用户昵称",
            "用户ID",
            "钉钉账号",
            "飞书账号",
            "评价人工号",
            "你的工号",
            "Your name",
        ] {
            assert!(is_identity(&norm(h)), "{h}");
        }
        for h in ["被评价人工号", "来自IP", "IP地址", "你要评价谁？", "形容词"] {
            assert!(!is_identity(&norm(h)), "{h}");
        }
        for h in [
            "被评价同事的工号：",
            "Colleague name",
            "你要评价谁？",
            "subject_id",
            "Which colleague are you describing?",
        ] {
            assert!(asks_subject(&norm(h)), "{h}");
        }
        for h in [
            "对这位同事还有什么建议？",
            "Anything else you'd like to share about this colleague?",
            "Any ideas for this colleague?",
            "工号",
        ] {
            assert!(!asks_subject(&norm(h)), "{h}");
        }
        for h in [
            "序号",
            "提交答卷时间",
            "Start time",
            "来自IP",
            "答题时长",
            "IP地址（省市）",
            "来自IP（城市）",
            "地理位置（省）",
            "填写时间",
            "submit_time",
            "作答时长",
        ] {
            assert!(is_meta(&norm(h)), "{h}");
            assert!(!is_identity(&norm(h)), "{h}");
        }
        assert!(is_placeholder("Anonymous") && is_placeholder("匿名") && is_placeholder(" "));
        assert!(!is_placeholder("a@x.example"));
    }
}
