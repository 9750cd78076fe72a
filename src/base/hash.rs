//! FNV-1a, 64 bits: the one stable short hash of the crate, behind PDF subset tags and
//! file ids, calendar UIDs, run fingerprints and the feedback reader's sets of values.
//! Deterministic across runs and machines; not for security.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// A running FNV-1a hash, fed in pieces.
pub struct Fnv(pub u64);

impl Fnv {
    /// The hash of nothing yet.
    pub fn new() -> Self {
        Fnv(OFFSET)
    }

    /// Feeds bytes.
    pub fn feed(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(PRIME);
        }
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

/// The FNV-1a hash of a string's bytes.
pub fn fnv(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.feed(s.as_bytes());
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // the published FNV-1a 64 test vectors
        assert_eq!(fnv(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv("foobar"), 0x8594_4171_f739_67e8);
        let mut h = Fnv::new();
        h.feed(b"foo");
        h.feed(b"bar");
        assert_eq!(h.0, fnv("foobar"));
    }
}
