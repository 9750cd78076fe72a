//! The burnout signs checklist.

use super::{para, section, Block, Check, Section, Words};
use crate::profile::catalog;
use crate::profile::model::Profile;

pub(super) fn burnout(b: &Words, p: &Profile) -> Section {
    let items = catalog::BURNOUT_SIGNS
        .iter()
        .map(|s| Check {
            label: b.w(s),
            checked: p.burnout.iter().any(|x| x.id == s.id),
        })
        .collect();
    let mut blocks = vec![
        para(b.t("对工作产生厌倦常有八种迹象。勾出你最近注意到的：", "Eight signs often show that work is wearing you down. Tick the ones you have noticed lately:")),
        Block::Checklist { items },
    ];
    if p.burnout.len() >= 3 {
        blocks.push(Block::Note { text: b.t("你勾选了三项或更多迹象，建议尽快和上级或人力资源伙伴谈一谈。", "You ticked three signs or more: consider talking to your manager or HR partner soon.") });
    }
    blocks.push(Block::Heading {
        text: b.t("应对方法", "Remedies"),
    });
    blocks.push(Block::Bullets {
        items: catalog::BURNOUT_REMEDIES.iter().map(|r| b.w(r)).collect(),
    });
    blocks.push(Block::Prompt {
        question: b.t(
            "接下来一个月，我会这样照顾自己：",
            "Next month I will look after myself by:",
        ),
        answer: vec![],
        lines: 2,
    });
    section(b, "burnout", "厌倦预警", "Burnout watch", blocks)
}
