//! Built-in vocabularies (Johari adjectives, needs, questions, self-check items,
//! burnout signs, service modules) in zh-CN and en, with id lookup.

use crate::base::locale::Locale;

/// One catalogue entry: a stable id and its words in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Stable English snake_case id, as written in profiles.
    pub id: &'static str,
    /// The zh-CN word.
    pub zh: &'static str,
    /// The English rendering.
    pub en: &'static str,
}

impl Item {
    /// The word in the given locale.
    pub fn label(&self, loc: Locale) -> &'static str {
        match loc {
            Locale::Zh => self.zh,
            Locale::ZhTw => crate::text::zhtw::convert_static(self.zh),
            Locale::En => self.en,
        }
    }
}

const fn it(id: &'static str, zh: &'static str, en: &'static str) -> Item {
    Item { id, zh, en }
}

/// The classic 55 Johari adjectives.
pub const ADJECTIVES: &[Item] = &[
    it("able", "能干", "able"),
    it("accepting", "包容", "accepting"),
    it("adaptable", "适应力强", "adaptable"),
    it("bold", "大胆", "bold"),
    it("brave", "勇敢", "brave"),
    it("calm", "冷静", "calm"),
    it("caring", "体贴", "caring"),
    it("cheerful", "开朗", "cheerful"),
    it("clever", "聪明", "clever"),
    it("complex", "复杂", "complex"),
    it("confident", "自信", "confident"),
    it("dependable", "可靠", "dependable"),
    it("dignified", "庄重", "dignified"),
    it("energetic", "精力充沛", "energetic"),
    it("extroverted", "外向", "extroverted"),
    it("friendly", "友好", "friendly"),
    it("giving", "乐于奉献", "giving"),
    it("happy", "快乐", "happy"),
    it("helpful", "乐于助人", "helpful"),
    it("idealistic", "理想主义", "idealistic"),
    it("independent", "独立", "independent"),
    it("ingenious", "足智多谋", "ingenious"),
    it("intelligent", "有才智", "intelligent"),
    it("introverted", "内向", "introverted"),
    it("kind", "善良", "kind"),
    it("knowledgeable", "博学", "knowledgeable"),
    it("logical", "逻辑性强", "logical"),
    it("loving", "有爱心", "loving"),
    it("mature", "成熟", "mature"),
    it("modest", "谦虚", "modest"),
    it("nervous", "易紧张", "nervous"),
    it("observant", "善于观察", "observant"),
    it("organised", "有条理", "organised"),
    it("patient", "耐心", "patient"),
    it("powerful", "有影响力", "powerful"),
    it("proud", "自豪", "proud"),
    it("quiet", "安静", "quiet"),
    it("reflective", "善于反思", "reflective"),
    it("relaxed", "放松", "relaxed"),
    it("religious", "虔诚", "religious"),
    it("responsive", "回应及时", "responsive"),
    it("searching", "好探究", "searching"),
    it("self-assertive", "敢于主张", "self-assertive"),
    it("self-conscious", "拘谨", "self-conscious"),
    it("sensible", "通情达理", "sensible"),
    it("sentimental", "多愁善感", "sentimental"),
    it("shy", "害羞", "shy"),
    it("silly", "傻气", "silly"),
    it("spontaneous", "随性", "spontaneous"),
    it("sympathetic", "富有同情心", "sympathetic"),
    it("tense", "紧绷", "tense"),
    it("trustworthy", "值得信赖", "trustworthy"),
    it("warm", "热情", "warm"),
    it("wise", "睿智", "wise"),
    it("witty", "风趣", "witty"),
];

/// Accepted aliases for adjective ids (American spellings).
pub const ADJECTIVE_ALIASES: &[(&str, &str)] = &[("organized", "organised")];

/// The 20 personal needs, in the questionnaire's order.
pub const NEEDS: &[Item] = &[
    it("free_time", "自由时间", "free time"),
    it("power", "权力", "power"),
    it("interesting_work", "有兴趣的工作", "interesting work"),
    it("money", "金钱", "money"),
    it("independence", "独立", "independence"),
    it("security", "安全", "security"),
    it("professional_status", "专业地位", "professional status"),
    it("challenge", "挑战", "challenge"),
    it("no_worries", "无烦恼", "freedom from worry"),
    it("friends", "朋友", "friends"),
    it("prestige", "声望", "prestige"),
    it("culture", "文化氛围", "cultural environment"),
    it("location", "地理位置", "location"),
    it("recreation", "消遣", "recreation"),
    it("transparency", "透明度", "openness"),
    it("climate", "气候", "climate"),
    it("education", "教育设施", "educational facilities"),
    it("leader", "当领导", "being a leader"),
    it("expert", "专家", "being an expert"),
    it("family_time", "与家庭在一起的时间", "time with family"),
];

/// Needs that lean to the administrative ladder, with their weight.
pub const ADMIN_NEEDS: &[(&str, u32)] = &[("leader", 3), ("power", 2), ("prestige", 1)];
/// Needs that lean to the technical ladder, with their weight.
pub const TECH_NEEDS: &[(&str, u32)] = &[
    ("expert", 3),
    ("professional_status", 2),
    ("interesting_work", 1),
    ("independence", 1),
];

/// The eight questions of the needs questionnaire (ids are the profile's `answers` keys;
/// q1 and q2 are answered by `needs.top/next` and `needs.extra`).
pub const QUESTIONS: &[Item] = &[
    it(
        "top_needs",
        "圈出下一份工作中对你最重要的 3 项需要，再在其次重要的 3 项下划线。",
        "Circle the 3 needs that matter most in your next job; underline the next 3.",
    ),
    it(
        "extra_needs",
        "清单里没有、但对你重要的需要，请补充。",
        "Add needs of yours that the list lacks.",
    ),
    it(
        "current_job_fit",
        "你现在的工作能让你得到下一步最需要的东西吗？能，是怎样做到的；不能，什么样的安排可以做到？",
        "Can your current job give you what you need most next? If yes, how; if not, what arrangement would?",
    ),
    it(
        "next_job_expectation",
        "你期望下一份工作满足你的需要吗？会怎样满足，或者为什么不会？",
        "Do you expect your next job to meet your needs? How, or why not?",
    ),
    it(
        "most_needed",
        "写下并描述你在下一份工作中最需要的东西。",
        "Name and describe what you need most from your next job.",
    ),
    it(
        "activities",
        "为了实现目标，列出至少 4 项你能做、也愿意做的主要活动（不要用职位名称）。",
        "List at least 4 main activities you can and will do to reach your goal (no job titles).",
    ),
    it(
        "skills_to_develop",
        "要在下一步发挥潜力，你必须培养哪些新技能或能力？",
        "Which new skills or abilities must you develop to grow your potential in the next step?",
    ),
    it(
        "summary",
        "总结你的需要，以及你能够并且将会为满足它们做些什么。",
        "Summarise your needs and what you can and will do to meet them.",
    ),
];

/// The four strategy questions (ids are the profile's `strategy` keys).
pub const STRATEGY: &[Item] = &[
    it(
        "quality",
        "如何提高我的综合素质？",
        "How will I raise my overall quality?",
    ),
    it(
        "skills",
        "如何提升我的技能？",
        "How will I raise my skills?",
    ),
    it(
        "shortfalls",
        "如何弥补我的不足？",
        "How will I make up my shortfalls?",
    ),
    it(
        "opportunities",
        "如何为自己创造机会？",
        "How will I create opportunities?",
    ),
];

/// The seven marks of the mediocre (self-check).
pub const MEDIOCRITY: &[Item] = &[
    it(
        "no_passion",
        "缺乏激情，投机取巧",
        "No passion for the work, looks for shortcuts",
    ),
    it(
        "careless",
        "马虎，只求差不多",
        "Careless, settles for “close enough”",
    ),
    it(
        "avoids_hardship",
        "不肯吃苦，退缩推诿",
        "Avoids hardship, retreats or shifts blame",
    ),
    it("excuses", "满嘴借口", "Full of excuses"),
    it("complaints", "满腹牢骚", "Full of complaints"),
    it(
        "procrastination",
        "拖拉，效率低下",
        "Procrastinates, low efficiency",
    ),
    it(
        "self_centred",
        "以自我为中心，不兑现承诺",
        "Self-centred, breaks promises, ignores others",
    ),
];

/// How responsibility shows.
pub const RESPONSIBILITY_SIGNS: &[Item] = &[
    it("confidence", "自信", "confidence"),
    it("order", "有条理", "order"),
    it("drive", "进取", "drive"),
    it("dependability", "可靠", "dependability"),
    it("thoughtfulness", "体贴周到", "thoughtfulness"),
    it("success", "追求成功", "pursuit of success"),
    it("discipline", "自律", "self-discipline"),
];

/// How responsibility grows.
pub const RESPONSIBILITY_GROWTH: &[Item] = &[
    it(
        "duty",
        "从第一天起做好本职工作",
        "Do your duties well from day one",
    ),
    it(
        "beyond",
        "付出多于等价交换：在职责之外帮助他人",
        "Give more than an equal exchange: help beyond your role",
    ),
    it(
        "intrinsic",
        "把责任当作随内在动力一起成长的东西",
        "Treat responsibility as something that grows with your own motivation",
    ),
];

/// The eight signs of burnout.
pub const BURNOUT_SIGNS: &[Item] = &[
    it(
        "fewer_contacts",
        "与他人的接触减少",
        "Fewer contacts with others",
    ),
    it("low_energy", "精力不足", "Not enough energy"),
    it("falling_efficiency", "工作效率下降", "Efficiency falling"),
    it("less_punctual", "不如以前守时", "Less punctual"),
    it(
        "poor_sleep",
        "睡眠不好或夜里醒来",
        "Poor sleep or waking at night",
    ),
    it(
        "weight_change",
        "体重无故增加或减少",
        "Unexplained weight gain or loss",
    ),
    it(
        "body_worry",
        "过度担心自己的身体",
        "Excessive worry about one's body",
    ),
    it(
        "lost_interest",
        "对社会和爱好失去兴趣",
        "No more interest in society or hobbies",
    ),
];

/// Remedies for burnout.
pub const BURNOUT_REMEDIES: &[Item] = &[
    it("exercise", "每天锻炼身体", "Exercise every day"),
    it(
        "own_needs",
        "关注自己的需要，不责怪自己，也不责怪别人",
        "Attend to your own needs without blaming yourself or others",
    ),
    it(
        "goals",
        "设定可衡量的个人目标并实现它",
        "Set measurable personal goals and reach them",
    ),
    it("joy", "做能带来快乐的事", "Do things that bring you joy"),
    it(
        "express",
        "得体地说出自己的感受",
        "Say how you feel, with tact",
    ),
    it(
        "cooperate",
        "在组织中合作，建立伙伴关系",
        "Cooperate and build partnerships at work",
    ),
];

/// Axes of the service-style grid.
pub const SERVICE_AXES: &[Item] = &[
    it("procedure", "程序特性", "procedure quality"),
    it("warmth", "个人特性", "personal warmth"),
];

/// The four service types: (procedure high?, warmth high?).
pub const SERVICE_TYPES: &[(Item, bool, bool)] = &[
    (it("indifferent", "漠不关心型", "Indifferent"), false, false),
    (it("by_the_book", "按部就班型", "By the book"), true, false),
    (
        it("warm_chaotic", "热情友好型", "Warm but chaotic"),
        false,
        true,
    ),
    (it("quality", "优质服务型", "Quality service"), true, true),
];

/// The five dimensions customers judge service by.
pub const QUALITY_DIMENSIONS: &[Item] = &[
    it("tangibles", "有形度", "tangibles"),
    it("empathy", "同理度", "empathy"),
    it("professionalism", "专业度", "professionalism"),
    it("responsiveness", "反应度", "responsiveness"),
    it("reliability", "信赖度", "reliability"),
];

/// The four levels of service.
pub const SERVICE_LEVELS: &[Item] = &[
    it("basic", "基本服务", "basic"),
    it("satisfying", "满意服务", "satisfying"),
    it("value_added", "超值服务", "value-added"),
    it("memorable", "难忘服务", "memorable"),
];

/// Outer qualities of an excellent service employee.
pub const SERVICE_OUTER: &[Item] = &[
    it("image", "职业形象", "professional image"),
    it("language", "规范的服务用语", "standard service language"),
    it("skill", "专业技能", "professional skill"),
    it("etiquette", "服务礼仪", "etiquette"),
];

/// Inner qualities of an excellent service employee.
pub const SERVICE_INNER: &[Item] = &[
    it("promises", "信守承诺", "keeps promises"),
    it("tolerant", "宽容", "tolerant"),
    it("modest", "谦虚诚实", "modest and honest"),
    it("empathetic", "善解人意", "empathetic"),
    it("positive", "积极", "positive"),
    it("service_minded", "有服务意识", "service-minded"),
];

/// Result of looking a word up in a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Found: the canonical entry.
    Found(&'static Item),
    /// Not found; the nearest id, if one is close.
    Missing(Option<&'static str>),
}

/// Normalises a user-written word for matching: trims, lowercases, maps spaces and
/// hyphens to underscores (so `Interesting Work` finds `interesting_work`), and folds
/// traditional characters to simplified ones (so `熱情` finds `热情`).
pub fn normalise(word: &str) -> String {
    crate::text::zhtw::fold(&word.trim().to_lowercase().replace([' ', '-'], "_"))
}

/// Whether `target` (normalised) is the zh word `zh` in either script, also in the
/// Taiwan term the zh-TW workbook prints for it (`职业发展` is also `職涯發展`).
/// Converts `zh` each time: for words met once; catalogues use [`position`].
pub fn same_zh(zh: &str, target: &str) -> bool {
    normalise(zh) == target || normalise(&crate::text::zhtw::convert(zh)) == target
}

/// Finds `word` among `items` by id or zh/en word, case-insensitively.
pub fn lookup(items: &'static [Item], aliases: &[(&str, &str)], word: &str) -> Lookup {
    match position_of(items, aliases, word) {
        Some(n) => Lookup::Found(&items[n]),
        None => Lookup::Missing(nearest(word, items.iter().flat_map(|i| [i.id, i.zh]))),
    }
}

/// The position of a word's item, as [`lookup`] finds it (aliases too), without
/// looking for the nearest when there is none (for reading many words, most of them
/// not items).
pub fn position_of(items: &'static [Item], aliases: &[(&str, &str)], word: &str) -> Option<usize> {
    let w = normalise(word);
    let alias = aliases
        .iter()
        .find(|(a, _)| normalise(a) == w)
        .map(|(_, id)| *id);
    let target = alias.map(normalise).unwrap_or(w);
    find(items, &target)
}

/// The position of the item that the normalised word `w` names: its id, English or
/// Chinese word, else (for a Chinese word) the Taiwan term of the zh-TW workbook.
fn find(items: &'static [Item], w: &str) -> Option<usize> {
    index(items, false)
        .get(w)
        .or_else(|| (!w.is_ascii()).then(|| index(items, true).get(w)).flatten())
        .copied()
}

/// Every form of every item of a catalogue, normalised → the item's position: id,
/// English and Chinese, or (`taiwan`) the Taiwan term of the zh-TW workbook, which
/// needs the conversion tables and is made only when a word is not found otherwise.
/// Made once per catalogue (a lookup used to normalise and convert every item each
/// time).
fn index(
    items: &'static [Item],
    taiwan: bool,
) -> &'static std::collections::HashMap<String, usize> {
    use std::collections::HashMap;
    use std::sync::{OnceLock, RwLock};
    type Index = &'static HashMap<String, usize>;
    /// (catalogue address, Taiwan terms) → its index
    type Cache = RwLock<Vec<((usize, bool), Index)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(Vec::new()));
    let key = (items.as_ptr() as usize, taiwan);
    let known = cache
        .read()
        .ok()
        .and_then(|c| c.iter().find(|(k, _)| *k == key).map(|(_, ix)| *ix));
    if let Some(ix) = known {
        return ix;
    }
    let mut map = HashMap::new();
    for (n, i) in items.iter().enumerate() {
        if taiwan {
            map.entry(normalise(&crate::text::zhtw::convert(i.zh)))
                .or_insert(n);
            continue;
        }
        for form in [normalise(i.id), normalise(i.en), normalise(i.zh)] {
            map.entry(form).or_insert(n);
        }
    }
    // a handful of catalogues, each indexed once for the life of the process
    let ix: Index = Box::leak(Box::new(map));
    if let Ok(mut c) = cache.write() {
        if let Some((_, old)) = c.iter().find(|(k, _)| *k == key) {
            return old;
        }
        c.push((key, ix));
    }
    ix
}

/// The position in `items` of the item `word` names (id, English or Chinese word in
/// either script), if any.
pub fn position(items: &'static [Item], word: &str) -> Option<usize> {
    find(items, &normalise(word))
}

/// The candidate nearest to `word`, when it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = normalise(word);
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&w, &normalise(c));
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.filter(|(c, s)| {
        *s >= 0.82 || (w.chars().count() <= 3 && strsim::levenshtein(&w, &normalise(c)) <= 1)
    })
    .map(|(c, _)| c)
}

/// Finds an item by its exact id (for built-in, known-good ids).
pub fn by_id(items: &'static [Item], id: &str) -> &'static Item {
    items.iter().find(|i| i.id == id).unwrap_or(&items[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_sizes_match_the_domain() {
        assert_eq!(ADJECTIVES.len(), 55);
        assert_eq!(NEEDS.len(), 20);
        assert_eq!(QUESTIONS.len(), 8);
        assert_eq!(STRATEGY.len(), 4);
        assert_eq!(MEDIOCRITY.len(), 7);
        assert_eq!(BURNOUT_SIGNS.len(), 8);
    }

    #[test]
    fn zh_words_are_unique_within_each_catalogue() {
        for cat in [ADJECTIVES, NEEDS] {
            let mut seen = std::collections::HashSet::new();
            for i in cat {
                assert!(seen.insert(i.zh), "duplicate zh word {}", i.zh);
            }
        }
    }

    #[test]
    fn lookup_accepts_id_zh_alias_and_case() {
        assert_eq!(
            lookup(ADJECTIVES, ADJECTIVE_ALIASES, "可靠"),
            Lookup::Found(by_id(ADJECTIVES, "dependable"))
        );
        assert_eq!(
            lookup(ADJECTIVES, ADJECTIVE_ALIASES, "Organized"),
            Lookup::Found(by_id(ADJECTIVES, "organised"))
        );
        assert_eq!(
            lookup(NEEDS, &[], "Interesting Work"),
            Lookup::Found(by_id(NEEDS, "interesting_work"))
        );
        assert_eq!(
            lookup(ADJECTIVES, ADJECTIVE_ALIASES, "dependible"),
            Lookup::Missing(Some("dependable"))
        );
        assert_eq!(
            lookup(ADJECTIVES, ADJECTIVE_ALIASES, "xyzzy"),
            Lookup::Missing(None)
        );
    }
}
