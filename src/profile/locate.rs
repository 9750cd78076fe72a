//! Where each field of a YAML document sits: field paths (`person.name`,
//! `johari.peers[1][2]`, and `person.id#v` for a scalar's value) → 1-based line:col
//! and length in characters, so that problems found after reading can point at the
//! source. The places come from the YAML reader's one pass ([`super::yaml`]).

use std::collections::HashMap;

/// A field's path, position (line, column) and length.
pub type Place = (String, (usize, usize), usize);

/// Path → position (line, column) and length.
type Table = HashMap<String, ((usize, usize), usize)>;

/// Positions of fields. The lookup table is made on first use: most files have
/// nothing to point at.
#[derive(Debug, Default)]
pub struct Locations {
    places: Vec<Place>,
    map: std::cell::OnceCell<Table>,
}

impl Locations {
    /// The places a read found, in the order found (the first of a path counts).
    pub fn new(places: Vec<Place>) -> Locations {
        Locations {
            places,
            map: std::cell::OnceCell::new(),
        }
    }

    /// Every place, in the order found.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    fn map(&self) -> &Table {
        self.map.get_or_init(|| {
            let mut map = HashMap::with_capacity(self.places.len());
            for (path, pos, len) in &self.places {
                map.entry(path.clone()).or_insert((*pos, *len));
            }
            map
        })
    }

    /// Position of `path`, or of its nearest ancestor that was found.
    pub fn find(&self, path: &str) -> Option<((usize, usize), usize)> {
        let map = self.map();
        let mut p = path;
        loop {
            if let Some(v) = map.get(p) {
                return Some(*v);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// Position of the value of `path` (for scalars), falling back like [`find`](Self::find).
    pub fn value(&self, path: &str) -> Option<((usize, usize), usize)> {
        self.map()
            .get(&format!("{path}#v"))
            .copied()
            .or_else(|| self.find(path))
    }
}
