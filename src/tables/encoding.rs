//! The encoding of a text table, decided over the whole file in one streaming pass
//! (a BOM, else UTF-8, else GBK), and a reader that turns GBK or UTF-16 into UTF-8.

use super::{cannot_read, open, TableError};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Text encodings of delimited text files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with BOM.
    Utf8Bom,
    /// GBK (GB 18030 decoder), as Chinese Excel saves "CSV".
    Gbk,
    /// UTF-16 little endian with BOM (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big endian with BOM.
    Utf16Be,
}

impl TextEncoding {
    /// Name for messages and the run summary.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Gbk => "GBK",
            TextEncoding::Utf16Le => "UTF-16 (Unicode text)",
            TextEncoding::Utf16Be => "UTF-16 BE",
        }
    }
}

/// Decides the encoding of the whole file in one streaming pass: a BOM, else UTF-8
/// when every byte is valid UTF-8, else GBK when every byte is valid GBK; otherwise
/// the file is refused, naming the line of the first bad byte in each reading.
pub fn detect_encoding(path: &Path) -> Result<TextEncoding, TableError> {
    let mut r = BufReader::with_capacity(64 * 1024, open(path)?);
    let head = r.fill_buf().map_err(cannot_read)?;
    if head.starts_with(b"\xef\xbb\xbf") {
        if let Some((line, byte)) = first_bad_utf8(path)? {
            return Err(TableError {
                row: Some(line),
                message: crate::msg!("table.bom_bad", byte = format!("{byte:02X}"), line = line),
            });
        }
        return Ok(TextEncoding::Utf8Bom);
    }
    if head.starts_with(b"\xff\xfe") {
        return Ok(TextEncoding::Utf16Le);
    }
    if head.starts_with(b"\xfe\xff") {
        return Ok(TextEncoding::Utf16Be);
    }
    let scan = scan_utf8(path)?;
    let Some((u_line, u_byte)) = scan.first_bad else {
        return Ok(TextEncoding::Utf8);
    };
    // Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, even when its
    // bytes happen to be valid GBK (UTF-8 Chinese text often is): never guess GBK then.
    if scan.multibyte >= 2 * scan.bad {
        return Err(TableError {
            row: Some(u_line),
            message: crate::msg!(
                "table.utf8_damaged",
                byte = format!("{u_byte:02X}"),
                line = u_line,
                bad = scan.bad
            ),
        });
    }
    match first_bad_gbk(path)? {
        None => Ok(TextEncoding::Gbk),
        Some((g_line, _)) => Err(TableError {
            row: Some(u_line),
            message: crate::msg!(
                "table.neither",
                byte = format!("{u_byte:02X}"),
                line = u_line,
                gline = g_line
            ),
        }),
    }
}

/// The first byte that is not valid UTF-8 (its line and value), and how many valid
/// multi-byte characters and invalid sequences the file has — streaming.
struct Utf8Scan {
    first_bad: Option<(usize, u8)>,
    multibyte: usize,
    bad: usize,
}

fn scan_utf8(path: &Path) -> Result<Utf8Scan, TableError> {
    let mut r = open(path)?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    let mut line = 1usize;
    let mut out = Utf8Scan {
        first_bad: None,
        multibyte: 0,
        bad: 0,
    };
    loop {
        let n = r.read(&mut buf).map_err(cannot_read)?;
        let mut chunk = std::mem::take(&mut carry);
        chunk.extend_from_slice(&buf[..n]);
        let mut rest: &[u8] = &chunk;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                    line += s.bytes().filter(|b| *b == b'\n').count();
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let good = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or("");
                    out.multibyte += good.chars().filter(|c| c.len_utf8() > 1).count();
                    line += good.bytes().filter(|b| *b == b'\n').count();
                    match e.error_len() {
                        Some(k) => {
                            out.bad += 1;
                            if out.first_bad.is_none() {
                                out.first_bad = Some((line, rest[e.valid_up_to()]));
                            }
                            if rest[e.valid_up_to()..e.valid_up_to() + k].contains(&b'\n') {
                                line += 1;
                            }
                            rest = &rest[e.valid_up_to() + k..];
                        }
                        None if n == 0 => {
                            out.bad += 1;
                            if out.first_bad.is_none() {
                                out.first_bad = Some((line, rest[e.valid_up_to()]));
                            }
                            rest = &[];
                            break;
                        }
                        None => {
                            carry = rest[e.valid_up_to()..].to_vec();
                            rest = &[];
                            break;
                        }
                    }
                }
            }
        }
        let _ = rest;
        if n == 0 {
            return Ok(out);
        }
    }
}

fn first_bad_utf8(path: &Path) -> Result<Option<(usize, u8)>, TableError> {
    Ok(scan_utf8(path)?.first_bad)
}

/// Line of the first malformed GBK sequence, streaming.
fn first_bad_gbk(path: &Path) -> Result<Option<(usize, u8)>, TableError> {
    let mut r = open(path)?;
    let mut dec = encoding_rs::GBK.new_decoder_without_bom_handling();
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = String::with_capacity(128 * 1024);
    let mut line = 1usize;
    loop {
        let n = r.read(&mut buf).map_err(cannot_read)?;
        let last = n == 0;
        let mut src = &buf[..n];
        loop {
            out.clear();
            let (res, read) = dec.decode_to_string_without_replacement(src, &mut out, last);
            match res {
                encoding_rs::DecoderResult::Malformed(_, _) => {
                    line += src[..read].iter().filter(|b| **b == b'\n').count();
                    let byte = src.get(read.saturating_sub(1)).copied().unwrap_or(0);
                    return Ok(Some((line, byte)));
                }
                encoding_rs::DecoderResult::OutputFull => {
                    line += src[..read].iter().filter(|b| **b == b'\n').count();
                    src = &src[read..];
                }
                encoding_rs::DecoderResult::InputEmpty => {
                    line += src[..read].iter().filter(|b| **b == b'\n').count();
                    break;
                }
            }
        }
        if last {
            return Ok(None);
        }
    }
}

/// A reader that turns GBK or UTF-16 bytes into UTF-8 as they are read.
pub(super) struct Utf8Reader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Utf8Reader<R> {
    pub(super) fn new(inner: R, enc: &'static encoding_rs::Encoding) -> Self {
        Utf8Reader {
            inner,
            decoder: enc.new_decoder_with_bom_removal(),
            raw: vec![0; 32 * 1024],
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.done {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.raw)?;
            let last = n == 0;
            self.out.clear();
            self.pos = 0;
            let need = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.out.resize(need, 0);
            let (_, _, written, _) =
                self.decoder
                    .decode_to_utf8(&self.raw[..n], &mut self.out, last);
            self.out.truncate(written);
            if last {
                self.done = true;
            }
        }
        let k = buf.len().min(self.out.len() - self.pos);
        buf[..k].copy_from_slice(&self.out[self.pos..self.pos + k]);
        self.pos += k;
        Ok(k)
    }
}
