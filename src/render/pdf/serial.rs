//! A small PDF file writer for the direct writer: numbered objects, each stream
//! written where it comes, every other object packed into one compressed object
//! stream, and a cross-reference stream (PDF 1.5 and later). Object bodies are PDF
//! syntax the caller writes, with helpers for names, numbers and strings.

use super::embed::deflate;
use std::io::Write;

/// Where an object is: at a byte offset, or the n-th in the object stream.
#[derive(Clone, Copy)]
enum Loc {
    Free,
    At(usize),
    Packed(u32),
}

/// A PDF file being written.
pub struct File {
    out: Vec<u8>,
    locs: Vec<Loc>,
    /// The packed objects: number and body.
    packed: Vec<(u32, Vec<u8>)>,
    level: i32,
}

impl File {
    /// A new file of PDF `version` ("1.7"); packed objects deflate at `level`.
    pub fn new(version: &str, capacity: usize, level: i32) -> Self {
        let mut out = Vec::with_capacity(capacity);
        // the binary comment tells transfer tools that the file is binary
        let _ = writeln!(out, "%PDF-{version}");
        out.extend_from_slice(b"%\xE2\xE3\xCF\xD3\n");
        File {
            out,
            locs: vec![Loc::Free],
            packed: Vec::new(),
            level,
        }
    }

    /// Reserves an object number.
    pub fn reserve(&mut self) -> u32 {
        self.locs.push(Loc::Free);
        (self.locs.len() - 1) as u32
    }

    /// Writes stream object `id`: `dict` is the dictionary's inside without
    /// `/Length`, `data` the (already encoded) bytes.
    pub fn stream(&mut self, id: u32, dict: &[u8], data: &[u8]) {
        self.locs[id as usize] = Loc::At(self.out.len());
        let _ = write!(self.out, "{id} 0 obj\n<<");
        self.out.extend_from_slice(dict);
        let _ = writeln!(self.out, "/Length {}>>stream", data.len());
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// Adds object `id` (not a stream) with `body` to the object stream.
    pub fn object(&mut self, id: u32, body: Vec<u8>) {
        self.locs[id as usize] = Loc::Packed(self.packed.len() as u32);
        self.packed.push((id, body));
    }

    /// Writes the object stream, the cross-reference stream whose dictionary is the
    /// trailer (`trailer`: its inside, e.g. `/Root 1 0 R`), and the end of file.
    pub fn finish(mut self, trailer: &[u8]) -> Vec<u8> {
        let objstm = self.reserve();
        let mut head = Vec::new();
        let mut bodies = Vec::new();
        for (id, body) in &self.packed {
            let _ = write!(head, "{id} {} ", bodies.len());
            bodies.extend_from_slice(body);
            bodies.push(b'\n');
        }
        let first = head.len();
        head.extend_from_slice(&bodies);
        let data = deflate(&head, self.level);
        let dict = format!(
            "/Type/ObjStm/N {}/First {first}/Filter/FlateDecode",
            self.packed.len()
        );
        self.stream(objstm, dict.as_bytes(), &data);
        // the cross-reference stream: type (1 byte), offset or object stream (4),
        // generation or index (2)
        let xref = self.reserve();
        let at = self.out.len();
        self.locs[xref as usize] = Loc::At(at);
        let mut rows = Vec::with_capacity(self.locs.len() * 7);
        for loc in &self.locs {
            let (kind, a, b): (u8, u32, u16) = match *loc {
                Loc::Free => (0, 0, 0xffff),
                Loc::At(off) => (1, off as u32, 0),
                Loc::Packed(i) => (2, objstm, i as u16),
            };
            rows.push(kind);
            rows.extend_from_slice(&a.to_be_bytes());
            rows.extend_from_slice(&b.to_be_bytes());
        }
        let rows = deflate(&rows, self.level);
        let mut dict = format!(
            "/Type/XRef/Size {}/W[1 4 2]/Filter/FlateDecode",
            self.locs.len()
        )
        .into_bytes();
        dict.extend_from_slice(trailer);
        self.stream(xref, &dict, &rows);
        let _ = write!(self.out, "startxref\n{at}\n%%EOF\n");
        self.out
    }
}

/// `n 0 R`.
pub fn reference(out: &mut Vec<u8>, id: u32) {
    let _ = write!(out, "{id} 0 R");
}

/// A string of bytes as a PDF literal string: the delimiters, the escape and a
/// carriage return (an end of line to a reader) escaped, every other byte as it is.
pub fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

/// A number with at most two decimals (a hundredth of a point), no trailing zeros.
pub fn num(out: &mut Vec<u8>, v: f32) {
    hundredths(out, centi(v));
}

/// `v` in hundredths, rounded: what [`num`] writes.
pub fn centi(v: f32) -> i64 {
    (f64::from(v) * 100.0).round() as i64
}

/// A number given in hundredths, as [`num`] writes it.
pub fn hundredths(out: &mut Vec<u8>, m: i64) {
    if m < 0 {
        out.push(b'-');
    }
    let m = m.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = m / 100;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
    let frac = m % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_are_written_as_pdf_reads_them() {
        let mut o = Vec::new();
        literal(&mut o, b"a(b)\\c\rd\ne\x00");
        assert_eq!(o, b"(a\\(b\\)\\\\c\\rd\ne\x00)");
        o.clear();
        for v in [0.0, 12.5, -3.456, 595.28, 1000.0, 0.04] {
            num(&mut o, v);
            o.push(b' ');
        }
        assert_eq!(o, b"0 12.5 -3.46 595.28 1000 0.04 ");
    }

    #[test]
    fn the_cross_reference_stream_points_at_every_object() {
        let mut f = File::new("1.7", 1024, 6);
        let a = f.reserve();
        let b = f.reserve();
        f.object(a, b"<</Type/Catalog/Pages 2 0 R>>".to_vec());
        f.stream(b, b"", b"stream bytes");
        let out = f.finish(b"/Root 1 0 R");
        let find = |from: usize, what: &[u8]| {
            out[from..]
                .windows(what.len())
                .position(|w| w == what)
                .map(|i| i + from)
                .unwrap()
        };
        assert!(out.starts_with(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
        assert!(out.ends_with(b"%%EOF\n"));
        // object 2 is where the table says, and startxref names the xref stream
        let at = find(0, b"2 0 obj");
        let tail = find(0, b"startxref\n") + 10;
        let start: usize = String::from_utf8_lossy(&out[tail..])
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(out[start..].starts_with(b"4 0 obj\n<</Type/XRef/Size 5/W[1 4 2]"));
        let len_at = find(start, b"/Length ") + 8;
        let len: usize = String::from_utf8_lossy(&out[len_at..])
            .split('>')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let body_at = find(start, b">>stream\n") + 9;
        let rows = inflate(&out[body_at..body_at + len]);
        assert_eq!(rows.len(), 5 * 7);
        assert_eq!(&rows[0..7], &[0, 0, 0, 0, 0, 0xff, 0xff]);
        assert_eq!(rows[7], 2, "object 1 is packed");
        assert_eq!(
            &rows[8..12],
            &3u32.to_be_bytes(),
            "in the object stream, number 3"
        );
        assert_eq!(rows[14], 1);
        assert_eq!(&rows[15..19], &(at as u32).to_be_bytes());
        // the packed object is in the object stream
        let objstm = find(0, b"3 0 obj\n<</Type/ObjStm/N 1/First ");
        let body_at = find(objstm, b">>stream\n") + 9;
        let packed = inflate(&out[body_at..]);
        assert!(packed.starts_with(b"1 0 <</Type/Catalog/Pages 2 0 R>>"));
    }

    fn inflate(data: &[u8]) -> Vec<u8> {
        use std::io::Read;
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(data)
            .read_to_end(&mut out)
            .unwrap();
        out
    }
}
